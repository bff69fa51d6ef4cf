import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { MARK_END, MARK_START, toSafeHtml } from '../highlight.ts'
import { pendingInvisiblePostIds } from '../pending-visibility.ts'
import { normalizeSearchInput, truncate, withoutFilter, withoutSearchSyntax, type NormalizedSearch } from '../query.ts'
import { SETTINGS_VERSION, synonymVariants } from '../settings/index.ts'
import { createResultCache } from './result-cache.ts'
import { FACET_NAMES, type FacetCounts, type FacetName, type SearchEngine, type SearchFilters, type SearchHit, type SqlClient } from '../types.ts'

/**
 * The embedded default engine: PostgreSQL full-text search over the "SearchDocument" table
 * (migration 20261123020000_search). Matching: `websearch_to_tsquery('swedish', …)` over the
 * query and its synonym variants, OR'ed; a word whose stem occurs nowhere in the index is a
 * typo, replaced by the similar stems of the vocabulary ("SearchTerm", trigram similarity).
 * Ranking: `ts_rank_cd` with title > tags > text > organisation, over the RANK_WINDOW most
 * recently active matches.
 * Matching 'any' (similar content): every word or synonym phrase is a term of its own, the
 * terms are OR'ed, and a document's rank is the sum of its terms' rarity weights, in full for
 * a title match and in part for tags or text.
 * Highlights: `ts_headline` with marker characters, escaped into safe HTML afterwards.
 * Visibility: a post that stops being visible loses its document in the same transaction
 * (triggers, migration 20261123061000_search_performance), and posts that lost content the
 * worker has yet to remove (a question whose answer was hidden or deleted a moment ago, a
 * document a slow worker is rewriting) are left out until they are re-indexed, however many
 * (search/pending-visibility.ts).
 * Results are cached per process by index version (result-cache.ts).
 * Every value reaches SQL as a bound parameter.
 */

// ts_rank_cd weights in the order {D, C, B, A}: organisation, text, tags, title.
const RANK_WEIGHTS = '{0.05, 0.2, 0.4, 1.0}'
// Typos: a query stem of at least TYPO_MIN_LENGTH characters that is not in the vocabulary
// becomes the OR of up to TYPO_ALTERNATIVES_MAX vocabulary stems at least TYPO_SIMILARITY
// alike (pg_trgm similarity of the unaccented stems), for up to TYPO_WORDS_MAX words.
const TYPO_MIN_LENGTH = 4
const TYPO_SIMILARITY = 0.5
const TYPO_ALTERNATIVES_MAX = 3
const TYPO_WORDS_MAX = 8
// Relevance ranking reads the RANK_WINDOW most recently active matches (an index scan on
// activityAt), so a query matching tens of thousands of documents costs as much as one
// matching a thousand; totals and facet counts stay exact. See search/README.md.
const RANK_WINDOW = 1000
const FACET_VALUES_MAX = 50
// 'any' terms: at most 32; a term's weight is ln(1 + RARITY_CAP / documents containing it),
// with the documents counted up to RARITY_CAP (so a common word costs a bounded count).
const ANY_TERMS_MAX = 32
const RARITY_CAP = 1000
// The share of a term's weight that a match in the title, in the tags, or elsewhere earns.
const TITLE_SHARE = 1
const TAGS_SHARE = 0.6
const OTHER_SHARE = 0.25
const SNIPPET_FALLBACK_LENGTH = 240
// ts_headline reads the whole text it is given: snippets come from the first 20,000 characters.
const HEADLINE_TEXT_MAX = 20_000
// ts_headline's parser treats "<…>" as markup and drops it; hand it stand-ins instead.
const LT_STAND_IN = '\uE002'
const AMP_STAND_IN = '\uE003'
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`
const SNIPPET_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`

const hitRowSchema = z.object({
  id: z.string(),
  entityId: z.string(),
  type: z.enum(['question', 'project', 'artifact']),
  title: z.string(),
  titleMarked: z.string().nullable(),
  snippetMarked: z.string().nullable(),
  textStart: z.string(),
  tags: z.array(z.string()),
  organisationName: z.string().nullable(),
  organisationSlug: z.string().nullable(),
  organisationType: z.enum(['kommun', 'region', 'myndighet', 'annan']).nullable(),
  createdAt: z.date(),
  activityAt: z.date(),
})

