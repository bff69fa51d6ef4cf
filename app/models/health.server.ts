import { prisma } from '#app/utils/db.server.ts'

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`
    return true
  } catch (error) {
    console.error(`Health check failed: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}
