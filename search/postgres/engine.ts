import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { MARK_END, MARK_START, toSafeHtml } from '../highlight.ts'
import { pendingInvisiblePostIds } from '../pending-visibility.ts'
import { normalizeSearchInput, truncate, withoutFilter, type NormalizedSearch } from '../query.ts'
import { SETTINGS_VERSION, synonymVariants } from '../settings/index.ts'
import {
  FACET_NAMES,
  type FacetCounts,
  type FacetName,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SqlClient,
} from '../types.ts'

/**
 * The embedded default engine: PostgreSQL full-text search over the "SearchDocument" table
 * (migration 20261123020000_search). Matching: `websearch_to_tsquery('swedish', …)` over the
 * query and its synonym variants, OR'ed, plus a trigram word-similarity fallback on the
 * unaccented title for typos. Ranking: `ts_rank_cd` with title > tags > text > organisation.
 * Highlights: `ts_headline` with marker characters, escaped into safe HTML afterwards.
 * Visibility: every query joins the entity ("Post") and requires the scope's status, so a
 * post hidden a moment ago is gone before the outbox worker has removed its document; a
 * question whose answer was hidden a moment ago is left out until it is re-indexed
 * (search/pending-visibility.ts).
 * Every value reaches SQL as a bound parameter.
 */

// ts_rank_cd weights in the order {D, C, B, A}: organisation, text, tags, title.
const RANK_WEIGHTS = '{0.05, 0.2, 0.4, 1.0}'
const FUZZY_WEIGHT = 0.3
const FUZZY_MIN_LENGTH = 4
const FUZZY_WORD_SIMILARITY = 0.5
const FACET_VALUES_MAX = 50
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
const preparedSchema = z.object({ tsquery: z.string().nullable(), fuzzy: z.string().nullable() })

type Prepared = z.infer<typeof preparedSchema>

const fromStandIns = (text: string) => text.replaceAll(LT_STAND_IN, '<').replaceAll(AMP_STAND_IN, '&')
const toStandIns = (column: Prisma.Sql) => Prisma.sql`replace(replace(${column}, '<', ${LT_STAND_IN}), '&', ${AMP_STAND_IN})`

