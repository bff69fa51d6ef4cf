import { z } from 'zod'
import type { SearchResult, SqlClient } from '../types.ts'

/**
 * The PostgreSQL engine's result cache: per process, at most RESULT_CACHE_SIZE results for
 * RESULT_CACHE_TTL_MS each, least recently used out first. A result is keyed by the
 * normalised search and the index version it was computed at: the last outbox id and the
 * number of unprocessed outbox rows. Every content write adds an outbox row, and the worker
 * marks rows processed in the transaction that changes the index, so any write, hide or
 * index change makes a new version, and nothing cached before it is served again. The
 * version is read before the search runs, so a result is never older than its key.
 * Writes of this process's engine that bypass the outbox (a rebuild) clear the cache.
 */
const RESULT_CACHE_SIZE = 500
const RESULT_CACHE_TTL_MS = 30_000

const versionSchema = z.object({ last: z.string(), pending: z.number() })

export type ResultCache = {
  /** The cached result for this search at the current index version, or the computed one (then cached). */
  get(search: unknown, compute: () => Promise<SearchResult>): Promise<SearchResult>
  clear(): void
}

export function createResultCache(prisma: SqlClient, now: () => number = Date.now): ResultCache {
  const entries = new Map<string, { result: SearchResult; expiresAt: number }>()

  async function indexVersion() {
    const rows = await prisma.$queryRaw<unknown[]>`
      SELECT coalesce((SELECT max("id") FROM "SearchOutbox"), 0)::text AS "last",
             (SELECT count(*) FROM "SearchOutbox" WHERE "processedAt" IS NULL)::int AS "pending"`
    const version = versionSchema.parse(rows[0])
    return `${version.last}/${version.pending}`
  }

  return {
    async get(search, compute) {
      const key = `${await indexVersion()} ${JSON.stringify(search)}`
      const cached = entries.get(key)
      if (cached && cached.expiresAt > now()) {
        // Most recently used last: a Map keeps insertion order.
        entries.delete(key)
        entries.set(key, cached)
        return structuredClone(cached.result)
      }
      entries.delete(key)
      const result = await compute()
      entries.set(key, { result: structuredClone(result), expiresAt: now() + RESULT_CACHE_TTL_MS })
      while (entries.size > RESULT_CACHE_SIZE) {
        const oldest = entries.keys().next()
        if (oldest.done) break
        entries.delete(oldest.value)
      }
      return result
    },
    clear() {
      entries.clear()
    },
  }
}
