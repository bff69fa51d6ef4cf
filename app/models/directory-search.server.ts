import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * The directory part of search: organisations and active members found by name (members
 * also by title), tolerant of typos and accents through pg_trgm on `samverka_fold` (lower
 * case, unaccented), which the trigram indexes of migration 20261123030000_directory_search
 * are built on. A name matches when a word of it starts with the folded query (`~ '\m…'`) or
 * when whole words of it are similar to the query (`<<%`, pg_trgm's
 * strict_word_similarity_threshold, 0.5 by default): "svenson" finds "Svensson", but "anna"
 * does not find "Allmänna reklamationsnämnden".
 */
export const DIRECTORY_LIMITS = { queryMinLength: 3, queryMaxLength: 100, resultsMax: 50 } as const

/**
 * Letters and digits only, single spaces: the query's other syntax means nothing to a name,
 * and nothing that a regular expression would read as an operator can remain. Too short a query finds nothing (every name would match).
 */
export function directoryQuery(query: string): string | null {
  const words = query
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, DIRECTORY_LIMITS.queryMaxLength)
    .trim()
  return words.length >= DIRECTORY_LIMITS.queryMinLength ? words : null
}

const idRows = z.array(z.object({ id: z.string() }))

function byIds<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

function clampLimit(limit: number) {
  return Math.max(1, Math.min(DIRECTORY_LIMITS.resultsMax, Math.trunc(limit)))
}

export const organisationResultSelect = { id: true, name: true, slug: true, type: true, county: true } satisfies Prisma.OrganisationSelect
export type OrganisationResult = Prisma.OrganisationGetPayload<{ select: typeof organisationResultSelect }>

/** Organisations whose name matches, best first (names starting with the query before others). */
export async function searchOrganisations(query: string, { limit = 5 } = {}): Promise<OrganisationResult[]> {
  const words = directoryQuery(query)
  if (!words) return []
  const rows = idRows.parse(
    await prisma.$queryRaw(Prisma.sql`
      SELECT o."id"
      FROM "Organisation" o
      WHERE (samverka_fold(${words}::text) <<% samverka_fold(o."name")
         OR samverka_fold(o."name") ~ ('\\m' || samverka_fold(${words}::text)))
        AND o."mergedIntoId" IS NULL
      ORDER BY (samverka_fold(o."name") LIKE samverka_fold(${words}::text) || '%') DESC,
               strict_word_similarity(samverka_fold(${words}::text), samverka_fold(o."name")) DESC,
               o."sortKey", o."id"
      LIMIT ${clampLimit(limit)}::int`),
  )
  const ids = rows.map((row) => row.id)
  return byIds(ids, await prisma.organisation.findMany({ where: { id: { in: ids } }, select: organisationResultSelect }))
}

export const memberResultSelect = {
  id: true,
  name: true,
  title: true,
  organisation: { select: { name: true, slug: true } },
} satisfies Prisma.UserSelect
export type MemberResult = Prisma.UserGetPayload<{ select: typeof memberResultSelect }>

/** The id query of `searchMembers` (exported so a test can EXPLAIN it). */
export function memberSearchSql(words: string, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT u."id"
    FROM "User" u
    WHERE u."status" = 'active'
      AND (samverka_fold(${words}::text) <<% samverka_fold(u."name" || ' ' || u."title")
           OR samverka_fold(u."name" || ' ' || u."title") ~ ('\\m' || samverka_fold(${words}::text)))
    ORDER BY strict_word_similarity(samverka_fold(${words}::text), samverka_fold(u."name")) DESC,
             strict_word_similarity(samverka_fold(${words}::text), samverka_fold(u."name" || ' ' || u."title")) DESC,
             u."sortKey", u."id"
    LIMIT ${clampLimit(limit)}::int`
}

/**
 * Active members whose name or title matches, best first. Pending, rejected and suspended
 * members are never found (the condition is in the query, and the index holds only active ones).
 */
export async function searchMembers(query: string, { limit = 5 } = {}): Promise<MemberResult[]> {
  const words = directoryQuery(query)
  if (!words) return []
  const ids = idRows.parse(await prisma.$queryRaw(memberSearchSql(words, limit))).map((row) => row.id)
  return byIds(ids, await prisma.user.findMany({ where: { id: { in: ids }, status: 'active' }, select: memberResultSelect }))
}

/** Display names for organisation slugs (the search page's organisation facet), in one query. */
export async function getOrganisationNames(slugs: string[]): Promise<Record<string, string>> {
  if (slugs.length === 0) return {}
  const rows = await prisma.organisation.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true } })
  return Object.fromEntries(rows.map((row) => [row.slug, row.name]))
}