/** The text for the typo fallback: the words without search syntax (quotes, leading minus). */
function fuzzyText(query: string): string | null {
  const words = query.replace(/"/g, ' ').replace(/(^|\s)-+/g, '$1').replace(/\s+/g, ' ').trim()
  return Array.from(words).length >= FUZZY_MIN_LENGTH ? words : null
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
  county: Prisma.sql`d."county"`,
  tags: Prisma.sql`tag.value`,
  projectStatus: Prisma.sql`d."projectStatus"`,
  artifactKind: Prisma.sql`d."artifactKind"`,
  seekingPartners: Prisma.sql`d."seekingPartners"::text`,
}

export function createPostgresEngine({ prisma }: { prisma: SqlClient }): SearchEngine {
  /** The OR of every synonym variant's tsquery (NULL when no variant has a searchable word). */
  async function prepare(query: string): Promise<Prepared> {
    if (!query) return { tsquery: null, fuzzy: null }
    const variants = synonymVariants(query)
    const fuzzy = fuzzyText(query)
    const rows = await prisma.$queryRaw<unknown[]>`
      SELECT
        (SELECT string_agg('(' || q.tq::text || ')', ' | ')
           FROM (SELECT websearch_to_tsquery('swedish', v) AS tq FROM unnest(${variants}::text[]) AS v) AS q
          WHERE numnode(q.tq) > 0) AS "tsquery",
        lower(unaccent(${fuzzy}::text)) AS "fuzzy"`
    return preparedSchema.parse(rows[0])
  }

  /** Visible documents matching the query (not yet filtered), as a FROM … WHERE fragment. */
  function matching(search: NormalizedSearch, prepared: Prepared) {
    const tsquery = Prisma.sql`${prepared.tsquery}::tsquery`
    const matches: Prisma.Sql[] = []
    if (prepared.tsquery) matches.push(Prisma.sql`d."searchVector" @@ ${tsquery}`)
    if (prepared.fuzzy) matches.push(Prisma.sql`${prepared.fuzzy}::text <% d."titleFolded"`)
    const queryMatch = search.query ? (matches.length ? Prisma.sql`(${Prisma.join(matches, ' OR ')})` : Prisma.sql`FALSE`) : Prisma.sql`TRUE`
    const from = Prisma.sql`
      "SearchDocument" d
      JOIN "Post" p ON d."entityType" = 'post' AND p."id" = d."entityId" AND p."status" = ${search.scope.status}::"ContentStatus"
        AND p."id" NOT IN (${pendingInvisiblePostIds(search.scope.status)})`
    const rank = Prisma.sql`(
      ${prepared.tsquery ? Prisma.sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], d."searchVector", ${tsquery}, 32)` : Prisma.sql`0`}
      + ${prepared.fuzzy ? Prisma.sql`CASE WHEN ${prepared.fuzzy}::text <% d."titleFolded" THEN word_similarity(${prepared.fuzzy}::text, d."titleFolded") * ${FUZZY_WEIGHT} ELSE 0 END` : Prisma.sql`0`}
    )`
    return { from, queryMatch, rank, tsquery }
  }

  async function hits(search: NormalizedSearch, prepared: Prepared): Promise<SearchHit[]> {
    const { from, queryMatch, rank, tsquery } = matching(search, prepared)
    const order =
      search.sort === 'relevance' && search.query
        ? Prisma.sql`"rank" DESC, d."activityAt" DESC, d."id" DESC`
        : Prisma.sql`d."createdAt" DESC, d."id" DESC`
    // Typo matches: highlight the title's words that resemble a query word (the same
    // words elsewhere in the text too), OR'ed with the query's own terms.
    const similarWords = prepared.fuzzy
      ? Prisma.sql`(
          SELECT string_agg('(' || plainto_tsquery('swedish', t.lexeme)::text || ')', ' | ')::tsquery
          FROM unnest(to_tsvector('simple', page."title")) AS t
          WHERE numnode(plainto_tsquery('swedish', t.lexeme)) > 0 AND EXISTS (
            SELECT 1 FROM unnest(string_to_array(${prepared.fuzzy}::text, ' ')) AS w(word)
            WHERE length(w.word) >= ${FUZZY_MIN_LENGTH}::int AND similarity(w.word, unaccent(t.lexeme)) >= ${FUZZY_WORD_SIMILARITY}::float4))`
      : null
    const highlightQuery =
      prepared.tsquery && similarWords
        ? Prisma.sql`coalesce(${tsquery} || ${similarWords}, ${tsquery})`
        : prepared.tsquery
          ? tsquery
          : similarWords
    const headline = (column: Prisma.Sql, options: string) =>
      highlightQuery ? Prisma.sql`ts_headline('swedish', ${toStandIns(column)}, ${highlightQuery}, ${options})` : Prisma.sql`NULL::text`
    const rows = await prisma.$queryRaw<unknown[]>`
      SELECT page."id", page."entityId", page."type", page."title", page."tags", page."organisationName",
             page."organisationSlug", page."organisationType", page."createdAt", page."activityAt",
             ${headline(Prisma.sql`page."title"`, TITLE_HEADLINE)} AS "titleMarked",
             ${headline(Prisma.sql`left(page."text", ${HEADLINE_TEXT_MAX})`, SNIPPET_HEADLINE)} AS "snippetMarked",
             left(page."text", ${SNIPPET_FALLBACK_LENGTH + 1}) AS "textStart"
      FROM (
        SELECT d."id", d."entityId", d."type", d."title", d."text", d."tags", d."organisationName",
               d."organisationSlug", d."organisationType", d."createdAt", d."activityAt", ${rank} AS "rank"
        FROM ${from}
        WHERE ${queryMatch} AND ${and(filterConditions(search.filters))}
        ORDER BY ${order}
        LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}
      ) AS page
      ORDER BY ${Prisma.raw(search.sort === 'relevance' && search.query ? 'page."rank" DESC, page."activityAt" DESC, page."id" DESC' : 'page."createdAt" DESC, page."id" DESC')}`
    return rows.map((raw) => {
      const row = hitRowSchema.parse(raw)
      const snippet = row.snippetMarked ?? (row.textStart.length > SNIPPET_FALLBACK_LENGTH ? `${truncate(row.textStart, SNIPPET_FALLBACK_LENGTH).trimEnd()} …` : row.textStart)
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
    const { from, queryMatch } = matching(search, prepared)
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
        FROM ${from}
        WHERE ${queryMatch}
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
      const prepared = await prepare(search.query)
      const found = await hits(search, prepared)
      const counted = await counts(search, prepared)
      return { query: search.query, hits: found, total: counted.total, page: search.page, pageSize: search.pageSize, facets: counted.facets }
    },

    async upsert(docs) {
      if (docs.length === 0) return
      await prisma.$executeRaw`
        INSERT INTO "SearchDocument" (
          "id", "entityType", "entityId", "type", "title", "text", "tags", "organisationName", "organisationSlug",
          "organisationType", "county", "projectStatus", "artifactKind", "seekingPartners", "status", "createdAt",
          "activityAt", "titleFolded", "searchVector", "settingsVersion", "indexedAt")
        SELECT
          d."id", d."entityType", d."entityId", d."type", d."title", d."text", coalesce(d."tags", '{}'), d."organisationName",
          d."organisationSlug", d."organisationType", d."county", d."projectStatus", d."artifactKind",
          coalesce(d."seekingPartners", false), d."status",
          to_timestamp(d."createdAt" / 1000.0) AT TIME ZONE 'UTC',
          to_timestamp(d."activityAt" / 1000.0) AT TIME ZONE 'UTC',
          lower(unaccent(d."title")),
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
          "titleFolded" = excluded."titleFolded", "searchVector" = excluded."searchVector",
          "settingsVersion" = excluded."settingsVersion", "indexedAt" = excluded."indexedAt"`
    },

    async remove(ids) {
      if (ids.length === 0) return
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
      return { indexed }
    },

    withinTransaction(tx) {
      return createPostgresEngine({ prisma: tx })
    },
  }
  return engine
}
