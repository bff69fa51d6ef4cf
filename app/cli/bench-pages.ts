import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import { encodeCursor } from '#app/utils/cursor.ts'

/**
 * `npm run bench:pages`: signed-in page latency against a PostgreSQL server
 * (BENCH_SERVER_URL; the `samverka_bench` database on it is recreated). Loads the registry,
 * BENCH_MEMBERS members (default 50,000) and BENCH_POSTS posts (default 100,000) with tags,
 * starts the built app, and prints p50/p95 per page, including the feed 500 pages deep.
 * Target (README): p50 ≤ 30 ms for a signed-in page.
 */
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const databaseName = 'samverka_bench'
const members = Number(process.env.BENCH_MEMBERS ?? 50_000)
const posts = Number(process.env.BENCH_POSTS ?? 100_000)
const requests = Number(process.env.BENCH_REQUESTS ?? 200)
const port = Number(process.env.BENCH_PORT ?? 3900)
const root = path.resolve(import.meta.dirname, '../..')

async function recreateDatabase() {
  const admin = new pg.Client(serverUrl)
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${databaseName}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${databaseName}`
  return url.toString()
}

async function startApp(databaseUrl: string) {
  const child = spawn('npx', ['tsx', 'app/cli/start.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: 'true', NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex') },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Samverka is running')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`The app exited with code ${code}`)))
  })
  return child
}

async function loadMembers(databaseUrl: string) {
  const client = new pg.Client(databaseUrl)
  await client.connect()
  await client.query(`
    INSERT INTO "User" (id, email, name, "sortKey", title, status, role, "organisationId", "createdAt", "updatedAt")
    SELECT 'bench-' || n, 'bench' || n || '@bench.example', 'Medlem ' || n, 'medlem ' || lpad(n::text, 6, '0'), 'Handläggare',
           'active', 'member', (SELECT id FROM "Organisation" ORDER BY id OFFSET (n % 650) LIMIT 1), now() - (n || ' minutes')::interval, now()
    FROM generate_series(1, $1) AS n`, [members])
  await client.query(`
    INSERT INTO "Post" (id, type, title, body, "bodyHtml", "bodyText", "authorId", "organisationId", "activityAt", "createdAt", "updatedAt", "answerCount")
    SELECT 'bench-post-' || n, (ARRAY['question','project','artifact'])[1 + n % 3]::"PostType",
           'Inlägg nummer ' || n || ' om e-arkiv och upphandling', '{"type":"doc","content":[]}',
           '<p>Text</p>', 'Text om ' || n, 'bench-' || (1 + n % $2), (SELECT id FROM "Organisation" ORDER BY id OFFSET (n % 650) LIMIT 1),
           now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, now(), n % 4
    FROM generate_series(1, $1) AS n`, [posts, members])
  await client.query(`INSERT INTO "Tag" (id, name) SELECT 'bench-tag-' || n, 'tagg-' || n FROM generate_series(0, 49) AS n`)
  await client.query(`
    INSERT INTO "PostTag" ("postId", "tagId", "postActivityAt")
    SELECT id, 'bench-tag-' || (abs(hashtext(id)) % 50), "activityAt" FROM "Post" WHERE id LIKE 'bench-post-%'`)
  const sessionId = randomBytes(20).toString('hex')
  const { rows } = await client.query<{ id: string; slug: string }>(
    `SELECT u.id, o.slug FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE u.email = 'anna.svensson@malmo.example'`,
  )
  const anna = rows[0]
  if (!anna) throw new Error('demo member missing')
  await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '30 days')`, [sessionId, anna.id])
  await client.query('ANALYZE')
  await client.end()
  return { sessionId, userId: anna.id, organisationSlug: anna.slug }
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
  timings.sort((a, b) => a - b)
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]?.toFixed(1)
  return { p50: at(0.5), p95: at(0.95) }
}

const databaseUrl = await recreateDatabase()
const app = await startApp(databaseUrl)
try {
  const { sessionId, userId, organisationSlug } = await loadMembers(databaseUrl)
  const cookie = `samverka_session=${sessionId}`
  const base = `http://localhost:${port}`
  console.info(`${members} members, ${posts} posts, ${requests} sequential requests per page`)
  // The cursor of page 500 of the feed (20 per page), as the "Äldre inlägg" link would carry it.
  const deep = await deepFeedCursor(databaseUrl, 500 * 20)
  for (const page of [
    '/',
    `/?efter=${deep}`,
    '/fragor?visa=obesvarade',
    '/taggar/tagg-7',
    '/organisationer',
    `/organisationer/${organisationSlug}`,
    `/medlemmar/${userId}`,
    '/installningar/inloggningar',
  ]) {
    const result = await measure(`${base}${page}`, cookie)
    const label = page.startsWith('/?efter=') ? '/ (feed page 501)' : page
    console.info(`${label.padEnd(40)} p50 ${result.p50} ms   p95 ${result.p95} ms`)
  }
} finally {
  app.kill('SIGTERM')
}
