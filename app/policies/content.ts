import type { ActorLike } from './member.ts'
import { canModerate, isActive } from './member.ts'

/**
 * Who may see and change content. Visibility is defined once here: `canSeeContent` for one
 * record, `contentOnPageWhere` and `visibleContentWhere` for Prisma, and beside them
 * `visibleContentSql` (./content-sql.server.ts) for raw SQL and the search triggers. The
 * search index holds visible posts only. content-visibility.db.test.ts proves they agree.
 */
export type ContentStatus = 'visible' | 'hidden' | 'deleted'
type Authored = { authorId: string | null; status: ContentStatus }

/** In every list, feed, tag page and count: visible content only, for everyone. */
export const visibleContentWhere = { status: 'visible' } as const

/**
 * A single post, answer or comment: visible ones for members; the author also sees their own
 * hidden content (with the moderator's reason); moderators see hidden and deleted ones.
 */
export function canSeeContent(actor: ActorLike | null, content: Authored): boolean {
  if (content.status === 'visible' || canModerate(actor)) return true
  return content.status === 'hidden' && actor !== null && content.authorId === actor.id
}

/** The content the viewer may see (the answers and comments on a page, the post of a file): as `canSeeContent`, in a Prisma where. */
export function contentOnPageWhere(viewer: ActorLike) {
  if (canModerate(viewer)) return {}
  return { OR: [visibleContentWhere, { status: 'hidden' as const, authorId: viewer.id }] }
}

/**
 * A version a moderator's edit replaced may hold what the moderator took out (personal data,
 * say): the author and moderators see it in the history, others see the versions from that
 * edit on.
 */
export function canSeeVersionsBeforeModeratorEdit(actor: ActorLike | null, content: { authorId: string | null }): boolean {
  return canModerate(actor) || (actor !== null && content.authorId === actor.id)
}

/** The author edits and deletes their own visible content; moderators act on others' through content moderation. */
export function canEditContent(actor: ActorLike | null, content: Authored): boolean {
  return Boolean(actor && actor.status === 'active' && content.status === 'visible' && content.authorId === actor.id)
}

/**
 * Posts: as content, plus colleagues in the owning organisation when the author shares
 * editing of a project.
 */
export function canEditPost(
  actor: (ActorLike & { organisationId?: string | null }) | null,
  post: Authored & { type: string; shareEditing: boolean; organisationId: string | null },
): boolean {
  if (canEditContent(actor, post)) return true
  return Boolean(
    actor?.status === 'active' &&
    post.status === 'visible' &&
    post.type === 'project' &&
    post.shareEditing &&
    post.organisationId &&
    actor.organisationId === post.organisationId,
  )
}

/**
 * Whether colleagues in the owning organisation may co-edit a project: the author decides, and
 * a moderator may correct it; co-editors may not (they would hand out edit rights).
 */
export function canChangePostSharing(actor: ActorLike | null, post: Authored): boolean {
  return canEditContent(actor, post) || canChangePostOwnership(actor, post)
}

/**
 * A post speaks for its owning organisation, which is its author's (other organisations take
 * part as participants); only a moderator corrects it, and not on their own posts.
 */
export function canChangePostOwnership(actor: ActorLike | null, post: Authored): boolean {
  return post.status !== 'deleted' && canModerateContent(actor, post)
}

export const canDeleteContent = canEditContent

/** Hide, delete, restore, edit someone's content and dismiss reports about it (app/services/content-moderation.server.ts). */
export function canModerateContent(actor: ActorLike | null, content: Authored): boolean {
  return isActive(actor) && canModerate(actor) && content.authorId !== actor.id
}

/** The asker (or a moderator) picks the accepted answer. */
export function canAcceptAnswer(actor: ActorLike | null, question: Authored): boolean {
  return canEditContent(actor, question) || (question.status === 'visible' && isActive(actor) && canModerate(actor))
}

/** Members vote on others' visible answers, not their own. */
export function canVoteOnAnswer(actor: ActorLike | null, answer: Authored): boolean {
  return Boolean(actor && actor.status === 'active' && answer.status === 'visible' && answer.authorId !== actor.id)
}
