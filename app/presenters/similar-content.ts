/**
 * "Har någon redan gjort detta?": what the writing page and the server share. The shapes of
 * the suggestions, the limits, and the URL of the JSON resource (app/routes/sok_.liknande.ts).
 */
import type { SearchPostType } from './search-url.ts'

export const SIMILAR_LIMITS = {
  /** Posts shown while writing; a page may show fewer. */
  postsMax: 5,
  /** Letters and digits a title needs before anything is looked up. */
  titleMinCharacters: 3,
} as const

export type SimilarPost = {
  id: string
  type: SearchPostType
  path: string
  /** Safe HTML from search/ (escaped, matches in <mark>), as on the search page. */
  titleHtml: string
  organisation: { name: string; slug: string | null } | null
}

export type SimilarOrganisation = { name: string; slug: string | null; count: number }

export type SimilarContent = { posts: SimilarPost[]; organisations: SimilarOrganisation[] }

/** Similar content, or `ok: false` when the search engine failed (the page says so instead of showing nothing). */
export type SimilarOutcome = { ok: true; result: SimilarContent } | { ok: false }

/** Whether a title says enough to compare it with anything (three letters or digits). */
export function isComparableTitle(title: string): boolean {
  return (title.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= SIMILAR_LIMITS.titleMinCharacters
}

const SIMILAR_CONTENT_PATH = '/sok/liknande'

/** /sok/liknande?titel=…&tagg=…: suggestions of every type for a draft's title and tags (the route also takes typ=…). */
export function similarContentUrl({ title, tags }: { title: string; tags: readonly string[] }): string {
  const params = new URLSearchParams({ titel: title })
  for (const tag of tags) params.append('tagg', tag)
  return `${SIMILAR_CONTENT_PATH}?${params}`
}
