import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { encodeCursor } from '#app/utils/cursor.ts'
import { recreateServerDatabase, signIn, startApp } from './bench/app-server.ts'
import { loadMembers, loadPosts } from './bench/corpus.ts'
import { ms, summarise } from './bench/stats.ts'

/**
 * `npm run bench:pages`: signed-in page latency against a PostgreSQL server
 * (BENCH_SERVER_URL; the `samverka_bench` database on it is recreated). Starts the built app
 * (which loads the registry), loads BENCH_MEMBERS members (default 50,000) and BENCH_POSTS
 * posts (default 100,000) of the benchmark corpus (app/cli/bench/corpus.ts), and prints
 * p50/p95 per page, including the feed 500 pages deep. Target (README): p50 ≤ 30 ms for a
 * signed-in page.
 */
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const databaseName = 'samverka_bench'
const members = Number(process.env.BENCH_MEMBERS ?? 50_000)
const posts = Number(process.env.BENCH_POSTS ?? 100_000)
const requests = Number(process.env.BENCH_REQUESTS ?? 200)

async function loadCorpus(databaseUrl: string) {
  const client = new pg.Client(databaseUrl)
  await client.connect()
  try {
    await loadMembers(client, members)
    await loadPosts(client, { posts, members })
    const session = await signIn(client, 'anna.svensson@malmo.example')
    const { rows } = await client.query<{ slug: string }>(`SELECT o.slug FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE u.id = $1`, [
      session.userId,
    ])
    await client.query('ANALYZE')
    return { ...session, organisationSlug: rows[0]?.slug ?? '' }
  } finally {
    await client.end()
  }
}

async function deepFeedCursor(databaseUrl: string, offset: number) {
  const client = new pg.Client(databaseUrl)
  await client.connect()
  const { rows } = await client.query<{ id: string; activityAt: Date }>(
    `SELECT id, "activityAt" FROM "Post" WHERE status = 'visible' ORDER BY "activityAt" DESC, id DESC OFFSET $1 LIMIT 1`,
    [offset],
  )
  await client.end()
  const row = rows[0]
  if (!row) throw new Error('not enough posts for a deep page')
  return encodeCursor({ activityAt: row.activityAt.toISOString(), id: row.id })
}

async function measure(url: string, cookie: string) {
  const timings: number[] = []
  for (let i = 0; i < requests; i++) {
    const started = performance.now()
    const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    timings.push(performance.now() - started)
  }
  return summarise(timings)
}

const databaseUrl = await recreateServerDatabase(serverUrl, databaseName)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-pages-'))
const app = await startApp({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SEED_DEMO: 'true' })
try {
  const { cookie, userId, organisationSlug } = await loadCorpus(databaseUrl)
  console.info(`${members} members, ${posts} posts, ${requests} sequential requests per page`)
  // The cursor of page 500 of the feed (20 per page), as the "Äldre inlägg" link would carry it.
  const deep = await deepFeedCursor(databaseUrl, 500 * 20)
  for (const page of [
    '/',
    `/?efter=${deep}`,
    '/fragor?visa=obesvarade',
    '/taggar/upphandling',
    '/organisationer',
    `/organisationer/${organisationSlug}`,
    `/medlemmar/${userId}`,
    '/installningar/inloggningar',
  ]) {
    const result = await measure(`${app.url}${page}`, cookie)
    const label = page.startsWith('/?efter=') ? '/ (feed page 501)' : page
    console.info(`${label.padEnd(40)} p50 ${ms(result.p50)} ms   p95 ${ms(result.p95)} ms`)
  }
} finally {
  await app.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
