import { z } from 'zod'
import { sign, unsign } from './signing.server.ts'

/**
 * The token in a digest's unsubscribe link and List-Unsubscribe header: the member's id and
 * an expiry, signed with the app secret. It is the only authority the unsubscribe page
 * needs (no sign-in, no CSRF token: a forged or expired token changes nothing).
 */
const PURPOSE = 'digest-unsubscribe'
export const UNSUBSCRIBE_TOKEN_DAYS = 90

const payloadSchema = z.object({ u: z.string().min(1).max(64), x: z.number().int() })

export function createUnsubscribeToken(userId: string, now = new Date()): string {
  return sign({ u: userId, x: Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TOKEN_DAYS * 24 * 60 * 60 }, PURPOSE)
}

export type UnsubscribeTokenResult = { status: 'valid'; userId: string } | { status: 'expired' } | { status: 'invalid' }

export function readUnsubscribeToken(token: string | null | undefined, now = new Date()): UnsubscribeTokenResult {
  const payload = payloadSchema.safeParse(unsign<unknown>(token?.slice(0, 500) ?? undefined, PURPOSE))
  if (!payload.success) return { status: 'invalid' }
  if (payload.data.x * 1000 < now.getTime()) return { status: 'expired' }
  return { status: 'valid', userId: payload.data.u }
}
