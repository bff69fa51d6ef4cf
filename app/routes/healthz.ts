import { prisma } from '#app/utils/db.server.ts'

/** For load balancers: 200 when the database answers, 503 otherwise. Public, reveals nothing. */
export async function loader() {
  try {
    await prisma.$queryRaw`SELECT 1`
    return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
  } catch (error) {
    console.error(`Health check failed: ${error instanceof Error ? error.message : String(error)}`)
    return new Response('database unavailable', { status: 503, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
  }
}
