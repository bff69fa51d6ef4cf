import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { parseSearchParams } from '#app/models/search-page.server.ts'
import { openDatabase, type Database } from '#app/utils/database.server.ts'
import { init } from '#app/utils/env.server.ts'
import { getSearchEngine, searchContent, startSearchIndexing } from '#app/utils/search.server.ts'
import { reindexEverything } from '#search/index.ts'
import { dropServerDatabase, recreateServerDatabase, signIn, startApp, type RunningApp } from './app-server.ts'
import { loadMembers, loadPosts, POST_ID_PREFIX } from './corpus.ts'
import { ms, summarise, table } from './stats.ts'

/**
 * One target of `npm run bench:search` (started by app/cli/bench-search.ts, which explains
 * the settings): builds the corpus in a fresh database (BENCH_TARGET=server: the
 * samverka_bench_search database on BENCH_SERVER_URL; embedded: PGlite in a temporary
 * DATA_DIR), times a full rebuild of the index, measures the outbox lag and the search
 * page's latency, prints its section and writes its figures to BENCH_RESULT_FILE.
 */
export type TargetResult = {
  target: Target
  posts: number
  docsPerSecond: number
  lag: { p50: number; p95: number }
  levels: { concurrency: number; requests: number; perSecond: number; p50: number; p95: number; p99: number }[]
}

type Target = 'server' | 'embedded'

const target: Target = process.env.BENCH_TARGET === 'embedded' ? 'embedded' : 'server'
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const databaseName = 'samverka_bench_search'
const posts = Number(target === 'server' ? (process.env.BENCH_POSTS ?? 100_000) : (process.env.BENCH_EMBEDDED_POSTS ?? 20_000))
const members = Number(process.env.BENCH_MEMBERS ?? Math.max(1_000, Math.round(posts / 5)))
const lagChanges = Number(process.env.BENCH_LAG_CHANGES ?? 100)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const concurrencies = [1, 8, 32]
const keepDatabase = process.env.BENCH_KEEP === 'true'
const MEMBER_EMAIL = 'anna.svensson@malmo.example'
const WORKER_INTERVAL_MS = 500
const LAG_POLL_MS = 10
const LAG_TIMEOUT_MS = 30_000

/** The fixed mix of searches, as the search page's URL parameters (every search computes the page's facets). */
const QUERY_MIX: readonly { kind: string; params: Record<string, string> }[] = [
  { kind: 'word', params: { q: 'upphandling' } },
  { kind: 'word', params: { q: 'bygglov' } },
  { kind: 'word', params: { q: 'skolskjuts' } },
  { kind: 'word', params: { q: 'äldreomsorg' } },
  { kind: 'word form', params: { q: 'kommunerna' } },
  { kind: 'abbreviation', params: { q: 'LSS' } },
  { kind: 'phrase', params: { q: '"e-arkiv"' } },
  { kind: 'phrase', params: { q: '"personlig assistans"' } },
  { kind: 'typo', params: { q: 'upphandlng' } },
  { kind: 'typo', params: { q: 'digitaliserng' } },
  { kind: 'two words', params: { q: 'RPA fakturahanteringen' } },
  { kind: 'filtered', params: { q: 'upphandling', typ: 'projekt', lan: 'Skåne län' } },
  { kind: 'filtered', params: { q: 'dataskydd', orgtyp: 'kommun', tagg: 'gdpr' } },
  { kind: 'filtered', params: { q: 'socialtjänst', typ: 'fraga', fran: '2025-01-01' } },
  { kind: 'filters only', params: { typ: 'projekt', projektstatus: 'ongoing', partner: 'ja' } },
  { kind: 'newest', params: { q: 'digitalisering', sortera: 'nyast' } },
  { kind: 'page 3', params: { q: 'e-tjänster', sida: '3' } },
]

const searchPath = (params: Record<string, string>) => `/sok?${new URLSearchParams(params)}`
const label = target === 'server' ? 'PostgreSQL server' : 'embedded PGlite'
const seconds1 = (milliseconds: number) => (milliseconds / 1000).toFixed(1)
const count = (value: number) => value.toLocaleString('en-US')

async function openTargetDatabase(dataDir: string): Promise<Database> {
  process.env.DATA_DIR = dataDir
  process.env.SEED_DEMO = 'true'
  if (target === 'server') process.env.DATABASE_URL = await recreateServerDatabase(serverUrl, databaseName)
  else delete process.env.DATABASE_URL
  init()
  return openDatabase({ migrate: true })
}

