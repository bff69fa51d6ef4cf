import path from 'node:path'
import { defineConfig } from 'prisma/config'

// The Prisma CLI needs DATABASE_URL to have a value even for commands that never
// connect (`generate`, `migrate diff`); without it `generate` tries to download an engine.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/samverka'

// Offline `migrate diff` still opens a connection at start-up: give it a throw-away
// in-memory PGlite instead of a real server (see README, Decisions).
const isOfflineDiff = process.argv.includes('diff')

async function throwAwayDatabaseUrl() {
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
  // The migrations create these extensions (search), so a shadow database needs them too.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent')
  const db = await PGlite.create({ extensions: { pg_trgm, unaccent } })
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 })
  await server.start()
  // Let the CLI exit when it is done: the throw-away server must not keep Node alive.
  ;(server as unknown as { server?: { unref(): void } }).server?.unref()
  const address = server.getServerConn()
  return `postgresql://postgres@${address}/postgres`
}

// The wasm schema engine leaves a long timer pending; unref long timers so CLI commands exit.
const originalSetTimeout = globalThis.setTimeout
globalThis.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args)
  if ((ms ?? 0) >= 5_000) (timer as unknown as NodeJS.Timeout).unref()
  return timer
}) as typeof setTimeout

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const { PrismaPg } = await import('@prisma/adapter-pg')
    const connectionString = isOfflineDiff ? await throwAwayDatabaseUrl() : (process.env.DATABASE_URL as string)
    return new PrismaPg({ connectionString, idleTimeoutMillis: 1000 })
  },
})
