import type { LoaderFunctionArgs } from '@remix-run/node'
import type { PostType } from '#app/generated/prisma/client.ts'
import { getContentHistory } from '#app/models/revision.server.ts'
import { presentHistory } from '#app/presenters/revision.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'

/**
 * `<post URL>/historik` for questions, projects and artifacts: the post's versions, or with
 * `?svar=<id>` (questions) one answer's. Whoever may not see the post or the answer gets 404,
 * as on the post's page.
 */
export async function loadPostHistory({ request, params }: LoaderFunctionArgs, type: PostType, param: 'questionId' | 'postId') {
  const actor = await requireActor(request)
  const answerId = type === 'question' ? new URL(request.url).searchParams.get('svar') : null
  const history = await getContentHistory(actor, params[param] ?? '', type, answerId || null)
  invariantResponse(history, answerId ? 'Svaret finns inte.' : 'Inlägget finns inte.')
  return presentHistory(history)
}