const countRowSchema = z.object({ facet: z.string(), value: z.string().nullable(), count: z.number() })
const preparedSchema = z.object({ tsquery: z.string().nullable(), corrections: z.array(z.object({ lexeme: z.string(), alternatives: z.string() })) })
const termRowSchema = z.object({ tsquery: z.string(), weight: z.number() })

type Term = z.infer<typeof termRowSchema>
/** The query as SQL needs it: the tsquery that matches (typos corrected), and the weighted terms of 'any'. */
type Prepared = { tsquery: string | null; terms: Term[] }

const fromStandIns = (text: string) => text.replaceAll(LT_STAND_IN, '<').replaceAll(AMP_STAND_IN, '&')
const toStandIns = (column: Prisma.Sql) => Prisma.sql`replace(replace(${column}, '<', ${LT_STAND_IN}), '&', ${AMP_STAND_IN})`

/** The tsquery text with each unknown stem ('upphandlng') replaced by its alternatives (('upphandl' | 'upphandling')). */
function corrected(tsquery: string, corrections: { lexeme: string; alternatives: string }[]): string {
  const byLexeme = new Map(corrections.map((correction) => [`'${correction.lexeme}'`, `( ${correction.alternatives} )`]))
  return tsquery.replace(/'(?:[^']|'')*'/g, (quoted) => byLexeme.get(quoted) ?? quoted)
}

/**
 * The terms of 'any' matching: the words of the query (search syntax is text here) and of its
 * synonym variants, where a multi-word synonym stays one quoted phrase.
 */
function anyTerms(query: string): string[] {
  const terms = synonymVariants(withoutSearchSyntax(query)).flatMap((variant) => variant.match(/"[^"]*"|[^\s"]+/gu) ?? [])
  return [...new Set(terms)].slice(0, ANY_TERMS_MAX)
}

function utc(date: Date) {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`
}

/** One SQL condition per filter field, on the alias `d`. */
function filterConditions(filters: SearchFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = []
  const oneOf = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) conditions.push(Prisma.sql`d.${Prisma.raw(`"${column}"`)} IN (${Prisma.join(values)})`)
  }
  oneOf('type', filters.type)
  oneOf('organisationType', filters.organisationType)
  oneOf('organisationSlug', filters.organisation)
  oneOf('county', filters.county)
  oneOf('projectStatus', filters.projectStatus)
  oneOf('artifactKind', filters.artifactKind)
  if (filters.tags?.length) conditions.push(Prisma.sql`d."tags" && ${filters.tags}::text[]`)
  if (filters.seekingPartners) conditions.push(Prisma.sql`d."seekingPartners" = true`)
  if (filters.createdFrom) conditions.push(Prisma.sql`d."createdAt" >= ${utc(filters.createdFrom)}`)
  if (filters.createdTo) conditions.push(Prisma.sql`d."createdAt" <= ${utc(filters.createdTo)}`)
  return conditions
}

const and = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`)

const FACET_EXPRESSIONS: Record<FacetName, Prisma.Sql> = {
  type: Prisma.sql`d."type"`,
  organisationType: Prisma.sql`d."organisationType"`,
  organisation: Prisma.sql`d."organisationSlug"`,
  county: Prisma.sql`d."county"`,
  tags: Prisma.sql`tag.value`,
  projectStatus: Prisma.sql`d."projectStatus"`,
  artifactKind: Prisma.sql`d."artifactKind"`,
  seekingPartners: Prisma.sql`d."seekingPartners"::text`,
}

/**
 * `resultCache: false` for a copy inside a transaction, and to measure the uncached cost
 * (SEARCH_RESULT_CACHE=off); `rankWindow` is RANK_WINDOW except in tests.
 */
