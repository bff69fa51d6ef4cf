/** Cookie attributes shared by every cookie the app sets. */
export function isSecureContext(request: Request): boolean {
  const url = new URL(request.url)
  // Browsers accept Secure cookies on http://localhost; elsewhere plain http would drop them.
  return url.protocol === 'https:' || url.hostname === 'localhost'
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('Cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      try {
        const value = decodeURIComponent(rest.join('='))
        // A NUL cannot be a session id or token (and PostgreSQL refuses it): no cookie.
        return value.includes('\u0000') ? undefined : value
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

type CookieOptions = { maxAgeSeconds?: number; expires?: Date }

export function serializeCookie(request: Request, name: string, value: string, options: CookieOptions = {}) {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax']
  if (isSecureContext(request)) parts.push('Secure')
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`)
  return parts.join('; ')
}

export function clearCookie(request: Request, name: string) {
  return serializeCookie(request, name, '', { maxAgeSeconds: 0 })
}
