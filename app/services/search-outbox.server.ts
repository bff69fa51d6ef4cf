import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The search index's transactional outbox: every content write adds a row in its own
 * transaction, so the index can never miss a change (the search worker consumes them).
 */
export type SearchEntity = 'post' | 'answer' | 'organisation' | 'user'

export async function enqueueSearchUpdate(tx: Prisma.TransactionClient, entityType: SearchEntity, entityId: string) {
  await tx.searchOutbox.create({ data: { entityType, entityId, operation: 'upsert' }, select: { id: true } })
}
