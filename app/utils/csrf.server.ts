import { randomBytes } from 'node:crypto'
import { readCookie, serializeCookie } from './cookies.server.ts'
import { env } from './env.server.ts'
import { forbidden } from './errors.server.ts'
import { refuseNulInForm } from './nul-character.server.ts'
import { safeEqual } from './signing.server.ts'

/**
 * CSRF protection for every mutation: a random token in an HttpOnly SameSite cookie that
 * every form repeats in a hidden field (double submit), plus an Origin check. A honeypot
 * field catches naive bots. `requireValidMutation` is the one call every action makes.
 */
export const CSRF_COOKIE = 'samverka_csrf'
export const CSRF_FIELD = 'csrf'
export const HONEYPOT_FIELD = 'website'

export const CSRF_REJECTED_MESSAGE = 'Formuläret kunde inte skickas av säkerhetsskäl. Ladda om sidan och försök igen.'

/** The token for this visitor, and the Set-Cookie header when it is new. */
export function getCsrfToken(request: Request): { token: string; setCookie: string | null } {
  const existing = readCookie(request, CSRF_COOKIE)
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return { token: existing, setCookie: null }
  const token = randomBytes(32).toString('base64url')
  return { token, setCookie: serializeCookie(request, CSRF_COOKIE, token) }
}

/** True when a browser says the request comes from another site (Origin header). */
export function isForeignOrigin(origin: string | null, ownHosts: string[]): boolean {
  if (!origin) return false
  if (origin === 'null') return true
  try {
    return !ownHosts.includes(new URL(origin).host)
  } catch {
    return true
  }
}

type RequestHosts = { host: string | null | undefined; forwardedHost: string | null | undefined }

/**
 * The hosts a form of this site is posted from: the configured public address, the Host the
 * request came to, and X-Forwarded-Host only when a proxy we trust sets it (TRUST_PROXY).
 */
export function ownHosts(request: RequestHosts, config: { trustProxy: boolean; appUrl?: string }): string[] {
  const hosts = [request.host]
  if (config.trustProxy) hosts.push(request.forwardedHost?.split(',')[0]?.trim())
  if (config.appUrl) hosts.push(new URL(config.appUrl).host)
  return hosts.filter((host): host is string => Boolean(host))
}

/** The Origin check of every mutation (the HTTP server's and the actions'). */
export function hasForeignOrigin(origin: string | null | undefined, request: RequestHosts): boolean {
  const { TRUST_PROXY, APP_URL } = env()
  return isForeignOrigin(origin ?? null, ownHosts(request, { trustProxy: TRUST_PROXY, appUrl: APP_URL }))
}

function requestHosts(request: Request): RequestHosts {
  return { host: request.headers.get('Host') ?? new URL(request.url).host, forwardedHost: request.headers.get('X-Forwarded-Host') }
}

export function validateCsrf(request: Request, formData: FormData) {
  const cookieToken = readCookie(request, CSRF_COOKIE)
  const formToken = formData.get(CSRF_FIELD)
  if (
    hasForeignOrigin(request.headers.get('Origin'), requestHosts(request)) ||
    !cookieToken ||
    typeof formToken !== 'string' ||
    !safeEqual(cookieToken, formToken)
  ) {
    throw forbidden(CSRF_REJECTED_MESSAGE)
  }
}

export function checkHoneypot(formData: FormData) {
  const value = formData.get(HONEYPOT_FIELD)
  if (typeof value === 'string' && value.length > 0) throw forbidden('Formuläret avvisades.')
}

/** Reads the form and checks CSRF token, Origin, honeypot and that no field holds a NUL. Call first in every action. */
export async function requireValidMutation(request: Request, { maxBytes = MAX_FORM_BYTES } = {}): Promise<FormData> {
  const formData = await readFormData(request, maxBytes)
  validateCsrf(request, formData)
  checkHoneypot(formData)
  refuseNulInForm(formData)
  return formData
}

const MAX_FORM_BYTES = 256 * 1024

async function readFormData(request: Request, maxBytes: number): Promise<FormData> {
  const length = Number(request.headers.get('Content-Length') ?? '0')
  if (length > maxBytes) {
    throw new Response('Formuläret är för stort.', { status: 413 })
  }
  try {
    return await request.formData()
  } catch {
    throw new Response('Formuläret kunde inte läsas.', { status: 400 })
  }
}
