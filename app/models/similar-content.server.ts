import { postPath } from '#app/presenters/post-type.ts'
import type { SearchPostType } from '#app/presenters/search-url.ts'
import { isComparableTitle, SIMILAR_LIMITS, type SimilarOrganisation, type SimilarOutcome, type SimilarPost } from '#app/presenters/similar-content.ts'
import { getSearchEngine } from '#app/utils/search.server.ts'

/**
 * "Har någon redan gjort detta?" and "Liknande projekt": visible posts that share words with
 * a title and its tags (search's 'any' matching: more and rarer shared words first, title
 * matches above the rest), and the organisations behind them.
 */
export type SimilarContentInput = {
  title: string
  tags?: readonly string[]
  types?: readonly SearchPostType[]
  /** The post the similar ones are for (never suggested to itself). */
  excludePostId?: string
  limit?: number
}

const NOTHING: SimilarOutcome = { ok: true, result: { posts: [], organisations: [] } }

/** Distinct organisations of the posts, most posts first, then by name (Swedish order). */
function organisationsOf(posts: SimilarPost[]): SimilarOrganisation[] {
  const byKey = new Map<string, SimilarOrganisation>()
  for (const { organisation } of posts) {
    if (!organisation) continue
    const key = organisation.slug ?? `name:${organisation.name}`
    const seen = byKey.get(key)
    if (seen) seen.count += 1
    else byKey.set(key, { name: organisation.name, slug: organisation.slug, count: 1 })
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'sv'))
}

/**
 * Up to `limit` (at most 5) visible posts that resemble the title and tags. A title
 * with fewer than three letters or digits gives nothing without asking the engine. Never
 * throws: a failing engine is logged and reported as `{ ok: false }`, for the page to say so.
 */
export async function findSimilarContent(input: SimilarContentInput): Promise<SimilarOutcome> {
  if (!isComparableTitle(input.title)) return NOTHING
  const query = [input.title, ...(input.tags ?? [])].join(' ')
  try {
    const result = await getSearchEngine().search(query, {
      match: 'any',
      filters: { type: input.types?.length ? [...input.types] : undefined },
      exclude: input.excludePostId ? [input.excludePostId] : [],
      pageSize: Math.min(input.limit ?? SIMILAR_LIMITS.postsMax, SIMILAR_LIMITS.postsMax),
    })
    const posts = result.hits.map((hit) => ({
      id: hit.entityId,
      type: hit.type,
      path: postPath({ id: hit.entityId, type: hit.type }),
      titleHtml: hit.title,
      organisation: hit.organisation ? { name: hit.organisation.name, slug: hit.organisation.slug } : null,
    }))
    return { ok: true, result: { posts, organisations: organisationsOf(posts) } }
  } catch (error) {
    console.error(`Similar content failed: ${error instanceof Error ? error.message : String(error)}`)
    return { ok: false }
  }
}