async function buildCorpus(database: Database) {
  const { seedDatabase } = await import('#prisma/seed.ts')
  await seedDatabase({ demo: true })
  const sql = await database.pool.connect()
  try {
    const started = performance.now()
    await loadMembers(sql, members)
    await loadPosts(sql, { posts, members })
    const session = await signIn(sql, MEMBER_EMAIL)
    await sql.query('VACUUM ANALYZE')
    const { rows } = await sql.query<{ posts: number; answers: number; tags: number; organisations: number; words: number }>(`
      SELECT (SELECT count(*) FROM "Post")::int AS posts, (SELECT count(*) FROM "Answer")::int AS answers,
             (SELECT count(*) FROM "PostTag")::int AS tags, (SELECT count(DISTINCT "organisationId") FROM "Post")::int AS organisations,
             (SELECT avg(array_length(regexp_split_to_array("bodyText", '\\s+'), 1)) FROM "Post")::int AS words`)
    const stats = rows[0]
    if (!stats) throw new Error('no corpus statistics')
    console.info(
      `Corpus: ${count(stats.posts)} posts (${count(stats.answers)} answers, ${count(stats.tags)} post tags, bodies ${stats.words} words on average) ` +
        `by ${count(members)} members of ${stats.organisations} organisations, loaded in ${seconds1(performance.now() - started)} s`,
    )
    return session
  } finally {
    sql.release()
  }
}

async function timeRebuild(database: Database) {
  const started = performance.now()
  const { indexed } = await reindexEverything({ prisma: database.prisma, engine: getSearchEngine() })
  const elapsed = performance.now() - started
  await database.prisma.$executeRawUnsafe('VACUUM ANALYZE "SearchDocument"')
  const docsPerSecond = indexed / (elapsed / 1000)
  console.info(
    `Indexing: full rebuild (reindexEverything) of ${count(indexed)} documents in ${seconds1(elapsed)} s = ${count(Math.round(docsPerSecond))} docs/s`,
  )
  return docsPerSecond
}

type MixEntry = { kind: string; path: string; matches: number; engineMs: number }

/** Each query of the mix through the engine in this process (no HTTP): matches, and the median of 3 runs. */
async function measureEngine(): Promise<MixEntry[]> {
  const entries: MixEntry[] = []
  for (const { kind, params } of QUERY_MIX) {
    const timings: number[] = []
    let matches = 0
    for (let run = 0; run < 3; run++) {
      const started = performance.now()
      const outcome = await searchContent(parseSearchParams(new URLSearchParams(params)))
      timings.push(performance.now() - started)
      if (!outcome.ok) throw new Error(`The search ${searchPath(params)} failed`)
      matches = outcome.result.total
    }
    entries.push({ kind, path: searchPath(params), matches, engineMs: summarise(timings).p50 })
  }
  return entries
}

async function waitForEmptyOutbox(prisma: PrismaClient) {
  for (let waited = 0; waited < 120_000; waited += 200) {
    const [row] = await prisma.$queryRaw<{ pending: number }[]>`SELECT count(*)::int AS "pending" FROM "SearchOutbox" WHERE "processedAt" IS NULL`
    if (row?.pending === 0) return
    await sleep(200)
  }
  throw new Error('The outbox did not drain within two minutes')
}

/**
 * Commits `lagChanges` post edits one at a time the way the services do (the post and its
 * outbox row in one transaction), each at a random moment of the worker's 500 ms cycle, and
 * times from the commit until a search for a word the edit added finds the post.
 */
async function measureLag(prisma: PrismaClient, worker: string) {
  await waitForEmptyOutbox(prisma)
  const picked = await prisma.$queryRaw<{ id: string; title: string }[]>`
    SELECT id, title FROM "Post" WHERE id LIKE ${POST_ID_PREFIX + '%'} AND status = 'visible' ORDER BY md5(id) LIMIT ${lagChanges}`
  const lags: number[] = []
  for (const [index, post] of picked.entries()) {
    await sleep(Math.random() * WORKER_INTERVAL_MS)
    const word = `zqx${index.toString(36)}${randomBytes(4).toString('hex')}`
    await prisma.$transaction([
      prisma.$executeRaw`UPDATE "Post" SET title = ${`${post.title} ${word}`}, "updatedAt" = now(), "editedAt" = now() WHERE id = ${post.id}`,
      prisma.$executeRaw`INSERT INTO "SearchOutbox" ("entityType", "entityId", "operation") VALUES ('post', ${post.id}, 'upsert')`,
    ])
    const committed = performance.now()
    for (;;) {
      const outcome = await searchContent(parseSearchParams(new URLSearchParams({ q: word })), [])
      if (outcome.ok && outcome.result.hits.some((hit) => hit.entityId === post.id)) break
      if (performance.now() - committed > LAG_TIMEOUT_MS) throw new Error(`Post ${post.id} was not searchable ${LAG_TIMEOUT_MS} ms after its commit`)
      await sleep(LAG_POLL_MS)
    }
    lags.push(performance.now() - committed)
  }
  const lag = summarise(lags)
  console.info(
    `Outbox lag: ${lags.length} edits committed one at a time, from commit until engine.search finds the new word (polled every ${LAG_POLL_MS} ms) ` +
      `with ${worker} polling every ${WORKER_INTERVAL_MS} ms: p50 ${ms(lag.p50)} ms, p95 ${ms(lag.p95)} ms  [target < 1000 ms: ${lag.p95 < 1000 ? 'pass' : 'FAIL'}]`,
  )
  return { p50: lag.p50, p95: lag.p95 }
}

