import { visibleContentWhere } from '#app/policies/content.ts'
import type { ActorLike } from '#app/policies/member.ts'
import {
  createSearchEngine,
  DOCUMENT_TEXT_MAX,
  drainOutbox,
  FACET_NAMES,
  normalizeFilters,
  normalizeQuery,
  reindexEverything,
  SEARCH_LIMITS,
  startOutboxWorker,
  type FacetName,
  type OutboxWorker,
  type SearchEngine,
  type SearchFilters,
  type SearchResult,
  type SearchScope,
  type SearchSort,
} from '#search/index.ts'
import { getDatabase } from './database.server.ts'
import { TYPE_OF_PARAM, type SearchCriteria, type SearchNotice } from './search-url.ts'

/**
 * The app's only door to search/: one engine per process (Meilisearch when MEILI_HOST is
 * set, PostgreSQL otherwise), searches scoped by the content policy, the URL format of the
 * search page, and the in-process outbox worker that app/cli/start.ts starts.
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

/**
 * What a viewer may find: visible content, from the same policy as every list. Moderators
 * find hidden and deleted posts through moderation, not search (the index holds visible
 * posts only).
 */
export function searchScopeFor(_viewer: ActorLike): SearchScope {
  return { status: visibleContentWhere.status }
}

export type SearchInput = { query: string; filters: SearchFilters; sort: SearchSort; page: number; notices: SearchNotice[] }

/** The most text a search document holds; an attachment's extracted text is cut to it too. */
export const SEARCH_TEXT_MAX = DOCUMENT_TEXT_MAX

/** Pages beyond this are not served (search is for finding, not for walking everything). */
export const SEARCH_PAGE_MAX = SEARCH_LIMITS.pageMax

/** The facets the search page shows: every one. */
export const SEARCH_PAGE_FACETS = FACET_NAMES

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A YYYY-MM-DD that exists (not 2026-02-30), as the start or end of that day in UTC. */
function parseDay(value: string, endOfDay: boolean): Date | null {
  if (!DAY.test(value)) return null
  const date = new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : null
}

/**
 * The search page's URL (see search-url.ts). Unknown filter values are dropped silently;
 * what the searcher should know about (a cut query, a date that does not exist, a reversed
 * range) becomes a notice. Nothing here throws.
 */
export function parseSearchParams(params: URLSearchParams): SearchInput {
  const notices: SearchNotice[] = []
  const rawQuery = params.get('q') ?? ''
  const query = normalizeQuery(rawQuery)
  if (rawQuery.trim().length > SEARCH_LIMITS.queryMaxLength) notices.push({ kind: 'query-truncated' })
  const day = (name: string, endOfDay: boolean) => {
    const value = (params.get(name) ?? '').trim()
    if (!value) return undefined
    const date = parseDay(value, endOfDay)
    if (!date) notices.push({ kind: 'invalid-date', value: value.slice(0, 20) })
    return date ?? undefined
  }
  let createdFrom = day('fran', false)
  let createdTo = day('till', true)
  if (createdFrom && createdTo && createdFrom > createdTo) {
    notices.push({ kind: 'dates-reversed' })
    createdFrom = createdTo = undefined
  }
  const page = Number(params.get('sida') ?? '1')
  return {
    query,
    filters: normalizeFilters({
      type: params.getAll('typ').map((value) => TYPE_OF_PARAM[value]),
      organisationType: params.getAll('orgtyp'),
      tags: params.getAll('tagg'),
      county: params.getAll('lan'),
      organisation: params.getAll('organisation'),
      projectStatus: params.getAll('projektstatus'),
      artifactKind: params.getAll('slag'),
      seekingPartners: params.get('partner') === 'ja',
      createdFrom,
      createdTo,
    }),
    sort: params.get('sortera') === 'nyast' ? 'newest' : 'relevance',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    notices,
  }
}

/** The parsed search in the URL's terms: what the form, the chips and the links start from. */
export function searchCriteriaOf(input: SearchInput): SearchCriteria {
  const { filters } = input
  return {
    query: input.query,
    sort: input.sort,
    type: filters.type ?? [],
    organisationType: filters.organisationType ?? [],
    county: filters.county ?? [],
    organisation: filters.organisation ?? [],
    tags: filters.tags ?? [],
    projectStatus: filters.projectStatus ?? [],
    artifactKind: filters.artifactKind ?? [],
    seekingPartners: filters.seekingPartners === true,
    from: filters.createdFrom?.toISOString().slice(0, 10) ?? '',
    to: filters.createdTo?.toISOString().slice(0, 10) ?? '',
  }
}

export function hasSearchCriteria(input: SearchInput): boolean {
  return input.query.length > 0 || Object.keys(input.filters).length > 0
}

export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false }

/** Never throws: an engine failure is logged and reported as `{ ok: false }` for the page to explain. */
export async function searchContent(viewer: ActorLike, input: SearchInput, facets: readonly FacetName[] = SEARCH_PAGE_FACETS): Promise<SearchOutcome> {
  try {
    const result = await getSearchEngine().search(input.query, {
      scope: searchScopeFor(viewer),
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
 * For app/cli/start.ts: applies the index settings, rebuilds in the background when they
 * changed, and starts the in-process outbox worker. Nothing here can stop the server:
 * every failure is logged and retried by the worker.
 */
export function startSearchIndexing({ intervalMs = 500 }: { intervalMs?: number } = {}): OutboxWorker {
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
  return startOutboxWorker({ prisma, engine, intervalMs })
}
