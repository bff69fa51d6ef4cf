import type { Prisma } from '#app/generated/prisma/client.ts'
import { followTargetWhere } from '#app/models/follow.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import type { Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { normalizeTag } from '#app/validation/content.ts'
import type { FollowTargetRef } from '#app/validation/follow.ts'

/**
 * Following tags, organisations and posts. Following twice or unfollowing what one doesn't
 * follow is a no-op. Asking or answering a question follows it (`followPostAutomatically`,
 * called inside the question's own transaction).
 */
type TargetColumns = { targetType: 'tag'; tagId: string } | { targetType: 'organisation'; organisationId: string } | { targetType: 'post'; postId: string }

const NOT_FOUND = { tag: 'Taggen finns inte.', organisation: 'Organisationen finns inte.', post: 'Inlägget finns inte.' } as const

async function resolveTarget(tx: Prisma.TransactionClient, target: FollowTargetRef): Promise<TargetColumns | null> {
  switch (target.type) {
    case 'tag': {
      const tag = await tx.tag.findUnique({ where: { name: normalizeTag(target.key) }, select: { id: true } })
      return tag && { targetType: 'tag', tagId: tag.id }
    }
    case 'organisation': {
      const organisation = await tx.organisation.findFirst({ where: { id: target.key, verified: true }, select: { id: true } })
      return organisation && { targetType: 'organisation', organisationId: organisation.id }
    }
    case 'post': {
      const post = await tx.post.findFirst({ where: { id: target.key, ...visibleContentWhere }, select: { id: true } })
      return post && { targetType: 'post', postId: post.id }
    }
  }
}

export async function follow(actor: Actor, target: FollowTargetRef) {
  authorize(actor.status === 'active')
  await prisma.$transaction(async (tx) => {
    const columns = await resolveTarget(tx, target)
    invariantResponse(columns, NOT_FOUND[target.type])
    const { targetType, ...key } = columns
    // An automatic follow the member now chooses explicitly stays, as an explicit one.
    const updated = await tx.follow.updateMany({ where: { userId: actor.id, ...key }, data: { automatic: false } })
    if (updated.count === 0) await tx.follow.createMany({ data: [{ userId: actor.id, targetType, ...key }], skipDuplicates: true })
  })
}

/** Unfollowing needs no visibility: a member can always stop following a post that was hidden since. */
export async function unfollow(actor: Actor, target: FollowTargetRef) {
  authorize(actor.status === 'active')
  await prisma.follow.deleteMany({ where: { userId: actor.id, ...followTargetWhere(target) } })
}

/** Inside the transaction that asks or answers: the member follows the question from then on. */
export async function followPostAutomatically(tx: Prisma.TransactionClient, userId: string, postId: string) {
  await tx.follow.createMany({ data: [{ userId, targetType: 'post', postId, automatic: true }], skipDuplicates: true })
}
