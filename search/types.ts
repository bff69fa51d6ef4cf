import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The search library's vocabulary: what is indexed (`SearchDocument`), what is asked
 * (`SearchOptions`), what comes back (`SearchResult`), and the `SearchEngine` every engine
 * implements. No engine's own types appear here.
 */

export const POST_TYPES = ['question', 'project', 'artifact'] as const
export const ORGANISATION_TYPES = ['kommun', 'region', 'myndighet', 'annan'] as const
export const PROJECT_STATUSES = ['idea', 'ongoing', 'completed', 'paused'] as const
export const ARTIFACT_KINDS = ['document', 'template', 'procurement', 'code', 'dataset', 'guide', 'other'] as const

export type PostType = (typeof POST_TYPES)[number]
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

/** One indexed entity. Plain JSON: dates are epoch milliseconds. */
export type SearchDocument = {
  /** "<entityType>:<entityId>", e.g. "post:clx…". */
  id: string
  entityType: 'post'
  entityId: string
  type: PostType
  title: string
  /** Plain text: the body, and for questions the visible answers too. */
  text: string
  tags: string[]
  organisationName: string | null
  organisationSlug: string | null
  organisationType: OrganisationType | null
  county: string | null
  projectStatus: ProjectStatus | null
  artifactKind: ArtifactKind | null
  seekingPartners: boolean
  /** Always "visible" today: the worker removes documents whose entity is not visible. */
  status: 'visible' | 'hidden' | 'deleted'
  createdAt: number
  activityAt: number
}

/** Within one field the values are alternatives (OR); different fields all apply (AND). */
export type SearchFilters = {
  type?: PostType[]
  organisationType?: OrganisationType[]
  organisation?: string[]
  county?: string[]
  tags?: string[]
  projectStatus?: ProjectStatus[]
  artifactKind?: ArtifactKind[]
  seekingPartners?: boolean
  /** Inclusive bounds on the creation date. */
  createdFrom?: Date
  createdTo?: Date
}

export const FACET_NAMES = ['type', 'organisationType', 'organisation', 'county', 'tags', 'projectStatus', 'artifactKind', 'seekingPartners'] as const
export type FacetName = (typeof FACET_NAMES)[number]

export type SearchSort = 'relevance' | 'newest'

/**
 * 'all' (searching): every word must match. 'any' (similar content): a document matches when
 * it shares any significant word, ranked by how many and how rare the shared words are, title
 * matches first. Stop words alone, or no query, match nothing in 'any'.
 */
export type SearchMatch = 'all' | 'any'

/**
 * What a search may be asked. There is no viewer in it: search finds visible content only, for
 * every member (moderators reach hidden and deleted content through moderation). The index
 * holds visible posts only, and each engine says so again in its own query.
 */
export type SearchOptions = {
  filters?: SearchFilters
  /** Which facet counts to compute (default: none). */
  facets?: readonly FacetName[]
  sort?: SearchSort
  /** Default 'all'. */
  match?: SearchMatch
  /** Entity ids that are never returned or counted (e.g. the post being shown). */
  exclude?: readonly string[]
  /** 1-based. */
  page?: number
  pageSize?: number
}

export type SearchHit = {
  id: string
  entityId: string
  type: PostType
  /**
   * Safe HTML: the title with every character escaped and the matches wrapped in `<mark>`.
   * Render it as HTML (it contains no other markup), never escape it again.
   */
  title: string
  /** Safe HTML like `title`: an excerpt of the text around the matches. */
  snippet: string
  organisation: { name: string; slug: string | null; type: OrganisationType | null } | null
  tags: string[]
  createdAt: string
  activityAt: string
}

/**
 * Counts per facet value, over the documents matching the query and every filter except
 * the facet's own (so the other values of a filtered facet keep their counts).
 */
export type FacetCounts = Partial<Record<FacetName, Record<string, number>>>

export type SearchResult = {
  /** The query as it was searched (trimmed, length-bounded). */
  query: string
  hits: SearchHit[]
  total: number
  page: number
  pageSize: number
  facets: FacetCounts
}

export type SettingsState = { rebuildNeeded: boolean }

export type SearchEngine = {
  readonly name: 'postgres' | 'meilisearch'
  search(query: string, options?: SearchOptions): Promise<SearchResult>
  /** Idempotent: a document with the same id replaces the previous one. */
  upsert(docs: SearchDocument[]): Promise<void>
  /** Idempotent: unknown ids are ignored. */
  remove(ids: string[]): Promise<void>
  /** Applies the versioned settings (search/settings/); tells whether the index must be rebuilt. */
  applySettings(): Promise<SettingsState>
  /**
   * Replaces the whole index with these documents without a moment where search is empty;
   * documents not in the stream are gone afterwards.
   */
  reindexAll(batches: AsyncIterable<SearchDocument[]>): Promise<{ indexed: number }>
  /**
   * Engines that live in the application's database return a copy whose writes join the
   * given transaction, so index changes commit together with the outbox rows they process.
   */
  withinTransaction?(tx: SqlClient): SearchEngine
}

/**
 * The slice of a Prisma client (or interactive transaction) that search/ uses for SQL.
 * The app hands it in; search/ never opens a database itself.
 */
export type SqlClient = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>
