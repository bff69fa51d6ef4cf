import { postPath } from '#app/components/post-list.tsx'
import type { ActorLike } from '#app/policies/member.ts'
import { facetGroups, filterLegend, filterValueLabel } from '#app/utils/search-facets.ts'
import { hasSearchCriteria, SEARCH_PAGE_MAX, searchContent, searchCriteriaOf, type SearchInput } from '#app/utils/search.server.ts'
import { hasFilters, LIST_FILTER_PARAMS, searchHref, withoutValue, type ListFilter, type SearchCriteria } from '#app/utils/search-url.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { getOrganisationNames, searchMembers, searchOrganisations } from './directory-search.server.ts'

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
export async function getSearchPage(viewer: ActorLike, input: SearchInput) {
  const criteria = searchCriteriaOf(input)
  const base = { criteria, notices: input.notices }
  if (!hasSearchCriteria(input)) return { ...base, searched: false as const }
  const withDirectory = input.page === 1 && input.query.length > 0 && !hasFilters(criteria)
  const [outcome, organisations, members] = await Promise.all([
    searchContent(viewer, input),
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
