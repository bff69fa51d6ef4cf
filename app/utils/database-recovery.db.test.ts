import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { expectConsoleError } from '#tests/console-errors.ts'
import { insertActor, insertOrganisation } from '#tests/factories.ts'
import { startTcpProxy } from '#tests/setup/tcp-proxy.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'

/**
 * The app survives its database going away and coming back. The app's pool reaches this
 * file's database through a TCP proxy, so the test can break every connection (on the
 * PostgreSQL server by terminating the backends, as an administrator or a failover does) or
 * make the database unreachable, then see that requests work again without a restart.
 */
const testDatabase = await createTestDatabase()
const proxy = await startTcpProxy(testDatabase.url)
const onPostgresServer = process.env.TEST_DB_ENGINE === 'postgres'
process.env.DATABASE_URL = proxy.url
process.env.DATABASE_POOL_MAX = onPostgresServer ? '6' : '1'
const { init } = await import('#app/utils/env.server.ts')
init()
const { openDatabase } = await import('#app/utils/database.server.ts')
const database = await openDatabase()
const { prisma, pool } = database
// Modules that use the app's Prisma client load once it is open.
const { askQuestion } = await import('#app/services/question.server.ts')
const { plainTextToDocument } = await import('#app/editor/document.ts')
const { loader: healthz } = await import('#app/routes/healthz.ts')

let organisationId: string
beforeAll(async () => {
  organisationId = (await insertOrganisation(prisma, { name: 'Nacka kommun' }, ['nacka.se'])).id
})
const writer = (email: string) => insertActor(prisma, { organisationId, email })

afterAll(async () => {
  await database.close()
  await proxy.close()
  await testDatabase.drop()
})

/** What an administrator or a failover does: every backend of this database ends. */
async function terminateConnections() {
  if (!onPostgresServer) return proxy.cut()
  const admin = new pg.Client(testDatabase.url)
  await admin.connect()
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
  } finally {
    await admin.end()
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(condition: () => boolean | Promise<boolean>) {
  while (!(await condition())) await sleep(100)
}

test('six writers keep writing through four rounds of broken connections; every acknowledged write is kept', { timeout: 240_000 }, async () => {
  const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => writer(`writer${i}@nacka.se`)))
  const acknowledged: string[] = []
  const refused: unknown[] = []
  let stop = false
  const loops = writers.map(async (writer, i) => {
    for (let n = 0; !stop; n++) {
      try {
        const { id } = await askQuestion(writer, { title: `Fråga ${n} från skribent ${i}`, body: plainTextToDocument('Hur gör ni?'), tags: ['drift'] })
        acknowledged.push(id)
      } catch (error) {
        refused.push(error)
      }
    }
  })
  for (let round = 0; round < 4; round++) {
    const before = acknowledged.length
    await until(() => acknowledged.length >= before + 6)
    await terminateConnections()
  }
  // Recovered: writes succeed again without a restart.
  const afterLastBreak = acknowledged.length
  await until(() => acknowledged.length >= afterLastBreak + 12)
  stop = true
  await Promise.all(loops)

  const kept = await prisma.post.count({ where: { id: { in: acknowledged } } })
  expect(kept).toBe(acknowledged.length)
  expect(pool.waitingCount).toBe(0)
  expect((await healthz()).status).toBe(200)
})

test('/healthz answers 503 while the database is unreachable and 200 once it is back; requests work again', { timeout: 240_000 }, async () => {
  expectConsoleError(/^Health check failed: /)
  const member = await writer('after.outage@nacka.se')
  proxy.blackhole()
  try {
    // The first check meets the broken connection, the second waits for one that never opens.
    for (const response of [await healthz(), await healthz()]) {
      expect(response.status).toBe(503)
      expect(await response.text()).toBe('database unavailable')
    }
  } finally {
    proxy.restore()
  }
  await until(async () => (await healthz()).status === 200)
  const { id } = await askQuestion(member, { title: 'Fråga efter avbrottet', body: plainTextToDocument('Fungerar det nu?'), tags: [] })
  expect(await prisma.post.count({ where: { id } })).toBe(1)
})

test('a burst of 250 writes at once: each waits its turn for a connection and none is refused', { timeout: 240_000 }, async () => {
  const member = await writer('burst@nacka.se')
  const results = await Promise.allSettled(
    Array.from({ length: 250 }, (_, n) =>
      askQuestion(member, { title: `Fråga ${n} i en skur`, body: plainTextToDocument('Samtidigt som alla andra.'), tags: ['skur'] }),
    ),
  )
  expect(results.filter((result) => result.status === 'rejected')).toEqual([])
  expect(await prisma.post.count({ where: { title: { endsWith: 'i en skur' } } })).toBe(250)
})
