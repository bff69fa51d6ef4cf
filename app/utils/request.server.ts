import { env } from './env.server.ts'

/** The client's IP address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function getClientAddress(request: Request): string {
  if (env().TRUST_PROXY) {
    const forwarded = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return request.headers.get('X-Samverka-Client-Address') ?? 'unknown'
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === 'https:'
}
