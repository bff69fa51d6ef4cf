import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { follow, unfollow } from '#app/services/follow.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { FollowFormSchema } from '#app/validation/follow.ts'

/** Follow and unfollow buttons post here (app/components/follow-button.tsx) and come back. */
export async function loader() {
  return redirect('/installningar/foljer')
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: FollowFormSchema })
  if (submission.status !== 'success') {
    throw badRequest(
      Object.values(submission.error ?? {})
        .flat()
        .filter(Boolean)[0] ?? 'Ogiltig begäran.',
    )
  }
  const { intent, targetType, target, redirectTo } = submission.value
  await enforceRateLimit('general', actor.id)
  await (intent === 'follow' ? follow : unfollow)(actor, { type: targetType, key: target })
  return redirect(safeRedirect(redirectTo, '/installningar/foljer'))
}
