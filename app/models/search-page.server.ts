import { isCalendarDate, stockholmDate, stockholmDayStart } from '#app/utils/stockholm-date.ts'
import { postPath } from '#app/presenters/post-type.ts'
import { facetGroups, filterLegend, filterValueLabel } from '#app/presenters/search-facets.ts'
import {
  hasFilters,
  LIST_FILTER_PARAMS,
  searchHref,
  TYPE_OF_PARAM,
  withoutValue,
  type ListFilter,
  type SearchCriteria,
  type SearchNotice,
} from '#app/presenters/search-url.ts'
import { normalizeFilters, normalizeQuery, SEARCH_PAGE_MAX, SEARCH_QUERY_MAX, searchContent, type ContentSearch } from '#app/utils/search.server.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { getOrganisationNames, searchMembers, searchOrganisations } from './directory-search.server.ts'

/** What the search page's URL asks for, and what about it the searcher should be told. */
export type SearchInput = ContentSearch & { notices: SearchNotice[] }

/** A YYYY-MM-DD that exists (not 2026-02-30), as the start or end of that day in UTC. */
/** A typed day as Swedish time, like the audit filter: from its first moment, or up to its last. */
function parseDay(value: string, endOfDay: boolean): Date | null {
  if (!isCalendarDate(value)) return null
  return endOfDay ? new Date(stockholmDayStart(value, 1).getTime() - 1) : stockholmDayStart(value)
}

/**
 * The search page's URL (see app/presenters/search-url.ts). Unknown filter values are
 * dropped silently; what the searcher should know about (a cut query, a date that does not
 * exist, a reversed range) becomes a notice. Nothing here throws.
 */
export function parseSearchParams(params: URLSearchParams): SearchInput {
  const notices: SearchNotice[] = []
  const rawQuery = params.get('q') ?? ''
  const query = normalizeQuery(rawQuery)
  if (rawQuery.trim().length > SEARCH_QUERY_MAX) notices.push({ kind: 'query-truncated' })
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
    from: (filters.createdFrom && stockholmDate(filters.createdFrom)) ?? '',
    to: (filters.createdTo && stockholmDate(filters.createdTo)) ?? '',
  }
}

export function hasSearchCriteria(input: SearchInput): boolean {
  return input.query.length > 0 || Object.keys(input.filters).length > 0
}

/** At most this many organisations and members above the content results. */
export const DIRECTORY_RESULTS_MAX = 5

export type FilterChip = { label: string; href: string }

function filterChips(criteria: SearchCriteria, organisationNames: Record<string, string>): FilterChip[] {
  const chips: FilterChip[] = []
  for (const key of Object.keys(LIST_FILTER_PARAMS) as ListFilter[]) {
    for (const value of criteria[key]) {
      chips.push({ label: `${filterLegend(key)}: ${filterValueLabel(key, value, organisationNames)}`, href: searchHref(withoutValue(criteria, key, value)) })
    }
  }
  if (criteria.seekingPartners) chips.push({ label: 'Söker samarbetspartner', href: searchHref({ ...criteria, seekingPartners: false }) })
  if (criteria.from) chips.push({ label: `Från: ${criteria.from}`, href: searchHref({ ...criteria, from: '' }) })
  if (criteria.to) chips.push({ label: `Till: ${criteria.to}`, href: searchHref({ ...criteria, to: '' }) })
  return chips
}

/**
 * Everything the search page shows for one request: content hits with facet groups and
 * chips, and on the first page of a query without filters the organisations and members
 * whose names match. Never throws for an engine failure (`failed: true`).
 */
export async function getSearchPage(input: SearchInput) {
  const criteria = searchCriteriaOf(input)
  const base = { criteria, notices: input.notices }
  if (!hasSearchCriteria(input)) return { ...base, searched: false as const }
  const withDirectory = input.page === 1 && input.query.length > 0 && !hasFilters(criteria)
  const [outcome, organisations, members] = await Promise.all([
    searchContent(input),
    withDirectory ? searchOrganisations(input.query, { limit: DIRECTORY_RESULTS_MAX }) : [],
    withDirectory ? searchMembers(input.query, { limit: DIRECTORY_RESULTS_MAX }) : [],
  ])
  if (!outcome.ok) return { ...base, searched: true as const, failed: true as const }
  const { result } = outcome
  const organisationNames = await getOrganisationNames([...new Set([...Object.keys(result.facets.organisation ?? {}), ...criteria.organisation])])
  const partnerCount = result.facets.seekingPartners?.true ?? 0
  return {
    ...base,
    searched: true as const,
    failed: false as const,
    total: result.total,
    page: result.page,
    lastPage: Math.max(1, Math.min(SEARCH_PAGE_MAX, Math.ceil(result.total / result.pageSize))),
    groups: facetGroups(result.facets, criteria, organisationNames),
    partner: partnerCount > 0 || criteria.seekingPartners ? { count: partnerCount, selected: criteria.seekingPartners } : null,
    chips: filterChips(criteria, organisationNames),
    organisations,
    members,
    hits: result.hits.map((hit) => ({
      id: hit.entityId,
      path: postPath({ id: hit.entityId, type: hit.type }),
      type: hit.type,
      // Safe HTML from search/: every character escaped, matches in <mark>.
      titleHtml: hit.title,
      snippetHtml: hit.snippet,
      organisation: hit.organisation,
      tags: hit.tags,
      date: formatDate(hit.createdAt),
    })),
  }
}

export type SearchPage = Awaited<ReturnType<typeof getSearchPage>>
