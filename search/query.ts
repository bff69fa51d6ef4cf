import {
  ARTIFACT_KINDS,
  FACET_NAMES,
  ORGANISATION_TYPES,
  POST_TYPES,
  PROJECT_STATUSES,
  type FacetName,
  type SearchFilters,
  type SearchMatch,
  type SearchOptions,
  type SearchSort,
} from './types.ts'

/**
 * Bounds on everything a searcher controls. Every engine passes its input through
 * `normalizeSearchInput` first, so any text (quotes, SQL, filter syntax, emoji, RTL, 10 kB)
 * becomes a bounded, well-formed query and a validated filter set; nothing here throws.
 */
export const SEARCH_LIMITS = {
  queryMaxLength: 200,
  pageSizeDefault: 20,
  pageSizeMax: 50,
  pageMax: 50,
  valuesPerFilterMax: 10,
  filterValueMaxLength: 100,
  excludeMax: 50,
} as const

export type NormalizedSearch = {
  query: string
  filters: SearchFilters
  facets: FacetName[]
  sort: SearchSort
  match: SearchMatch
  /** Entity ids, well-formed and at most SEARCH_LIMITS.excludeMax. */
  exclude: string[]
  page: number
  pageSize: number
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Control characters (NUL breaks PostgreSQL text), format characters that only steer
// rendering (bidi overrides, zero-width), and the highlight markers (search/highlight.ts).
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\uE000\uE001]/gu

/** Well-formed, NFC, no control or format characters, single spaces. */
export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/gu, ' ').trim()
}

/** Cuts at a code-point boundary (never half an emoji). */
export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value
  const lastKept = value.charCodeAt(maxLength - 1)
  return value.slice(0, lastKept >= 0xd800 && lastKept <= 0xdbff ? maxLength - 1 : maxLength)
}

export function normalizeQuery(query: unknown): string {
  if (typeof query !== 'string') return ''
  // Clean a bounded prefix only: a 10 kB string costs nothing.
  return truncate(cleanText(truncate(query, SEARCH_LIMITS.queryMaxLength * 4)), SEARCH_LIMITS.queryMaxLength).trim()
}

/** The words of a query with its search syntax (quotes, a leading minus) taken as plain text. */
export function withoutSearchSyntax(query: string): string {
  return query
    .replace(/"/g, ' ')
    .replace(/(^|\s)-+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value)
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function enumValues<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const kept = [...new Set(asArray(value).filter(isOneOf(allowed)))].slice(0, SEARCH_LIMITS.valuesPerFilterMax)
  return kept.length > 0 ? kept : undefined
}

function textValues(value: unknown): string[] | undefined {
  const kept = asArray(value)
    .filter((item): item is string => typeof item === 'string')
    .map((item) => cleanText(truncate(item, SEARCH_LIMITS.filterValueMaxLength * 2)))
    .filter((item) => item.length > 0 && item.length <= SEARCH_LIMITS.filterValueMaxLength)
  const unique = [...new Set(kept)].slice(0, SEARCH_LIMITS.valuesPerFilterMax)
  return unique.length > 0 ? unique : undefined
}

function dateValue(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' && value.length <= 40 ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) return undefined
  // Beyond this range PostgreSQL and JavaScript disagree about dates; nobody searches there.
  return date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200 ? date : undefined
}

// Entity ids are cuids; anything else cannot name an entity, so it is dropped.
const ENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/

function entityIds(value: unknown): string[] {
  const ids = asArray(value).filter((item): item is string => typeof item === 'string' && ENTITY_ID.test(item))
  return [...new Set(ids)].slice(0, SEARCH_LIMITS.excludeMax)
}

function integer(value: unknown, fallback: number, min: number, max: number): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN
  if (!Number.isFinite(number)) return fallback
  return Math.min(max, Math.max(min, Math.trunc(number)))
}

/** Filters from untrusted input: unknown values are dropped, never an error. */
export function normalizeFilters(input: { [K in keyof SearchFilters]?: unknown } = {}): SearchFilters {
  const filters: SearchFilters = {
    type: enumValues(input.type, POST_TYPES),
    organisationType: enumValues(input.organisationType, ORGANISATION_TYPES),
    organisation: textValues(input.organisation),
    county: textValues(input.county),
    tags: textValues(input.tags)?.map((tag) => tag.toLowerCase()),
    projectStatus: enumValues(input.projectStatus, PROJECT_STATUSES),
    artifactKind: enumValues(input.artifactKind, ARTIFACT_KINDS),
    seekingPartners: input.seekingPartners === true ? true : undefined,
    createdFrom: dateValue(input.createdFrom),
    createdTo: dateValue(input.createdTo),
  }
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as SearchFilters
}

export function normalizeSearchInput(query: unknown, options: SearchOptions = {}): NormalizedSearch {
  return {
    query: normalizeQuery(query),
    filters: normalizeFilters(options.filters),
    facets: [...new Set(asArray(options.facets).filter(isOneOf(FACET_NAMES)))],
    sort: options.sort === 'newest' ? 'newest' : 'relevance',
    match: options.match === 'any' ? 'any' : 'all',
    exclude: entityIds(options.exclude),
    page: integer(options.page, 1, 1, SEARCH_LIMITS.pageMax),
    pageSize: integer(options.pageSize, SEARCH_LIMITS.pageSizeDefault, 1, SEARCH_LIMITS.pageSizeMax),
  }
}

/** The filters minus one field: facet counts ignore their own facet's selection. */
export function withoutFilter(filters: SearchFilters, facet: FacetName): SearchFilters {
  const rest = { ...filters }
  delete rest[facet]
  return rest
}
