import type { FacetDistribution, Filter, MultiSearchQuery, SearchResponse, Settings } from 'meilisearch'
import { MARK_END, MARK_START, toSafeHtml } from '../highlight.ts'
import { postDocumentId } from '../documents/post.ts'
import { SEARCH_LIMITS, withoutFilter, withoutSearchSyntax, type NormalizedSearch } from '../query.ts'
import { hasSignificantWord, SETTINGS_VERSION, stopWords, synonymMap } from '../settings/index.ts'
import { stemSwedish, stemWords } from '../settings/swedish-stemmer.ts'
import {
  FACET_NAMES,
  ORGANISATION_TYPES,
  POST_TYPES,
  type FacetCounts,
  type FacetName,
  type SearchDocument,
  type SearchFilters,
  type SearchHit,
  type SearchResult,
} from '../types.ts'

/**
 * Pure translation between our search vocabulary and Meilisearch's: documents, index
 * settings, queries (with escaped filters) and responses. No I/O here; engine.ts sends
 * what this builds. Meilisearch does not stem Swedish, so documents carry a `stems`
 * attribute and query words are stemmed the same way (search/settings/swedish-stemmer.ts).
 */

export type MeiliDocument = Omit<SearchDocument, 'id'> & { id: string; stems: string; settingsVersion: number }

// Meilisearch ids allow only [A-Za-z0-9_-]: "post:abc" is stored as "post-abc".
export function toMeiliId(id: string): string {
  return id.replace(':', '-')
}

export function fromMeiliId(id: string): string {
  return id.replace('-', ':')
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const stems = new Set(stemWords([doc.title, doc.tags.join(' '), doc.text].join(' ')))
  return { ...doc, id: toMeiliId(doc.id), stems: [...stems].join(' '), settingsVersion: SETTINGS_VERSION }
}

const stemPhrase = (phrase: string) => phrase.split(' ').map(stemSwedish).join(' ')

/** Our synonyms, for the words as typed and as stemmed (queries are sent stemmed). */
export function meiliSynonyms(): Record<string, string[]> {
  const result: Record<string, Set<string>> = {}
  for (const [from, targets] of synonymMap()) {
    for (const key of new Set([from, stemPhrase(from)])) {
      const set = (result[key] ??= new Set<string>())
      for (const target of targets) {
        set.add(target)
        set.add(stemPhrase(target))
      }
      set.delete(key)
    }
  }
  return Object.fromEntries(Object.entries(result).map(([key, set]) => [key, [...set]]))
}

export function meiliSettings(): Settings {
  return {
    searchableAttributes: ['title', 'tags', 'text', 'stems', 'organisationName'],
    filterableAttributes: [
      'id',
      'type',
      'status',
      'organisationType',
      'organisationSlug',
      'county',
      'tags',
      'projectStatus',
      'artifactKind',
      'seekingPartners',
      'createdAt',
      'settingsVersion',
    ],
    sortableAttributes: ['createdAt', 'activityAt'],
    displayedAttributes: ['*'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'activityAt:desc'],
    stopWords: [...stopWords],
    synonyms: meiliSynonyms(),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    faceting: { maxValuesPerFacet: 50 },
    pagination: { maxTotalHits: SEARCH_LIMITS.pageMax * SEARCH_LIMITS.pageSizeMax },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['swe'] }],
  }
}

