import { isDatabaseReachable } from '#app/models/health.server.ts'

/** For load balancers: 200 when the database answers, 503 otherwise. Public, reveals nothing. */
export async function loader() {
  const healthy = await isDatabaseReachable()
  return new Response(healthy ? 'ok' : 'database unavailable', {
    status: healthy ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
