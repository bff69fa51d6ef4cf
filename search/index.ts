import { z } from 'zod'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { createMeilisearchEngine } from './meilisearch/engine.ts'
import { createPostgresEngine } from './postgres/engine.ts'
import type { SearchEngine } from './types.ts'

/**
 * The search library's only public entry (see README.md). The app reaches it through
 * app/utils/search.server.ts; search/ gets its Prisma client from the caller.
 */
export type {
  ArtifactKind,
  FacetCounts,
  FacetName,
  OrganisationType,
  PostType,
  ProjectStatus,
  SearchDocument,
  SearchEngine,
  SearchFilters,
  SearchHit,
  SearchMatch,
  SearchOptions,
  SearchResult,
  SearchSort,
} from './types.ts'
export { ARTIFACT_KINDS, FACET_NAMES, ORGANISATION_TYPES, POST_TYPES, PROJECT_STATUSES } from './types.ts'
export { SEARCH_LIMITS, normalizeFilters, normalizeQuery } from './query.ts'
export { SETTINGS_VERSION } from './settings/index.ts'
export { createOutboxWorker, drainOutbox, pruneOutbox, type DrainResult, type OutboxWorker } from './outbox-worker.ts'
export { reindexEverything } from './reindex.ts'
export type { IndexedEntityType } from './sync.ts'
export { DOCUMENT_TEXT_MAX } from './documents/post.ts'

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)

const searchEnvSchema = z.object({
  /** Set: Meilisearch at this URL. Unset: PostgreSQL full-text search in the app's database. */
  MEILI_HOST: z.preprocess(emptyToUndefined, z.string().url('MEILI_HOST must be a URL').optional()),
  MEILI_MASTER_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  /** The Meilisearch index (a rebuild uses "<index>_rebuild" next to it). */
  MEILI_INDEX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,80}$/, 'MEILI_INDEX: letters, digits, _ and - only')
      .default('samverka_posts'),
  ),
  /** PostgreSQL engine: "off" turns the per-process result cache off (to measure the uncached cost). */
  SEARCH_RESULT_CACHE: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
})

/** MEILI_HOST, MEILI_MASTER_KEY, MEILI_INDEX and SEARCH_RESULT_CACHE are read (typically `process.env`). */
export type SearchEnv = Readonly<Record<string, string | undefined>>

/** Meilisearch when MEILI_HOST is set, otherwise PostgreSQL (Outline's SearchProviderManager). */
export function createSearchEngine(env: SearchEnv, { prisma }: { prisma: PrismaClient }): SearchEngine {
  const parsed = searchEnvSchema.safeParse(env)
  if (!parsed.success) {
    throw new Error(`Invalid search configuration:\n${parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`)
  }
  const { MEILI_HOST, MEILI_MASTER_KEY, MEILI_INDEX, SEARCH_RESULT_CACHE } = parsed.data
  if (MEILI_HOST) return createMeilisearchEngine({ host: MEILI_HOST, apiKey: MEILI_MASTER_KEY, indexUid: MEILI_INDEX, prisma })
  return createPostgresEngine({ prisma, resultCache: SEARCH_RESULT_CACHE === 'on' })
}
