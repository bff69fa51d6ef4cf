import {
  createOutboxWorker,
  createSearchEngine,
  DOCUMENT_TEXT_MAX,
  drainOutbox,
  FACET_NAMES,
  normalizeFilters,
  normalizeQuery,
  reindexEverything,
  SEARCH_LIMITS,
  type FacetName,
  type SearchEngine,
  type SearchFilters,
  type SearchResult,
  type SearchSort,
} from '#search/index.ts'
import { type BackgroundLoop, startBackgroundLoop } from './background-loop.ts'
import { getDatabase } from './database.server.ts'

/**
 * The app's only door to search/: one engine per process (Meilisearch when MEILI_HOST is
 * set, PostgreSQL otherwise), searches of visible content, and the in-process
 * outbox worker that app/cli/start.ts starts.
 */
declare global {
  var __samverkaSearch: { prisma: unknown; engine: SearchEngine } | undefined
}

export function getSearchEngine(): SearchEngine {
  const { prisma } = getDatabase()
  // Keyed by the client: a reopened database (tests) gets an engine of its own.
  if (globalThis.__samverkaSearch?.prisma !== prisma) {
    globalThis.__samverkaSearch = { prisma, engine: createSearchEngine(process.env, { prisma }) }
  }
  return globalThis.__samverkaSearch.engine
}

/** A search of content: what the engine is asked, from the search page or elsewhere. */
export type ContentSearch = { query: string; filters: SearchFilters; sort: SearchSort; page: number }

/** The most text a search document holds; an attachment's extracted text is cut to it too. */
export const SEARCH_TEXT_MAX = DOCUMENT_TEXT_MAX

/** Pages beyond this are not served (search is for finding, not for walking everything). */
export const SEARCH_PAGE_MAX = SEARCH_LIMITS.pageMax

/** The facets the search page shows: every one. */
export const SEARCH_PAGE_FACETS = FACET_NAMES

/** Input bounds and normalisation, as search/ applies them (the search page parses its URL with them). */
export const SEARCH_QUERY_MAX = SEARCH_LIMITS.queryMaxLength
export { normalizeFilters, normalizeQuery }

/** What a search-outbox row may name: the entity types the index handles. */
export type { IndexedEntityType as SearchEntity } from '#search/index.ts'

export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false }

/** Never throws: an engine failure is logged and reported as `{ ok: false }` for the page to explain. */
export async function searchContent(input: ContentSearch, facets: readonly FacetName[] = SEARCH_PAGE_FACETS): Promise<SearchOutcome> {
  try {
    const result = await getSearchEngine().search(input.query, {
      filters: input.filters,
      facets,
      sort: input.sort,
      page: input.page,
    })
    return { ok: true, result }
  } catch (error) {
    console.error(`Search failed: ${error instanceof Error ? error.message : String(error)}`)
    return { ok: false }
  }
}

/** Brings every pending change into the index now (what the worker does every 500 ms). */
export async function indexPendingChanges() {
  const result = await drainOutbox({ prisma: getDatabase().prisma, engine: getSearchEngine() })
  if (result.error !== undefined) throw result.error
  return result.processed
}

/**
 * The outbox worker on this process's engine, run by a background loop: every `intervalMs`,
 * backing off while the engine fails (search/outbox-worker.ts). Its timers are unref'd, so it
 * never keeps a process alive; `stop()` waits for the batch in progress.
 */
export function startOutboxWorker({ intervalMs = 500 }: { intervalMs?: number } = {}): BackgroundLoop {
  const worker = createOutboxWorker({ prisma: getDatabase().prisma, engine: getSearchEngine(), intervalMs })
  return startBackgroundLoop(worker.step, worker.onError)
}

/**
 * For app/cli/start.ts: applies the index settings, rebuilds in the background when they
 * changed, and starts the in-process outbox worker. Nothing here can stop the server:
 * every failure is logged and retried by the worker.
 */
export function startSearchIndexing({ intervalMs = 500 }: { intervalMs?: number } = {}): BackgroundLoop {
  const { prisma } = getDatabase()
  const engine = getSearchEngine()
  void engine
    .applySettings()
    .then(async ({ rebuildNeeded }) => {
      if (!rebuildNeeded) return
      console.info(`Search: rebuilding the ${engine.name} index for the current settings …`)
      const { indexed } = await reindexEverything({ prisma, engine })
      console.info(`Search: index rebuilt with ${indexed} documents.`)
    })
    .catch((error: unknown) => console.error(`Search: could not apply the index settings: ${error instanceof Error ? error.message : String(error)}`))
  return startOutboxWorker({ intervalMs })
}