/** `concurrency` loops of GET requests over the mix for `duration` ms (and every query at least once); keep-alive connections (Node's fetch). */
async function load(base: string, cookie: string, concurrency: number, duration: number) {
  const urls = QUERY_MIX.map(({ params }) => `${base}${searchPath(params)}`)
  const timings: number[] = []
  const perQuery: number[][] = urls.map(() => [])
  let next = 0
  const started = performance.now()
  const deadline = started + duration
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      // Until the deadline, and at least one round of the mix.
      while (performance.now() < deadline || next < urls.length) {
        const index = next++ % urls.length
        const url = urls[index] as string
        const sent = performance.now()
        const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
        const elapsed = performance.now() - sent
        timings.push(elapsed)
        perQuery[index]?.push(elapsed)
      }
    }),
  )
  const elapsed = performance.now() - started
  return { ...summarise(timings), perSecond: timings.length / (elapsed / 1000), perQueryP50: perQuery.map((list) => summarise(list).p50) }
}

async function measureSearches(app: RunningApp, cookie: string, mix: MixEntry[]): Promise<TargetResult['levels']> {
  await load(app.url, cookie, 8, 3_000)
  const levels: TargetResult['levels'] = []
  for (const concurrency of concurrencies) {
    const result = await load(app.url, cookie, concurrency, seconds * 1000)
    if (concurrency === 1) {
      console.info(
        `Query mix: matches, engine time (median of 3 engine.search calls in the benchmark process, no HTTP, before the app started) ` +
          `and GET /sok time at concurrency 1 (median); the difference is the app's own work (session, loader, other queries, render).\n` +
          table(
            ['kind', 'URL', 'matches', 'engine ms', 'HTTP ms'],
            mix.map((entry, index) => [entry.kind, entry.path, count(entry.matches), ms(entry.engineMs), ms(result.perQueryP50[index] ?? Number.NaN)]),
          ),
      )
    }
    levels.push({ concurrency, requests: result.count, perSecond: result.perSecond, p50: result.p50, p95: result.p95, p99: result.p99 })
  }
  const targetMarks = (level: TargetResult['levels'][number]) =>
    target === 'server' && level.concurrency === 8
      ? `p95 < 50 ms: ${level.p95 < 50 ? 'pass' : 'FAIL'}; > 300/s: ${level.perSecond > 300 ? 'pass' : 'FAIL'}`
      : ''
  console.info(
    `Search latency: GET /sok as a signed-in member, the mix above in turn, ${seconds} s per concurrency after a 3 s warm-up; ` +
      `the load generator (Node fetch, keep-alive) runs in the benchmark process on the same machine ` +
      `(1-minute load average at the end: ${os.loadavg()[0]?.toFixed(1)}).\n` +
      table(
        ['concurrency', 'requests', 'searches/s', 'p50 ms', 'p95 ms', 'p99 ms', 'targets'],
        levels.map((level) => [
          String(level.concurrency),
          count(level.requests),
          level.perSecond.toFixed(0),
          ms(level.p50),
          ms(level.p95),
          ms(level.p99),
          targetMarks(level),
        ]),
      ),
  )
  return levels
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-search-'))
  let database: Database | undefined
  let app: RunningApp | undefined
  const appEnv = () => ({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL, SEED_DEMO: 'true' })
  try {
    console.info(`\n=== ${label}${target === 'embedded' ? ` (smaller default corpus: PGlite has a single connection)` : ''} ===`)
    database = await openTargetDatabase(dataDir)
    const [version] = await database.prisma.$queryRaw<{ version: string }[]>`SELECT split_part(version(), ' on ', 1) AS "version"`
    console.info(`Database: ${version?.version}${target === 'server' ? ` at ${new URL(serverUrl).host}, database ${databaseName}` : ` in ${dataDir}`}`)
    const session = await buildCorpus(database)
    const docsPerSecond = await timeRebuild(database)
    const mix = await measureEngine()
    let lag: TargetResult['lag']
    if (target === 'server') {
      app = await startApp(appEnv())
      lag = await measureLag(database.prisma, `the app's in-process worker (pid ${app.pid})`)
    } else {
      // Only one process can open the PGlite directory: the same worker runs here, then the app takes over.
      const worker = startSearchIndexing({ intervalMs: WORKER_INTERVAL_MS })
      lag = await measureLag(database.prisma, 'the in-process worker (startSearchIndexing, run in the benchmark process because PGlite allows one process)')
      await worker.stop()
      await database.close()
      database = undefined
      app = await startApp(appEnv())
    }
    const levels = await measureSearches(app, session.cookie, mix)
    const result: TargetResult = { target, posts, docsPerSecond, lag, levels }
    if (process.env.BENCH_RESULT_FILE) fs.writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(result))
  } finally {
    await app?.stop()
    await database?.close()
    if (target === 'server' && !keepDatabase) await dropServerDatabase(serverUrl, databaseName)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
