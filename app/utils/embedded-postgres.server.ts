import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/**
 * Embedded PostgreSQL: PGlite persisted in a directory, served over the wire protocol on a
 * loopback port so Prisma (adapter-pg) and `pg` talk to it as to a server.
 *
 * Only one process may open a PGlite data directory. The owner writes a lock file with its
 * pid; any other process that finds a live owner refuses with a clear message instead of
 * opening (and corrupting) the directory.
 */
export type EmbeddedPostgres = {
  connectionString: string
  close(): Promise<void>
}

type LockInfo = { pid: number; startedAt: string }

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}), ` +
        `probably the running app. Stop it first, or point DATABASE_URL at a PostgreSQL server.`,
    )
    this.name = 'EmbeddedDatabaseBusyError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function acquireLock(lockFile: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() }
      fs.writeFileSync(lockFile, JSON.stringify(info), { flag: 'wx' })
      return () => fs.rmSync(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readLock(lockFile)
      if (owner && isAlive(owner.pid)) {
        throw new EmbeddedDatabaseBusyError(dataDir, owner.pid)
      }
      // A stale lock left by a process that died: take it over.
      fs.rmSync(lockFile, { force: true })
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`)
}

function readLock(lockFile: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockInfo
  } catch {
    return null
  }
}

/**
 * The contrib extensions the migrations create (`pg_trgm`, `unaccent` for search). PGlite
 * bundles them separately: pass these wherever a PGlite instance is created.
 */
export const pgliteExtensions = { pg_trgm, unaccent }

/** Serves an already created PGlite instance on a free loopback port. */
export async function servePGlite(db: PGlite): Promise<{ connectionString: string; stop(): Promise<void> }> {
  // Every connection shares PGlite's single session, so the app's pool holds exactly one
  // (database.server.ts: max 1). The server still accepts two: when the pool discards a
  // connection after an error it reconnects while the old socket is still closing, and a
  // one-connection server would drop that reconnect ("Connection terminated unexpectedly").
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 })
  await server.start()
  return {
    connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  }
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const directory = path.resolve(dataDir, 'pglite')
  fs.mkdirSync(directory, { recursive: true })
  const releaseLock = acquireLock(path.resolve(dataDir, 'pglite.lock'), directory)
  try {
    const db = await PGlite.create({ dataDir: directory, extensions: pgliteExtensions })
    const served = await servePGlite(db)
    return {
      connectionString: served.connectionString,
      async close() {
        await served.stop()
        await db.close()
        releaseLock()
      },
    }
  } catch (error) {
    releaseLock()
    throw error
  }
}
