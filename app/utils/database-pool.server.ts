import pg from 'pg'

/**
 * The connection pool, made to survive a database that goes away and comes back (a failover,
 * a restart, an administrator terminating backends, a network blip):
 *
 * - A checked-out connection whose socket breaks leaves the pool at once. Prisma's driver
 *   adapter returns a transaction's connection only after a successful COMMIT or ROLLBACK, so
 *   a connection broken inside a transaction was never returned: the pool filled with dead
 *   connections and every later request waited forever. And an 'error' event on a
 *   checked-out connection without a listener ended the process.
 * - Every query has a client-side timeout (a network that drops packets answers nothing, so
 *   the server's statement_timeout never fires) and the server cancels statements after the
 *   same time; waiting for a connection has a timeout too.
 */
export type PoolTimeouts = {
  /** Longest a query may run (client-side `query_timeout` and the server's `statement_timeout`). */
  queryMs: number
  /** Longest a caller waits for a connection: to connect, or for a free one under load. */
  acquireMs: number
}

export class RecoveringPool extends pg.Pool {
  connect(): Promise<pg.PoolClient>
  connect(callback: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void
  connect(callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void) {
    // pool.query() checks out with a callback and releases a failed connection itself.
    if (callback) return super.connect(callback)
    return super.connect().then(releaseWhenBroken)
  }
}

/** Gives the connection back to the pool, as broken, the moment its socket fails; later releases are no-ops. */
function releaseWhenBroken(client: pg.PoolClient): pg.PoolClient {
  const release = client.release
  let released = false
  const finish = (error?: Error | boolean) => {
    if (released) return
    released = true
    client.removeListener('error', onError)
    client.removeListener('end', onEnd)
    release(error)
  }
  const onError = (error: Error) => finish(error)
  const onEnd = () => finish(new Error('The database connection ended'))
  client.on('error', onError)
  client.on('end', onEnd)
  client.release = finish
  return client
}

export function createPool(connectionString: string, options: { max: number; embedded: boolean; timeouts: PoolTimeouts }): RecoveringPool {
  const { max, embedded, timeouts } = options
  const pool = new RecoveringPool({
    connectionString,
    max,
    // Embedded PGlite has one session: its one connection stays open.
    idleTimeoutMillis: embedded ? 0 : 10_000,
    connectionTimeoutMillis: timeouts.acquireMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
    // PGlite runs in this process and has no statement_timeout to speak of (one session, no cancel).
    ...(embedded ? {} : { statement_timeout: timeouts.queryMs }),
  })
  // An idle connection that the server closes must not crash the process; the pool drops it.
  pool.on('error', (error) => console.warn(`Database connection lost: ${error.message}`))
  return pool
}
