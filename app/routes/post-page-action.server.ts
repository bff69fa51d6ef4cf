import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { Actor } from '#app/policies/member.ts'
import { deleteContent } from '#app/services/content-moderation.server.ts'
import { addComment, setBookmark, setLike } from '#app/services/engagement.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { PostPageActionSchema } from '#app/validation/content.ts'

/** After the author deletes their post (any type): the home page, which says so. */
export const redirectPostDeleted = (request: Request) => redirectWithFlash(request, '/', { message: 'Inlägget är borttaget.', tone: 'success' })

/** A project or artifact page's buttons: like, save, comment, delete (the author's own post or comment). */
export async function handlePostPageAction(request: Request, actor: Actor, postId: string, listPath: string) {
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: PostPageActionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const value = submission.value
  const here = `${listPath}/${postId}`
  await enforceRateLimit(value.intent === 'comment' ? 'posting' : 'general', actor.id)
  switch (value.intent) {
    case 'like':
      await setLike(actor, postId, value.value)
      return redirect(here)
    case 'bookmark':
      await setBookmark(actor, postId, value.value)
      return redirect(here)
    case 'comment': {
      const comment = await addComment(actor, postId, value.comment, value.submissionKey)
      return redirect(`${here}#kommentar-${comment.id}`)
    }
    case 'delete-comment':
      await deleteContent(actor, { targetType: 'comment', targetId: value.commentId, reason: null })
      return redirect(`${here}#comments-heading`)
    case 'delete':
      await deleteContent(actor, { targetType: 'post', targetId: postId, reason: null })
      return redirectPostDeleted(request)
  }
}
