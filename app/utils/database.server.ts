import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { startEmbeddedPostgres } from './embedded-postgres.server.ts'
import { env } from './env.server.ts'
import { applyMigrations } from './migrate.server.ts'
import { createPool, type PoolTimeouts } from './database-pool.server.ts'

/**
 * Opening and closing the process's database. Entry points (the server, CLIs, the test
 * setup) import this; everything else imports `prisma` from db.server.ts.
 *
 * The one database handle of the process. An entry point (the server, a CLI, the test
 * setup) calls `openDatabase()` before importing modules that use `prisma`; the handle
 * lives on globalThis so the Remix server build and the entry share it.
 */
export type Database = {
  prisma: PrismaClient
  pool: pg.Pool
  embedded: boolean
  close(): Promise<void>
}

const SLOW_QUERY_MS = 50

/**
 * A query or a transaction may take 30 s. With a pool of several connections a request waits
 * at most 10 s for one before it is refused. With one connection (embedded PGlite, which has
 * one session) every query and transaction waits its turn for it, so a burst of writes
 * queues, up to a minute, instead of failing (P2028).
 */
const POOLED_TIMEOUTS: PoolTimeouts = { queryMs: 30_000, acquireMs: 10_000 }
const SINGLE_CONNECTION_TIMEOUTS: PoolTimeouts = { queryMs: 30_000, acquireMs: 60_000 }

async function withConnection(connectionString: string, task: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString })
  client.on('error', (error) => console.warn(`Database connection lost: ${error.message}`))
  await client.connect()
  try {
    await task(client)
  } finally {
    await client.end()
  }
}

declare global {
  var __samverkaDatabase: Database | undefined
}

type OpenOptions = { migrate?: boolean }

export async function openDatabase({ migrate = false }: OpenOptions = {}): Promise<Database> {
  if (globalThis.__samverkaDatabase) return globalThis.__samverkaDatabase
  const { DATABASE_URL, DATABASE_POOL_MAX, DATA_DIR } = env()
  const embedded = DATABASE_URL ? null : await startEmbeddedPostgres(DATA_DIR)
  const connectionString = embedded?.connectionString ?? (DATABASE_URL as string)
  try {
    // Migrations get their own connection, without the app's query timeout (an index build may take long).
    if (migrate) await withConnection(connectionString, applyMigrations)
  } catch (error) {
    await embedded?.close()
    throw error
  }
  const max = embedded ? 1 : DATABASE_POOL_MAX
  const timeouts = max === 1 ? SINGLE_CONNECTION_TIMEOUTS : POOLED_TIMEOUTS
  const pool = createPool(connectionString, { max, embedded: Boolean(embedded), timeouts })
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: timeouts.acquireMs, timeout: timeouts.queryMs },
    log: [{ level: 'query', emit: 'event' }],
  })
  prisma.$on('query', (event) => {
    if (event.duration >= SLOW_QUERY_MS) {
      console.warn(`Slow query (${event.duration} ms): ${event.query.replace(/\s+/g, ' ').slice(0, 300)}`)
    }
  })
  const database: Database = {
    prisma,
    pool,
    embedded: Boolean(embedded),
    async close() {
      globalThis.__samverkaDatabase = undefined
      await prisma.$disconnect()
      await pool.end()
      await embedded?.close()
    },
  }
  globalThis.__samverkaDatabase = database
  return database
}

export function getDatabase(): Database {
  const database = globalThis.__samverkaDatabase
  if (!database) throw new Error('The database is not open: call openDatabase() in the entry point first')
  return database
}
