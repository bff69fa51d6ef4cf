import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { CommentView } from '#app/components/engagement.tsx'
import type { PostPageData } from '#app/components/post-page.tsx'
import { formatFileSize } from '#app/components/post-page.tsx'
import { getEngagement, type getPost } from '#app/models/post.server.ts'
import { canDeleteContent, canEditPost, canRestoreContent } from '#app/policies/content.ts'
import type { Actor } from '#app/policies/member.ts'
import { addComment, deleteComment, setBookmark, setLike } from '#app/services/engagement.server.ts'
import { setPostStatus } from '#app/services/post.server.ts'
import { PostPageActionSchema } from '#app/validation/content.ts'
import { requireValidMutation } from './csrf.server.ts'
import { enforceRateLimit } from './rate-limit.server.ts'
import { formatDateTime, formatRelativeDate } from './swedish.ts'

/** What project and artifact pages share: the presented frame and the delete/restore action. */
const STATUS_TEXT = { hidden: 'Dolt av en moderator', deleted: 'Borttaget' } as const

export function presentPostPage(post: NonNullable<Awaited<ReturnType<typeof getPost>>>, actor: Actor): PostPageData {
  return {
    id: post.id,
    title: post.title,
    bodyHtml: post.bodyHtml,
    statusText: post.status === 'visible' ? null : STATUS_TEXT[post.status],
    author: post.author ? { id: post.author.id, name: post.author.name } : null,
    organisation: post.organisation,
    created: formatRelativeDate(post.createdAt),
    edited: post.editedAt ? formatDateTime(post.editedAt) : null,
    tags: post.tags,
    files: post.files.map((file) => ({ id: file.id, originalName: file.originalName, size: formatFileSize(file.size) })),
    canEdit: canEditPost(actor, post),
    canDelete: post.status === 'visible' && canDeleteContent(actor, post),
    canRestore: post.status !== 'visible' && canRestoreContent(actor),
  }
}

/** Likes, bookmark and comments of a post page as the viewer sees them. */
export async function presentEngagement(postId: string, likeCount: number, actor: Actor) {
  const engagement = await getEngagement(postId, actor.id)
  const now = new Date()
  const comments: CommentView[] = engagement.comments.map((comment) => ({
    id: comment.id,
    body: comment.body,
    author: comment.author,
    when: formatRelativeDate(comment.createdAt, now),
    canDelete: canDeleteContent(actor, comment),
  }))
  return { liked: engagement.liked, bookmarked: engagement.bookmarked, following: engagement.following, likeCount, comments }
}

/** A project or artifact page's buttons: like, save, comment, delete, restore. */
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
    case 'comment':
      await addComment(actor, postId, value.comment)
      return redirect(`${here}#comments-heading`)
    case 'delete-comment':
      await deleteComment(actor, value.commentId)
      return redirect(`${here}#comments-heading`)
    case 'delete':
    case 'restore':
      await setPostStatus(actor, postId, value.intent === 'delete' ? 'deleted' : 'visible', value.reason)
      return redirect(value.intent === 'delete' && !canRestoreContent(actor) ? '/?borttaget' : here)
  }
}
