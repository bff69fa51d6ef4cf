import { z } from 'zod'
import { signExpiring, unsignExpiring } from './signing.server.ts'

/**
 * The token in a digest's unsubscribe link and List-Unsubscribe header: the member's id and
 * an expiry, signed with the app secret. It is the only authority the unsubscribe page
 * needs (no sign-in, no CSRF token: a forged or expired token changes nothing).
 */
const PURPOSE = 'digest-unsubscribe'
export const UNSUBSCRIBE_TOKEN_DAYS = 90

const payloadSchema = z.object({ u: z.string().min(1).max(64) })

export function createUnsubscribeToken(userId: string, now = new Date()): string {
  return signExpiring({ u: userId }, PURPOSE, UNSUBSCRIBE_TOKEN_DAYS, now)
}

export type UnsubscribeTokenResult = { status: 'valid'; userId: string } | { status: 'expired' } | { status: 'invalid' }

export function readUnsubscribeToken(token: string | null | undefined, now = new Date()): UnsubscribeTokenResult {
  const result = unsignExpiring(token, PURPOSE, payloadSchema, now)
  return result.status === 'valid' ? { status: 'valid', userId: result.data.u } : result
}
