import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { acknowledgeWarning } from '#app/services/member-moderation.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'

/** "Jag har läst varningen" in the warning banner: acknowledges it and goes back. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireActor(request)
  const formData = await requireValidMutation(request)
  await acknowledgeWarning(member, params.warningId ?? '')
  return redirect(safeRedirect(formData.get('redirectTo')))
}
