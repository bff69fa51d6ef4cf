import { z } from 'zod'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { INDEXED_ENTITY_TYPES, indexEntities } from './sync.ts'
import type { SearchEngine } from './types.ts'

/**
 * The outbox worker: every content write adds a "SearchOutbox" row in its own transaction;
 * this claims unprocessed rows (`FOR UPDATE SKIP LOCKED`, so several workers share the work
 * without taking the same row), loads the current state of their entities, pushes it to
 * the engine and marks the rows processed, all in one transaction. When the engine (or
 * anything else) fails, the transaction rolls back, the rows' `attempts` go up and they stay
 * for a retry: nothing is lost, and a crash between push and mark-done only repeats an
 * idempotent upsert. Fresh rows go first; retried rows come in smaller batches (halved per
 * attempt), so a row the engine keeps refusing ends up alone instead of holding others back.
 */
export const OUTBOX_BATCH_SIZE = 100
const TRANSACTION_TIMEOUT_MS = 30_000
const MAX_BATCHES_PER_DRAIN = 50
const PROCESSED_ROWS_KEPT_DAYS = 7
const ENTITY_TYPES = [...INDEXED_ENTITY_TYPES]

type Options = {
  prisma: PrismaClient
  engine: SearchEngine
  batchSize?: number
  /** false: only rows that never failed (the worker's retry back-off). Default true. */
  includeRetries?: boolean
}

export type DrainResult = {
  /** Outbox rows marked processed. */
  processed: number
  /** Rows that failed and were left for a retry (their attempts went up). */
  failed: number
  error?: unknown
  /** Whether the failed batch held rows that had never failed before (the engine looks down). */
  failedFresh?: boolean
}

type BatchResult = DrainResult & { claimed: number }

const claimedRowSchema = z.object({ id: z.string(), entityType: z.string(), entityId: z.string() })

async function drainBatch({ prisma, engine, batchSize, includeRetries }: Required<Options>): Promise<BatchResult> {
  let claimedIds: string[] = []
  let attempts = 0
  try {
    return await prisma.$transaction(
      async (tx) => {
        const [lowest] = await tx.$queryRaw<{ attempts: number | null }[]>`
          SELECT min("attempts") AS "attempts" FROM "SearchOutbox"
          WHERE "processedAt" IS NULL AND "entityType" = ANY(${ENTITY_TYPES}::text[])`
        attempts = lowest?.attempts ?? 0
        if (attempts > 0 && !includeRetries) return { processed: 0, failed: 0, claimed: 0 }
        const limit = Math.max(1, Math.floor(batchSize / 2 ** Math.min(attempts, 20)))
        const rows = z.array(claimedRowSchema).parse(
          await tx.$queryRaw`
            SELECT "id"::text AS "id", "entityType", "entityId" FROM "SearchOutbox"
            WHERE "processedAt" IS NULL AND "attempts" = ${attempts}::int AND "entityType" = ANY(${ENTITY_TYPES}::text[])
            ORDER BY "id"
            LIMIT ${limit}::int
            FOR UPDATE SKIP LOCKED`,
        )
        claimedIds = rows.map((row) => row.id)
        if (rows.length === 0) return { processed: 0, failed: 0, claimed: 0 }
        await indexEntities(tx, engine, rows)
        await tx.$executeRaw`
          UPDATE "SearchOutbox" SET "processedAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ANY(${claimedIds}::bigint[])`
        return { processed: rows.length, failed: 0, claimed: rows.length }
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    )
  } catch (error) {
    if (claimedIds.length > 0) {
      await prisma.$executeRaw`
        UPDATE "SearchOutbox" SET "attempts" = "attempts" + 1
        WHERE "id" = ANY(${claimedIds}::bigint[]) AND "processedAt" IS NULL`.catch(() => undefined)
    }
    return { processed: 0, failed: claimedIds.length, claimed: claimedIds.length, error, failedFresh: attempts === 0 }
  }
}

/** Processes pending outbox rows in batches until none is left (or a batch fails). */
export async function drainOutbox({ prisma, engine, batchSize = OUTBOX_BATCH_SIZE, includeRetries = true }: Options): Promise<DrainResult> {
  let processed = 0
  for (let batch = 0; batch < MAX_BATCHES_PER_DRAIN; batch++) {
    const result = await drainBatch({ prisma, engine, batchSize, includeRetries })
    processed += result.processed
    if (result.error !== undefined) return { processed, failed: result.failed, error: result.error, failedFresh: result.failedFresh }
    if (result.claimed === 0) break
  }
  return { processed, failed: 0 }
}

/** Deletes processed rows older than a week (they only serve as recent history). */
export async function pruneOutbox(prisma: Pick<PrismaClient, '$executeRaw'>, keptDays = PROCESSED_ROWS_KEPT_DAYS) {
  return prisma.$executeRaw`
    DELETE FROM "SearchOutbox"
    WHERE "processedAt" IS NOT NULL AND "processedAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => ${keptDays}::int)`
}

type Logger = Pick<Console, 'info' | 'error'>

/**
 * The worker as the steps of a loop that the app runs (`startBackgroundLoop` in
 * app/utils/background-loop.ts; search/ starts no timers of its own): `step` drains the
 * outbox and returns how long to wait before the next step; `onError` takes what a step
 * threw and returns the wait instead.
 */
export type OutboxWorker = { step(): Promise<number>; onError(error: unknown): number }

const MAX_BACKOFF_MS = 30_000
const PRUNE_EVERY_MS = 60 * 60 * 1000

/**
 * Drains the outbox every `intervalMs`. When fresh changes fail (the engine is down) it
 * backs off exponentially, up to 30 s; when only retried rows fail, fresh changes keep
 * flowing every `intervalMs` and just the retries wait. Errors are logged, never thrown.
 */
export function createOutboxWorker({
  prisma,
  engine,
  batchSize = OUTBOX_BATCH_SIZE,
  intervalMs = 500,
  log = console,
}: Omit<Options, 'includeRetries'> & { intervalMs?: number; log?: Logger }): OutboxWorker {
  let failures = 0
  let retryAt = 0
  let lastPrunedAt = 0
  const backoff = () => Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** failures)

  const step = async () => {
    let delay = intervalMs
    const includeRetries = Date.now() >= retryAt
    const result = await drainOutbox({ prisma, engine, batchSize, includeRetries })
    if (result.error !== undefined) {
      failures++
      log.error(`Search outbox: ${result.failed} change(s) left for a retry (failure ${failures} in a row): ${messageOf(result.error)}`)
      if (result.failedFresh) delay = backoff()
      else retryAt = Date.now() + backoff()
    } else if (includeRetries && failures > 0) {
      log.info('Search outbox: changes are reaching the index again.')
      failures = 0
    }
    if (Date.now() - lastPrunedAt > PRUNE_EVERY_MS) {
      lastPrunedAt = Date.now()
      await pruneOutbox(prisma)
    }
    return delay
  }

  const onError = (error: unknown) => {
    failures++
    log.error(`Search outbox: ${messageOf(error)}`)
    return backoff()
  }

  return { step, onError }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
