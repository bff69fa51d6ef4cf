import { z } from 'zod'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { postDocumentSelect, toPostDocument } from './documents/post.ts'
import { INDEXED_ENTITY_TYPES, indexEntities } from './sync.ts'
import type { SearchDocument, SearchEngine } from './types.ts'

/**
 * A full rebuild from the database (`npm run search:reindex`, or the app at start-up when
 * the settings version changed): every visible post, in id order, through the engine's
 * `reindexAll` (which never leaves search empty). Changes the outbox worker handled while
 * the rebuild ran may have been read before they happened (or, for Meilisearch, written to
 * the index being replaced), so those entities are brought up to date once more at the end.
 */
const REINDEX_BATCH_SIZE = 500
const REPLAY_CHUNK = 200

async function databaseNow(prisma: PrismaClient): Promise<Date> {
  const rows = await prisma.$queryRaw<unknown[]>`SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS "now"`
  return z.object({ now: z.date() }).parse(rows[0]).now
}

async function* visiblePostDocuments(prisma: PrismaClient, batchSize: number): AsyncGenerator<SearchDocument[]> {
  let after: string | undefined
  for (;;) {
    const rows = await prisma.post.findMany({
      where: { ...visibleContentWhere, ...(after ? { id: { gt: after } } : {}) },
      select: postDocumentSelect,
      orderBy: { id: 'asc' },
      take: batchSize,
    })
    const last = rows[rows.length - 1]
    if (!last) return
    yield rows.map(toPostDocument)
    after = last.id
  }
}

export async function reindexEverything({
  prisma,
  engine,
  batchSize = REINDEX_BATCH_SIZE,
}: {
  prisma: PrismaClient
  engine: SearchEngine
  batchSize?: number
}): Promise<{ indexed: number; replayed: number }> {
  const startedAt = await databaseNow(prisma)
  const { indexed } = await engine.reindexAll(visiblePostDocuments(prisma, batchSize))
  const changed = await prisma.searchOutbox.findMany({
    where: { processedAt: { gte: startedAt }, entityType: { in: [...INDEXED_ENTITY_TYPES] } },
    select: { entityType: true, entityId: true },
    distinct: ['entityType', 'entityId'],
  })
  for (let start = 0; start < changed.length; start += REPLAY_CHUNK) {
    const chunk = changed.slice(start, start + REPLAY_CHUNK)
    await prisma.$transaction((tx) => indexEntities(tx, engine, chunk), { timeout: 30_000, maxWait: 30_000 })
  }
  return { indexed, replayed: changed.length }
}
