import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'

/**
 * `npm run bench:pages`: signed-in page latency against a PostgreSQL server
 * (BENCH_DATABASE_URL, default the local server's `samverka_bench` database, recreated).
 * Loads the registry plus BENCH_MEMBERS members (default 50,000), starts the built app,
 * and prints p50/p95 per page. Target (README): p50 ≤ 30 ms for a signed-in page.
 */
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const databaseName = 'samverka_bench'
const members = Number(process.env.BENCH_MEMBERS ?? 50_000)
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
  console.info(`${members} members, ${requests} sequential requests per page`)
  for (const page of ['/', '/organisationer', `/organisationer/${organisationSlug}`, `/medlemmar/${userId}`, '/installningar/inloggningar']) {
    const result = await measure(`${base}${page}`, cookie)
    console.info(`${page.padEnd(40)} p50 ${result.p50} ms   p95 ${result.p95} ms`)
  }
} finally {
  app.kill('SIGTERM')
}
