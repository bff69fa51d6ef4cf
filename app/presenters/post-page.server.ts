import type { ModerationView } from '#app/components/content-moderation.tsx'
import type { CommentView } from '#app/components/engagement.tsx'
import type { PostPageData } from '#app/components/post-page.tsx'
import { formatFileSize } from '#app/components/post-page.tsx'
import type { getEngagement, getPost } from '#app/models/post.server.ts'
import { canDeleteContent, canEditPost, canModerateContent, type ContentStatus } from '#app/policies/content.ts'
import { canReportContent } from '#app/policies/report.ts'
import type { Actor } from '#app/policies/member.ts'
import { formatDateTime, formatRelativeDate } from '#app/utils/swedish.ts'

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
export function presentEngagement(engagement: Awaited<ReturnType<typeof getEngagement>>, likeCount: number, actor: Actor) {
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
