import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { ModerationView } from '#app/components/content-moderation.tsx'
import type { CommentView } from '#app/components/engagement.tsx'
import type { PostPageData } from '#app/components/post-page.tsx'
import { formatFileSize } from '#app/components/post-page.tsx'
import { getEngagement, type getPost } from '#app/models/post.server.ts'
import { canDeleteContent, canEditPost, canModerateContent, type ContentStatus } from '#app/policies/content.ts'
import { canReportContent } from '#app/policies/report.ts'
import type { Actor } from '#app/policies/member.ts'
import { deleteContent } from '#app/services/content-moderation.server.ts'
import { addComment, setBookmark, setLike } from '#app/services/engagement.server.ts'
import { PostPageActionSchema } from '#app/validation/content.ts'
import { requireValidMutation } from './csrf.server.ts'
import { enforceRateLimit } from './rate-limit.server.ts'
import { formatDateTime, formatRelativeDate } from './swedish.ts'

/**
 * What a post, answer or comment shows about moderation (the author sees why their content is
 * hidden; nobody sees who reported it), and the viewer's "Anmäl" / "Moderera" controls.
 */
export function presentModeration(
  actor: Actor,
  content: { authorId: string | null; status: ContentStatus; statusReason: string | null; moderatorEditedAt: Date | null },
): ModerationView {
  const reason = content.statusReason ? `: ${content.statusReason}` : ''
  const statusNotice = {
    visible: null,
    hidden: `Dolt av en moderator${reason}. Andra medlemmar ser det inte.`,
    deleted: `Borttaget${reason}. Bara moderatorer ser det.`,
  }[content.status]
  return {
    statusNotice,
    moderatorEdited: content.moderatorEditedAt !== null,
    canReport: canReportContent(actor, content),
    canModerate: canModerateContent(actor, content),
  }
}

/** What project and artifact pages share: the presented frame and the author's delete action. */
export function presentPostPage(post: NonNullable<Awaited<ReturnType<typeof getPost>>>, actor: Actor): PostPageData {
  return {
    id: post.id,
    title: post.title,
    bodyHtml: post.bodyHtml,
    moderation: presentModeration(actor, post),
    author: post.author ? { id: post.author.id, name: post.author.name } : null,
    organisation: post.organisation,
    created: formatRelativeDate(post.createdAt),
    edited: post.editedAt ? formatDateTime(post.editedAt) : null,
    tags: post.tags,
    files: post.files.map((file) => ({ id: file.id, originalName: file.originalName, size: formatFileSize(file.size) })),
    canEdit: canEditPost(actor, post),
    canDelete: canDeleteContent(actor, post),
  }
}

/** Likes, bookmark and comments of a post page as the viewer sees them. */
export async function presentEngagement(postId: string, likeCount: number, actor: Actor) {
  const engagement = await getEngagement(postId, actor)
  const now = new Date()
  const comments: CommentView[] = engagement.comments.map((comment) => ({
    id: comment.id,
    body: comment.body,
    author: comment.author,
    when: formatRelativeDate(comment.createdAt, now),
    canDelete: canDeleteContent(actor, comment),
    moderation: presentModeration(actor, comment),
  }))
  return { liked: engagement.liked, bookmarked: engagement.bookmarked, following: engagement.following, likeCount, comments }
}

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
      return redirect('/?borttaget')
  }
}
