import type { ActorLike } from './member.ts'
import { canModerate } from './member.ts'

/**
 * Who may see and change content. The visibility scope is defined once here, for Prisma
 * (`visibleContentWhere`) and later for search, so hidden or deleted content cannot leak
 * through any list.
 */
export type ContentStatus = 'visible' | 'hidden' | 'deleted'
type Authored = { authorId: string | null; status: ContentStatus }

/** In every list, feed, tag page and count: visible content only, for everyone. */
export const visibleContentWhere = { status: 'visible' } as const

/** A single post or answer: visible ones for members; moderators also see hidden and deleted ones. */
export function canSeeContent(actor: ActorLike | null, content: { status: ContentStatus }): boolean {
  return content.status === 'visible' || canModerate(actor)
}

export function canEditContent(actor: ActorLike | null, content: Authored): boolean {
  if (!actor || actor.status !== 'active') return false
  if (canModerate(actor)) return true
  return content.status === 'visible' && content.authorId === actor.id
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
    actor?.status === 'active' && post.status === 'visible' && post.type === 'project' && post.shareEditing &&
      post.organisationId && actor.organisationId === post.organisationId,
  )
}

export const canDeleteContent = canEditContent

export function canRestoreContent(actor: ActorLike | null): boolean {
  return canModerate(actor)
}

/** The asker (or a moderator) picks the accepted answer. */
export function canAcceptAnswer(actor: ActorLike | null, question: Authored): boolean {
  return canEditContent(actor, question)
}

/** Members vote on others' visible answers, not their own. */
export function canVoteOnAnswer(actor: ActorLike | null, answer: Authored): boolean {
  return Boolean(actor && actor.status === 'active' && answer.status === 'visible' && answer.authorId !== actor.id)
}