export function createPostgresEngine({
  prisma,
  resultCache = true,
  rankWindow = RANK_WINDOW,
}: {
  prisma: SqlClient
  resultCache?: boolean
  rankWindow?: number
}): SearchEngine {
  const cache = resultCache ? createResultCache(prisma) : null
  /**
   * The OR of every synonym variant's tsquery (NULL when no variant has a searchable word),
   * with the typos of the query's own words corrected: a stem the vocabulary does not hold
   * becomes the OR of the vocabulary's similar stems (none alike: it stays, and matches nothing).
   * A correctly spelled query costs one primary-key lookup per stem.
   */
  async function prepare({ query, match }: NormalizedSearch): Promise<Prepared> {
    if (!query) return { tsquery: null, terms: [] }
    if (match === 'any') return prepareAny(query)
    // The first variant is the query itself (synonymVariants); only its stems are checked.
    const rows = await prisma.$queryRaw<unknown[]>`
      WITH variants AS (
        SELECT websearch_to_tsquery('swedish', u.v) AS tq, u.n FROM unnest(${synonymVariants(query)}::text[]) WITH ORDINALITY AS u(v, n)
      ),
      unknown AS (
        SELECT DISTINCT m.match[1] AS "lexeme"
        FROM variants, regexp_matches(variants.tq::text, '''([^'']+)''', 'g') AS m(match)
        WHERE variants.n = 1 AND length(m.match[1]) >= ${TYPO_MIN_LENGTH}::int
          AND NOT EXISTS (SELECT 1 FROM "SearchTerm" t WHERE t."lexeme" = m.match[1])
          -- A word that a synonym replaces in some variant ("GDPR") is not a typo.
          AND NOT EXISTS (SELECT 1 FROM variants other WHERE numnode(other.tq) > 0 AND strpos(other.tq::text, quote_literal(m.match[1])) = 0)
        ORDER BY 1
        LIMIT ${TYPO_WORDS_MAX}
      )
      SELECT
        (SELECT string_agg('(' || tq::text || ')', ' | ' ORDER BY n) FROM variants WHERE numnode(tq) > 0) AS "tsquery",
        coalesce((
          SELECT json_agg(json_build_object('lexeme', u."lexeme", 'alternatives', a.alternatives))
          FROM unknown u
          CROSS JOIN LATERAL (
            SELECT string_agg(quote_literal(c."lexeme"), ' | ' ORDER BY c.similarity DESC, c."lexeme") AS alternatives
            FROM (
              SELECT t."lexeme", similarity(t."folded", lower(unaccent(u."lexeme"))) AS similarity
              FROM "SearchTerm" t
              WHERE t."folded" % lower(unaccent(u."lexeme"))
                AND similarity(t."folded", lower(unaccent(u."lexeme"))) >= ${TYPO_SIMILARITY}::float4
                AND strpos(t."lexeme", '''') = 0 AND strpos(t."lexeme", chr(92)) = 0
              ORDER BY 2 DESC, 1
              LIMIT ${TYPO_ALTERNATIVES_MAX}
            ) AS c
          ) AS a
          WHERE a.alternatives IS NOT NULL), '[]'::json) AS "corrections"`
    const prepared = preparedSchema.parse(rows[0])
    return { tsquery: prepared.tsquery === null ? null : corrected(prepared.tsquery, prepared.corrections), terms: [] }
  }

  /** Each term's tsquery (stop words alone give none) with its rarity weight; their OR matches. */
  async function prepareAny(query: string): Promise<Prepared> {
    const rows = await prisma.$queryRaw<unknown[]>`
      SELECT t.tq::text AS "tsquery",
             ln(1 + ${RARITY_CAP}::float8 / greatest(1, (
               SELECT count(*) FROM (SELECT 1 FROM "SearchDocument" s WHERE s."searchVector" @@ t.tq LIMIT ${RARITY_CAP}) AS m
             )))::float8 AS "weight"
      FROM (SELECT DISTINCT websearch_to_tsquery('swedish', v) AS tq FROM unnest(${anyTerms(query)}::text[]) AS v) AS t
      WHERE numnode(t.tq) > 0
      ORDER BY 1`
    const terms = rows.map((row) => termRowSchema.parse(row))
    return { tsquery: terms.length ? terms.map((term) => `(${term.tsquery})`).join(' | ') : null, terms }
  }

  /** 'any' ranking: the sum of the matched terms' weights, by the share their field earns. */
  function anyRank(terms: Term[]) {
    // The vector is read from TOAST once per document (not once per term and field), and its
    // title and tags parts are cut once: OFFSET 0 keeps the planner from inlining them again.
    return Prisma.sql`(
      SELECT coalesce(sum(t.weight * CASE
          WHEN v.title @@ t.tq THEN ${TITLE_SHARE}::float8
          WHEN v.tags @@ t.tq THEN ${TAGS_SHARE}::float8
          WHEN v.whole @@ t.tq THEN ${OTHER_SHARE}::float8
          ELSE 0 END), 0)
      FROM (
        SELECT ts_filter(w.whole, '{a}') AS title, ts_filter(w.whole, '{b}') AS tags, w.whole
        FROM (SELECT d."searchVector" || ''::tsvector AS whole OFFSET 0) AS w
        OFFSET 0
      ) AS v
      CROSS JOIN unnest(${terms.map((term) => term.tsquery)}::text[]::tsquery[], ${terms.map((term) => term.weight)}::float8[]) AS t(tq, weight)
    )`
  }

  /** Visible documents matching the query (not yet filtered), as a FROM … WHERE fragment. */
  function matching(search: NormalizedSearch, prepared: Prepared) {
    const tsquery = Prisma.sql`${prepared.tsquery}::tsquery`
    const anyOf = prepared.tsquery ? Prisma.sql`d."searchVector" @@ ${tsquery}` : Prisma.sql`FALSE`
    const excluded = search.exclude.length ? Prisma.sql` AND d."entityId" <> ALL(${search.exclude}::text[])` : Prisma.empty
    // Without a query everything matches, except in 'any', which needs something to be similar to.
    const queryMatch = Prisma.sql`${search.query || search.match === 'any' ? anyOf : Prisma.sql`TRUE`}${excluded}`
    // The index holds visible posts only (the triggers remove a document when its post stops
    // being visible); what is left out is a post that lost content (a hidden or deleted
    // answer) the worker has yet to take out of its document.
    const visible = Prisma.sql`d."entityType" = 'post' AND d."entityId" NOT IN (${pendingInvisiblePostIds()})`
    const rank =
      search.match === 'any'
        ? anyRank(prepared.terms)
        : prepared.tsquery
          ? Prisma.sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], d."searchVector", ${tsquery}, 32)`
          : Prisma.sql`0::float4`
    return { visible, queryMatch, rank, tsquery }
  }

  async function hits(search: NormalizedSearch, prepared: Prepared): Promise<SearchHit[]> {
    const { visible, queryMatch, rank, tsquery } = matching(search, prepared)
    const byRelevance = search.sort === 'relevance' && search.query
    const order = byRelevance ? Prisma.sql`"rank" DESC NULLS LAST, d."activityAt" DESC, d."id" DESC` : Prisma.sql`d."createdAt" DESC, d."id" DESC`
    const matched = Prisma.sql`${visible} AND ${queryMatch} AND ${and(filterConditions(search.filters))}`
    // Relevance in 'all' ranks the rankWindow most recently active matches; any further
    // matches follow them by activity (their rank is NULL), which a page reaches only beyond
    // the window. Every page is a slice of that one order. 'any' (similar content) ranks every match.
    const windowed = byRelevance && search.match === 'all'
    const source = windowed
      ? Prisma.sql`(
          SELECT recent.*, row_number() OVER (ORDER BY recent."activityAt" DESC, recent."id" DESC) AS "recency"
          FROM (
            SELECT * FROM "SearchDocument" d WHERE ${matched}
            ORDER BY d."activityAt" DESC, d."id" DESC
            LIMIT ${Math.max(rankWindow, search.page * search.pageSize)}
          ) AS recent
        ) AS d`
      : Prisma.sql`"SearchDocument" d WHERE ${matched}`
    const pageRank = windowed ? Prisma.sql`CASE WHEN d."recency" <= ${rankWindow} THEN ${rank} END` : rank
    // Corrected typos are part of the tsquery, so they are highlighted like any match.
    const headline = (column: Prisma.Sql, options: string) =>
      prepared.tsquery ? Prisma.sql`ts_headline('swedish', ${toStandIns(column)}, ${tsquery}, ${options})` : Prisma.sql`NULL::text`
    const rows = await prisma.$queryRaw<unknown[]>`
      SELECT page."id", page."entityId", page."type", page."title", page."tags", page."organisationName",
             page."organisationSlug", page."organisationType", page."createdAt", page."activityAt",
             ${headline(Prisma.sql`page."title"`, TITLE_HEADLINE)} AS "titleMarked",
             ${headline(Prisma.sql`left(page."text", ${HEADLINE_TEXT_MAX})`, SNIPPET_HEADLINE)} AS "snippetMarked",
             left(page."text", ${SNIPPET_FALLBACK_LENGTH + 1}) AS "textStart"
      FROM (
        SELECT d."id", d."entityId", d."type", d."title", d."text", d."tags", d."organisationName",
               d."organisationSlug", d."organisationType", d."createdAt", d."activityAt", ${pageRank} AS "rank"
        FROM ${source}
        ORDER BY ${order}
        LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}
      ) AS page
      ORDER BY ${Prisma.raw(byRelevance ? 'page."rank" DESC NULLS LAST, page."activityAt" DESC, page."id" DESC' : 'page."createdAt" DESC, page."id" DESC')}`
    return rows.map((raw) => {
      const row = hitRowSchema.parse(raw)
      const snippet =
        row.snippetMarked ??
        (row.textStart.length > SNIPPET_FALLBACK_LENGTH ? `${truncate(row.textStart, SNIPPET_FALLBACK_LENGTH).trimEnd()} …` : row.textStart)
      return {
        id: row.id,
        entityId: row.entityId,
        type: row.type,
        title: toSafeHtml(fromStandIns(row.titleMarked ?? row.title)),
        snippet: toSafeHtml(fromStandIns(snippet)),
        organisation: row.organisationName ? { name: row.organisationName, slug: row.organisationSlug, type: row.organisationType } : null,
        tags: row.tags,
        createdAt: row.createdAt.toISOString(),
        activityAt: row.activityAt.toISOString(),
      }
    })
  }

  /** The total and the facet counts in one statement over the matching documents. */
  async function counts(search: NormalizedSearch, prepared: Prepared) {
    const { visible, queryMatch } = matching(search, prepared)
    const facetQueries = search.facets.map((facet) => {
      const unnestTags = facet === 'tags' ? Prisma.sql`CROSS JOIN LATERAL unnest(d."tags") AS tag(value)` : Prisma.empty
      const expression = FACET_EXPRESSIONS[facet]
      return Prisma.sql`(
        SELECT ${facet}::text AS "facet", ${expression} AS "value", count(*)::int AS "count"
        FROM matched d ${unnestTags}
        WHERE ${expression} IS NOT NULL AND ${and(filterConditions(withoutFilter(search.filters, facet)))}
        GROUP BY ${expression}
        ORDER BY count(*) DESC, ${expression}
        LIMIT ${FACET_VALUES_MAX}
      )`
    })
    const rows = await prisma.$queryRaw<unknown[]>`
      WITH matched AS MATERIALIZED (
        SELECT d."type", d."organisationType", d."organisationSlug", d."county", d."tags", d."projectStatus",
               d."artifactKind", d."seekingPartners", d."createdAt"
        FROM "SearchDocument" d
        WHERE ${visible} AND ${queryMatch}
      )
      (SELECT 'total' AS "facet", NULL::text AS "value", count(*)::int AS "count" FROM matched d WHERE ${and(filterConditions(search.filters))})
      ${facetQueries.length ? Prisma.sql`UNION ALL ${Prisma.join(facetQueries, ' UNION ALL ')}` : Prisma.empty}`
    let total = 0
    const facets: FacetCounts = {}
    for (const facet of search.facets) facets[facet] = {}
    for (const raw of rows) {
      const row = countRowSchema.parse(raw)
      if (row.facet === 'total') total = row.count
      else if ((FACET_NAMES as readonly string[]).includes(row.facet) && row.value !== null) {
        const counts = facets[row.facet as FacetName]
        if (counts) counts[row.value] = row.count
      }
    }
    return { total, facets }
  }

  const engine: SearchEngine = {
    name: 'postgres',

    async search(query, options) {
      const search = normalizeSearchInput(query, options)
      const compute = async () => {
        const prepared = await prepare(search)
        const found = await hits(search, prepared)
        const counted = await counts(search, prepared)
        return { query: search.query, hits: found, total: counted.total, page: search.page, pageSize: search.pageSize, facets: counted.facets }
      }
      return cache ? cache.get(search, compute) : compute()
    },

    async upsert(docs) {
      if (docs.length === 0) return
      cache?.clear()
      await prisma.$executeRaw`
        INSERT INTO "SearchDocument" (
          "id", "entityType", "entityId", "type", "title", "text", "tags", "organisationName", "organisationSlug",
          "organisationType", "county", "projectStatus", "artifactKind", "seekingPartners", "status", "createdAt",
          "activityAt", "searchVector", "settingsVersion", "indexedAt")
        SELECT
          d."id", d."entityType", d."entityId", d."type", d."title", d."text", coalesce(d."tags", '{}'), d."organisationName",
          d."organisationSlug", d."organisationType", d."county", d."projectStatus", d."artifactKind",
          coalesce(d."seekingPartners", false), d."status",
          to_timestamp(d."createdAt" / 1000.0) AT TIME ZONE 'UTC',
          to_timestamp(d."activityAt" / 1000.0) AT TIME ZONE 'UTC',
          setweight(to_tsvector('swedish', d."title"), 'A')
            || setweight(to_tsvector('swedish', array_to_string(coalesce(d."tags", '{}'), ' ')), 'B')
            || setweight(to_tsvector('swedish', d."text"), 'C')
            || setweight(to_tsvector('swedish', coalesce(d."organisationName", '')), 'D'),
          ${SETTINGS_VERSION}::int,
          now() AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) AS d(
          "id" text, "entityType" text, "entityId" text, "type" text, "title" text, "text" text, "tags" text[],
          "organisationName" text, "organisationSlug" text, "organisationType" text, "county" text,
          "projectStatus" text, "artifactKind" text, "seekingPartners" boolean, "status" text,
          "createdAt" bigint, "activityAt" bigint)
        ON CONFLICT ("id") DO UPDATE SET
          "entityType" = excluded."entityType", "entityId" = excluded."entityId", "type" = excluded."type",
          "title" = excluded."title", "text" = excluded."text", "tags" = excluded."tags",
          "organisationName" = excluded."organisationName", "organisationSlug" = excluded."organisationSlug",
          "organisationType" = excluded."organisationType", "county" = excluded."county",
          "projectStatus" = excluded."projectStatus", "artifactKind" = excluded."artifactKind",
          "seekingPartners" = excluded."seekingPartners", "status" = excluded."status",
          "createdAt" = excluded."createdAt", "activityAt" = excluded."activityAt",
          "searchVector" = excluded."searchVector",
          "settingsVersion" = excluded."settingsVersion", "indexedAt" = excluded."indexedAt"`
      // The vocabulary for typos: every stem of these documents, in a fixed order so that
      // concurrent writers never deadlock. It only grows; a stem gone from every document
      // can still be offered as a correction, which then matches nothing.
      await prisma.$executeRaw`
        INSERT INTO "SearchTerm" ("lexeme", "folded")
        SELECT t.lexeme, lower(unaccent(t.lexeme))
        FROM (
          SELECT DISTINCT v.lexeme FROM "SearchDocument" d CROSS JOIN LATERAL unnest(d."searchVector") AS v
          WHERE d."id" = ANY(${docs.map((doc) => doc.id)}::text[])
        ) AS t
        ORDER BY t.lexeme
        ON CONFLICT ("lexeme") DO NOTHING`
    },

    async remove(ids) {
      if (ids.length === 0) return
      cache?.clear()
      await prisma.$executeRaw`DELETE FROM "SearchDocument" WHERE "id" = ANY(${ids}::text[])`
    },

    async applySettings() {
      // Synonyms and stop words apply at query time. A rebuild is due when documents were
      // written under another SETTINGS_VERSION, or when the index is empty while there are
      // visible posts (a database that had content before search, or came from Meilisearch).
      const rows = await prisma.$queryRaw<unknown[]>`
        SELECT
          EXISTS (SELECT 1 FROM "SearchDocument" WHERE "settingsVersion" <> ${SETTINGS_VERSION}::int) AS "stale",
          NOT EXISTS (SELECT 1 FROM "SearchDocument") AND EXISTS (SELECT 1 FROM "Post" WHERE "status" = 'visible') AS "missing"`
      const { stale, missing } = z.object({ stale: z.boolean(), missing: z.boolean() }).parse(rows[0])
      return { rebuildNeeded: stale || missing }
    },

    async reindexAll(batches) {
      // Documents are replaced in place (search never sees an empty index); whatever this
      // run did not write is removed at the end.
      const rows = await prisma.$queryRaw<unknown[]>`SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS "startedAt"`
      const { startedAt } = z.object({ startedAt: z.date() }).parse(rows[0])
      let indexed = 0
      for await (const docs of batches) {
        await engine.upsert(docs)
        indexed += docs.length
      }
      await prisma.$executeRaw`DELETE FROM "SearchDocument" WHERE "indexedAt" < ${utc(startedAt)}`
      cache?.clear()
      return { indexed }
    },

    withinTransaction(tx) {
      return createPostgresEngine({ prisma: tx, resultCache: false })
    },
  }
  return engine
}
