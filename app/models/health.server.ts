import { prisma } from '#app/utils/db.server.ts'

/** A load balancer gives up on a health check after a few seconds: answer well before. */
export const HEALTH_CHECK_TIMEOUT_MS = 1500

/**
 * True when the database answers a trivial query within HEALTH_CHECK_TIMEOUT_MS. While the
 * database is unreachable the query waits for a connection that never comes: the check does
 * not wait with it.
 */
export async function isDatabaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), HEALTH_CHECK_TIMEOUT_MS)
  })
  try {
    const answer = await Promise.race([prisma.$queryRaw`SELECT 1`, timedOut])
    if (answer !== 'timed out') return true
    console.error(`Health check failed: no answer from the database within ${HEALTH_CHECK_TIMEOUT_MS} ms`)
    return false
  } catch (error) {
    console.error(`Health check failed: ${error instanceof Error ? error.message : String(error)}`)
    return false
  } finally {
    clearTimeout(timer)
  }
}
