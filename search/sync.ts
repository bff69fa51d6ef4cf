import type { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { postDocumentId, postDocumentSelect, toPostDocument } from './documents/post.ts'
import type { SearchEngine } from './types.ts'

/**
 * Bringing the index in line with the database for some entities: load each one's current
 * state and upsert it, or remove its document when it is gone or no longer visible. Used by
 * the outbox worker and after a full rebuild. Always inside a transaction, under a
 * per-entity advisory lock, so two workers handling the same post one after the other can
 * never push an older state last.
 */

/** Outbox entity types the index knows how to handle; rows of other types wait for a handler. */
export const INDEXED_ENTITY_TYPES = ['post', 'answer', 'organisation'] as const
export type IndexedEntityType = (typeof INDEXED_ENTITY_TYPES)[number]

export type EntityRef = { entityType: string; entityId: string }

/** The posts whose documents an outbox row affects. */
async function affectedPostIds(tx: Prisma.TransactionClient, entities: EntityRef[]): Promise<string[]> {
  const idsOf = (type: IndexedEntityType) => entities.filter((entity) => entity.entityType === type).map((entity) => entity.entityId)
  const answerIds = idsOf('answer')
  const organisationIds = idsOf('organisation')
  const answers = answerIds.length ? await tx.answer.findMany({ where: { id: { in: answerIds } }, select: { postId: true } }) : []
  const organisationPosts = organisationIds.length ? await tx.post.findMany({ where: { organisationId: { in: organisationIds } }, select: { id: true } }) : []
  return [...new Set([...idsOf('post'), ...answers.map((answer) => answer.postId), ...organisationPosts.map((post) => post.id)])].sort()
}

export async function indexEntities(tx: Prisma.TransactionClient, engine: SearchEngine, entities: EntityRef[]) {
  const postIds = await affectedPostIds(tx, entities)
  if (postIds.length === 0) return { upserted: 0, removed: 0 }
  // In a fixed order, so two workers never wait on each other's locks in a cycle.
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(hashtextextended('search:post:' || id, 0)))::int AS "locked"
    FROM unnest(${postIds}::text[]) WITH ORDINALITY AS ids(id, position)`
  const rows = await tx.post.findMany({ where: { id: { in: postIds } }, select: postDocumentSelect })
  const visible = rows.filter((row) => row.status === visibleContentWhere.status)
  const visibleIds = new Set(visible.map((row) => row.id))
  const removed = postIds.filter((id) => !visibleIds.has(id)).map(postDocumentId)
  const target = engine.withinTransaction?.(tx) ?? engine
  await target.upsert(visible.map(toPostDocument))
  await target.remove(removed)
  return { upserted: visible.length, removed: removed.length }
}