/** Words outside quotes are stemmed (a leading "-" negation is kept); quoted phrases pass as they are. */
export function meiliQueryText(query: string): string {
  return query
    .split(/("[^"]*"?)/u)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/(-?)([\p{L}]+)/gu, (_whole, minus: string, word: string) => `${minus}${stemSwedish(word)}`)))
    .join('')
}

/** A filter value as a Meilisearch string literal: quotes and backslashes escaped. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** At most this many posts waiting for the worker to remove hidden or deleted content are excluded by id. */
export const PENDING_EXCLUSION_MAX = 500

/**
 * The document ids to exclude for the posts waiting for the worker (pending-visibility.ts).
 * Beyond PENDING_EXCLUSION_MAX it throws instead: answering from documents that may hold
 * deleted text, with only some of them excluded, would show it (fail closed; the search
 * page then says search is unavailable, for the second or two the worker needs).
 */
export function pendingExclusion(postIds: readonly string[]): string[] {
  if (postIds.length > PENDING_EXCLUSION_MAX) {
    throw new Error(
      `More than ${PENDING_EXCLUSION_MAX} posts have hidden or deleted content waiting for the search index: no answer until the outbox worker has caught up`,
    )
  }
  return postIds.map(postDocumentId)
}

const anyOf = (attribute: string, values: readonly string[]) => values.map((value) => `${attribute} = ${quoteFilterValue(value)}`)

/**
 * The filter: visible documents only (the index should hold no others; the engine's own
 * filter makes sure), documents that just became invisible (their removal is still in the
 * outbox), and every filter field; alternatives within a field are OR'ed.
 */
export function meiliFilter(filters: SearchFilters, excludeIds: readonly string[] = []): Filter {
  const filter: (string | string[])[] = ['status = "visible"']
  if (excludeIds.length) filter.push(`id NOT IN [${excludeIds.map((id) => quoteFilterValue(toMeiliId(id))).join(', ')}]`)
  const fields: [string, readonly string[] | undefined][] = [
    ['type', filters.type],
    ['organisationType', filters.organisationType],
    ['organisationSlug', filters.organisation],
    ['county', filters.county],
    ['tags', filters.tags],
    ['projectStatus', filters.projectStatus],
    ['artifactKind', filters.artifactKind],
  ]
  for (const [attribute, values] of fields) if (values?.length) filter.push(anyOf(attribute, values))
  if (filters.seekingPartners) filter.push('seekingPartners = true')
  if (filters.createdFrom) filter.push(`createdAt >= ${filters.createdFrom.getTime()}`)
  if (filters.createdTo) filter.push(`createdAt <= ${filters.createdTo.getTime()}`)
  return filter
}

const RETRIEVED = ['id', 'entityId', 'type', 'title', 'text', 'tags', 'organisationName', 'organisationSlug', 'organisationType', 'createdAt', 'activityAt']

/** The index attribute behind each facet (the organisation facet counts slugs). */
const FACET_ATTRIBUTE: Record<FacetName, string> = {
  type: 'type',
  organisationType: 'organisationType',
  organisation: 'organisationSlug',
  county: 'county',
  tags: 'tags',
  projectStatus: 'projectStatus',
  artifactKind: 'artifactKind',
  seekingPartners: 'seekingPartners',
}

function hasFilter(filters: SearchFilters, facet: FacetName): boolean {
  const value = filters[facet]
  return Array.isArray(value) ? value.length > 0 : value !== undefined
}

/**
 * 'all': every word must match. 'any': Meilisearch's 'frequency' strategy, which drops the
 * most frequent words (and those found nowhere) first, so the documents sharing the rarer
 * words come first; search syntax is plain text there (a phrase or "-word" would be required).
 */
const MATCHING_STRATEGY = { all: 'all', any: 'frequency' } as const

/**
 * The requests for one search: the hits (with the counts of facets nobody filtered on),
 * then one count-only request per filtered facet without its own filter, so its other
 * values keep their counts (as the PostgreSQL engine counts them). `excludeIds` are document
 * ids (posts that just became invisible); the search's own `exclude` holds entity ids.
 * An 'any' search without a significant word needs no request: it matches nothing.
 */
export function buildMeiliSearches(search: NormalizedSearch, indexUid: string, excludeIds: readonly string[] = []): MultiSearchQuery[] {
  if (search.match === 'any' && !hasSignificantWord(search.query)) return []
  const q = meiliQueryText(search.match === 'any' ? withoutSearchSyntax(search.query) : search.query)
  const sort = search.sort === 'newest' || !search.query ? ['createdAt:desc'] : undefined
  const excluded = [...excludeIds, ...search.exclude.map(postDocumentId)]
  const matchingStrategy = MATCHING_STRATEGY[search.match]
  const main: MultiSearchQuery = {
    indexUid,
    q,
    filter: meiliFilter(search.filters, excluded),
    facets: search.facets.filter((facet) => !hasFilter(search.filters, facet)).map((facet) => FACET_ATTRIBUTE[facet]),
    page: search.page,
    hitsPerPage: search.pageSize,
    ...(sort ? { sort } : {}),
    attributesToRetrieve: RETRIEVED,
    attributesToHighlight: ['title', 'text'],
    attributesToCrop: ['text'],
    cropLength: 30,
    cropMarker: '…',
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
    matchingStrategy,
  }
  const facetCounts = search.facets
    .filter((facet) => hasFilter(search.filters, facet))
    .map((facet): MultiSearchQuery => ({
      indexUid,
      q,
      filter: meiliFilter(withoutFilter(search.filters, facet), excluded),
      facets: [FACET_ATTRIBUTE[facet]],
      page: 1,
      hitsPerPage: 0,
      matchingStrategy,
    }))
  return [main, ...facetCounts]
}

type Formatted = Partial<Record<'title' | 'text', unknown>>

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => ((values as readonly unknown[]).includes(value) ? (value as T) : null)

function toHit(raw: Record<string, unknown>): SearchHit | null {
  const type = oneOf(POST_TYPES, raw.type)
  if (!type || typeof raw.id !== 'string') return null
  const formatted = (raw._formatted ?? {}) as Formatted
  const organisationName = typeof raw.organisationName === 'string' ? raw.organisationName : null
  return {
    id: fromMeiliId(raw.id),
    entityId: text(raw.entityId),
    type,
    title: toSafeHtml(text(formatted.title ?? raw.title)),
    snippet: toSafeHtml(text(formatted.text ?? raw.text).slice(0, 1000)),
    organisation: organisationName
      ? {
          name: organisationName,
          slug: typeof raw.organisationSlug === 'string' ? raw.organisationSlug : null,
          type: oneOf(ORGANISATION_TYPES, raw.organisationType),
        }
      : null,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    createdAt: new Date(Number(raw.createdAt)).toISOString(),
    activityAt: new Date(Number(raw.activityAt)).toISOString(),
  }
}

function facetCounts(distribution: FacetDistribution | undefined, facets: readonly FacetName[], into: FacetCounts) {
  for (const facet of facets) {
    if (!(FACET_NAMES as readonly string[]).includes(facet)) continue
    into[facet] = { ...(distribution?.[FACET_ATTRIBUTE[facet]] ?? {}) }
  }
}

/** The responses to `buildMeiliSearches`' requests, in the same order, as our result. */
export function fromMeiliResults(search: NormalizedSearch, responses: SearchResponse[]): SearchResult {
  const [main, ...counts] = responses
  const facets: FacetCounts = {}
  facetCounts(
    main?.facetDistribution,
    search.facets.filter((facet) => !hasFilter(search.filters, facet)),
    facets,
  )
  const filtered = search.facets.filter((facet) => hasFilter(search.filters, facet))
  filtered.forEach((facet, index) => facetCounts(counts[index]?.facetDistribution, [facet], facets))
  return {
    query: search.query,
    hits: (main?.hits ?? []).map((hit) => toHit(hit)).filter((hit): hit is SearchHit => hit !== null),
    total: main?.totalHits ?? 0,
    page: search.page,
    pageSize: search.pageSize,
    facets,
  }
}
