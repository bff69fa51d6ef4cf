import { Meilisearch, type EnqueuedTaskPromise, type SearchResponse } from 'meilisearch'
import { z } from 'zod'
import { pendingInvisiblePostIds } from '../pending-visibility.ts'
import { normalizeSearchInput } from '../query.ts'
import { SETTINGS_VERSION } from '../settings/index.ts'
import type { SearchEngine, SqlClient } from '../types.ts'
import { buildMeiliSearches, fromMeiliResults, meiliSettings, PENDING_EXCLUSION_MAX, pendingExclusion, toMeiliDocument, toMeiliId } from './translate.ts'

/**
 * The Meilisearch engine (when MEILI_HOST is set), through the official client. Settings
 * are applied idempotently (`applySettings`, at start-up and before a rebuild). A rebuild
 * fills a fresh index and swaps it with the live one atomically, so search is never empty.
 * Writes wait for their task and throw when it failed, so the outbox worker retries them.
 *
 * Visibility: documents of invisible posts are removed by the outbox worker; until their
 * outbox row is processed, such posts (and questions with an answer hidden or deleted a
 * moment ago) are excluded by id in the query's filter (read from the database), so they
 * are gone at once here too. When more posts than the filter takes are waiting, the engine
 * does not answer until the worker has caught up (translate.ts, `pendingExclusion`).
 */
const WRITE_TIMEOUT_MS = 15_000
const REBUILD_TIMEOUT_MS = 120_000

type Options = { host: string; apiKey?: string; indexUid: string; prisma: SqlClient }

async function succeeded(task: EnqueuedTaskPromise, timeout = WRITE_TIMEOUT_MS) {
  const done = await task.waitTask({ timeout })
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? 'no details'}`)
  }
  return done
}

const pendingRowSchema = z.array(z.object({ postId: z.string() }))

export function createMeilisearchEngine({ host, apiKey, indexUid, prisma }: Options): SearchEngine {
  const client = new Meilisearch({ host, apiKey })
  const index = () => client.index(indexUid)

  async function ensureIndex(uid: string) {
    try {
      await client.getIndex(uid)
    } catch {
      await succeeded(client.createIndex(uid, { primaryKey: 'id' }))
    }
  }

  /** Posts whose documents may show something no longer visible (search/pending-visibility.ts). */
  async function pendingInvisibleIds(): Promise<string[]> {
    const rows = await prisma.$queryRaw<unknown[]>`
      SELECT DISTINCT pending."postId" FROM (${pendingInvisiblePostIds()}) AS pending
      ORDER BY pending."postId"
      LIMIT ${PENDING_EXCLUSION_MAX + 1}::int`
    return pendingExclusion(pendingRowSchema.parse(rows).map((row) => row.postId))
  }

  const engine: SearchEngine = {
    name: 'meilisearch',

    async search(query, options) {
      const search = normalizeSearchInput(query, options)
      const excluded = await pendingInvisibleIds()
      const queries = buildMeiliSearches(search, indexUid, excluded)
      if (queries.length === 0) return fromMeiliResults(search, [])
      const { results } = await client.multiSearch({ queries })
      return fromMeiliResults(search, results as SearchResponse[])
    },

    async upsert(docs) {
      if (docs.length === 0) return
      await succeeded(index().addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' }))
    },

    async remove(ids) {
      if (ids.length === 0) return
      await succeeded(index().deleteDocuments(ids.map(toMeiliId)))
    },

    async applySettings() {
      await ensureIndex(indexUid)
      await succeeded(index().updateSettings(meiliSettings()), REBUILD_TIMEOUT_MS)
      const stats = await index().getStats()
      const stale = await index().search('', { filter: `settingsVersion != ${SETTINGS_VERSION}`, limit: 0 })
      return { rebuildNeeded: stats.numberOfDocuments === 0 || (stale.estimatedTotalHits ?? 0) > 0 }
    },

    async reindexAll(batches) {
      const rebuildUid = `${indexUid}_rebuild`
      await client.deleteIndexIfExists(rebuildUid)
      await succeeded(client.createIndex(rebuildUid, { primaryKey: 'id' }))
      const rebuild = client.index(rebuildUid)
      await succeeded(rebuild.updateSettings(meiliSettings()), REBUILD_TIMEOUT_MS)
      let indexed = 0
      for await (const docs of batches) {
        if (docs.length === 0) continue
        await succeeded(rebuild.addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' }), REBUILD_TIMEOUT_MS)
        indexed += docs.length
      }
      await ensureIndex(indexUid)
      await succeeded(client.swapIndexes([{ indexes: [indexUid, rebuildUid], rename: false }]))
      await succeeded(client.deleteIndex(rebuildUid))
      return { indexed }
    },
  }
  return engine
}

/** Deletes an index and its rebuild companion (test clean-up, decommissioning). */
export async function deleteMeilisearchIndex({ host, apiKey, indexUid }: Omit<Options, 'prisma'>) {
  const client = new Meilisearch({ host, apiKey })
  for (const uid of [indexUid, `${indexUid}_rebuild`]) await client.deleteIndexIfExists(uid)
}
