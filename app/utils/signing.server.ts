import { z, type ZodType } from 'zod'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { getSessionSecret } from './secret.server.ts'

/** HMAC-SHA256 of `value` with the app secret, hex. Used for codes, tokens and signed cookies. */
export function hmac(value: string, purpose: string): string {
  return createHmac('sha256', getSessionSecret()).update(`${purpose}\u0000${value}`).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** `payload.signature`: the payload is base64url JSON, readable but tamper-proof. */
export function sign<T>(data: T, purpose: string): string {
  const payload = Buffer.from(JSON.stringify(data)).toString('base64url')
  return `${payload}.${hmac(payload, purpose)}`
}

export function unsign<T>(token: string | undefined, purpose: string): T | null {
  if (!token) return null
  const dot = token.lastIndexOf('.')
  if (dot <= 0) return null
  const payload = token.slice(0, dot)
  if (!safeEqual(token.slice(dot + 1), hmac(payload, purpose))) return null
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T
  } catch {
    return null
  }
}

export type ExpiringTokenResult<T> = { status: 'valid'; data: T } | { status: 'expired' } | { status: 'invalid' }

/** A signed token that carries `data` and stops being valid `days` after `now` (links in e-mails). */
export function signExpiring<T extends object>(data: T, purpose: string, days: number, now = new Date()): string {
  return sign({ ...data, x: Math.floor(now.getTime() / 1000) + days * 24 * 60 * 60 }, purpose)
}

/** Reads a token of `signExpiring`: forged, tampered or malformed → invalid; past its day → expired. */
export function unsignExpiring<T>(token: string | null | undefined, purpose: string, schema: ZodType<T>, now = new Date()): ExpiringTokenResult<T> {
  const payload = unsign<unknown>(token?.slice(0, 500) || undefined, purpose)
  const expiry = z.object({ x: z.number().int() }).safeParse(payload)
  const data = schema.safeParse(payload)
  if (!expiry.success || !data.success) return { status: 'invalid' }
  if (expiry.data.x * 1000 < now.getTime()) return { status: 'expired' }
  return { status: 'valid', data: data.data }
}
