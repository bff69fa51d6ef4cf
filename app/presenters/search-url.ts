/**
 * The search page's URL vocabulary, shared by the loader (parsing) and the page (form, links,
 * chips): q, typ (fraga|projekt|material), orgtyp, organisation (slug), lan, tagg,
 * projektstatus, slag, partner=ja, fran/till (YYYY-MM-DD), sortera=nyast, sida. Repeated
 * parameters are alternatives.
 */
export type SearchPostType = 'question' | 'project' | 'artifact'

/** What a page says where search results would be while the engine does not answer (search page, similar posts). */
export const SEARCH_UNAVAILABLE = 'Sökningen är inte tillgänglig just nu. Försök igen om en stund.'

export const TYPE_PARAM_OF: Record<SearchPostType, string> = { question: 'fraga', project: 'projekt', artifact: 'material' }

export const TYPE_OF_PARAM: Record<string, SearchPostType> = { fraga: 'question', projekt: 'project', material: 'artifact' }

/** The multi-value filters and their parameter names, in the order the page shows them. */
export const LIST_FILTER_PARAMS = {
  type: 'typ',
  organisationType: 'orgtyp',
  county: 'lan',
  organisation: 'organisation',
  tags: 'tagg',
  projectStatus: 'projektstatus',
  artifactKind: 'slag',
} as const

export type ListFilter = keyof typeof LIST_FILTER_PARAMS

/** Something about the request the page explains (the rest of it is still searched). */
export type SearchNotice = { kind: 'query-truncated' } | { kind: 'invalid-date'; value: string } | { kind: 'dates-reversed' }

/** What is searched, in the URL's terms (content types as the engine names them). */
export type SearchCriteria = { query: string; sort: 'relevance' | 'newest'; seekingPartners: boolean; from: string; to: string } & Record<ListFilter, string[]>

export const EMPTY_CRITERIA: SearchCriteria = {
  query: '',
  sort: 'relevance',
  seekingPartners: false,
  from: '',
  to: '',
  type: [],
  organisationType: [],
  county: [],
  organisation: [],
  tags: [],
  projectStatus: [],
  artifactKind: [],
}

export function hasFilters(criteria: SearchCriteria): boolean {
  return (
    criteria.seekingPartners || Boolean(criteria.from || criteria.to) || Object.keys(LIST_FILTER_PARAMS).some((key) => criteria[key as ListFilter].length > 0)
  )
}

/** The URL for these criteria (page 1 unless given). */
export function searchHref(criteria: SearchCriteria, page = 1): string {
  const params = new URLSearchParams()
  if (criteria.query) params.set('q', criteria.query)
  for (const [key, name] of Object.entries(LIST_FILTER_PARAMS) as [ListFilter, string][]) {
    for (const value of criteria[key]) params.append(name, key === 'type' ? (TYPE_PARAM_OF[value as SearchPostType] ?? value) : value)
  }
  if (criteria.seekingPartners) params.set('partner', 'ja')
  if (criteria.from) params.set('fran', criteria.from)
  if (criteria.to) params.set('till', criteria.to)
  if (criteria.sort === 'newest') params.set('sortera', 'nyast')
  if (page > 1) params.set('sida', String(page))
  const query = params.toString()
  return query ? `/sok?${query}` : '/sok'
}

/** The same criteria without one value of a list filter (a chip's link). */
export function withoutValue(criteria: SearchCriteria, key: ListFilter, value: string): SearchCriteria {
  return { ...criteria, [key]: criteria[key].filter((item) => item !== value) }
}

/** The query alone, every filter removed ("Rensa alla filter"). */
export function withoutFilters(criteria: SearchCriteria): SearchCriteria {
  return { ...EMPTY_CRITERIA, query: criteria.query, sort: criteria.sort }
}
