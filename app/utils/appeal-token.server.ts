import { z } from 'zod'
import { absoluteUrl } from './env.server.ts'
import { signExpiring, unsignExpiring } from './signing.server.ts'

/**
 * The token in a decision e-mail's "Överklaga beslutet" link: the member, the decision (its
 * audit row) and an expiry, signed with the app secret. A suspended member cannot sign in,
 * so the token is what lets them appeal; it names one decision of one member only.
 */
const PURPOSE = 'appeal'
export const APPEAL_TOKEN_DAYS = 30

const payloadSchema = z.object({ u: z.string().min(1).max(64), a: z.string().min(1).max(64) })

export function createAppealToken(input: { userId: string; auditLogId: string }, now = new Date()): string {
  return signExpiring({ u: input.userId, a: input.auditLogId }, PURPOSE, APPEAL_TOKEN_DAYS, now)
}

export type AppealTokenResult = { status: 'valid'; userId: string } | { status: 'expired' } | { status: 'invalid' }

/** Valid only for the decision it was made for. */
export function readAppealToken(token: string, auditLogId: string, now = new Date()): AppealTokenResult {
  const result = unsignExpiring(token, PURPOSE, payloadSchema, now)
  if (result.status !== 'valid') return result
  return result.data.a === auditLogId ? { status: 'valid', userId: result.data.u } : { status: 'invalid' }
}

/** The e-mail's link: works without signing in. */
export function appealUrl(input: { userId: string; auditLogId: string }): string {
  const url = new URL(absoluteUrl(`/overklaga/${input.auditLogId}`))
  url.searchParams.set('token', createAppealToken(input))
  return url.toString()
}
