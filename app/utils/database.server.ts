import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { startEmbeddedPostgres } from './embedded-postgres.server.ts'
import { env } from './env.server.ts'
import { applyMigrations } from './migrate.server.ts'

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

declare global {
  var __samverkaDatabase: Database | undefined
}

type OpenOptions = { migrate?: boolean }

export async function openDatabase({ migrate = false }: OpenOptions = {}): Promise<Database> {
  if (globalThis.__samverkaDatabase) return globalThis.__samverkaDatabase
  const { DATABASE_URL, DATABASE_POOL_MAX, DATA_DIR } = env()
  const embedded = DATABASE_URL ? null : await startEmbeddedPostgres(DATA_DIR)
  const connectionString = embedded?.connectionString ?? (DATABASE_URL as string)
  // Embedded PGlite has one session: the pool must hold exactly one connection, kept open.
  const pool = new pg.Pool(
    embedded
      ? { connectionString, max: 1, idleTimeoutMillis: 0 }
      : { connectionString, max: DATABASE_POOL_MAX },
  )
  // An idle connection that the server closes (restart, failover) must not crash the process.
  pool.on('error', (error) => console.warn(`Database connection lost: ${error.message}`))
  try {
    if (migrate) {
      const client = await pool.connect()
      try {
        await applyMigrations(client)
      } finally {
        client.release()
      }
    }
  } catch (error) {
    await pool.end()
    await embedded?.close()
    throw error
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
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
