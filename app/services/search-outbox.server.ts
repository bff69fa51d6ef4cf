import type { Prisma } from '#app/generated/prisma/client.ts'
import type { SearchEntity } from '#app/utils/search.server.ts'

/**
 * The search index's transactional outbox: every content write adds a row in its own
 * transaction, so the index can never miss a change (the search worker consumes them).
 */
export type { SearchEntity }

export async function enqueueSearchUpdate(tx: Prisma.TransactionClient, entityType: SearchEntity, entityId: string) {
  await tx.searchOutbox.create({ data: { entityType, entityId, operation: 'upsert' }, select: { id: true } })
}

/** One outbox row per entity, in one statement (bulk changes such as merging organisations). */
export async function enqueueSearchUpdates(tx: Prisma.TransactionClient, entityType: SearchEntity, entityIds: string[]) {
  if (entityIds.length === 0) return
  await tx.searchOutbox.createMany({ data: entityIds.map((entityId) => ({ entityType, entityId, operation: 'upsert' })) })
}
