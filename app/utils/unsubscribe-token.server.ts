import { z } from 'zod'
import { signExpiring, unsignExpiring } from './signing.server.ts'

/**
 * The token in an unsubscribe link and List-Unsubscribe header (the digest's, and the
 * notification e-mails' with the kinds the message was about): the member's id, what to stop
 * and an expiry, signed with the app secret for that list. It is the only authority the
 * unsubscribe pages need (no sign-in, no CSRF token: a forged or expired token changes
 * nothing). GET only shows a page, because mail scanners follow links; a POST acts, and one
 * with the body `List-Unsubscribe=One-Click` is a mail client's one-click unsubscribe (RFC 8058).
 */
const PURPOSES = { digest: 'digest-unsubscribe', notifications: 'notification-unsubscribe' } as const
export type UnsubscribeList = keyof typeof PURPOSES
export const UNSUBSCRIBE_TOKEN_DAYS = 90

const payloadSchema = z.object({ u: z.string().min(1).max(64), k: z.array(z.string().max(32)).max(10).optional() })

/** `kinds`: for the notifications list, the kinds to turn off. */
export function createUnsubscribeToken(
  userId: string,
  now = new Date(),
  { list = 'digest', kinds }: { list?: UnsubscribeList; kinds?: readonly string[] } = {},
): string {
  return signExpiring({ u: userId, ...(kinds ? { k: [...kinds] } : {}) }, PURPOSES[list], UNSUBSCRIBE_TOKEN_DAYS, now)
}

export type UnsubscribeTokenResult = { status: 'valid'; userId: string; kinds: string[] } | { status: 'expired' } | { status: 'invalid' }

export function readUnsubscribeToken(token: string | null | undefined, now = new Date(), list: UnsubscribeList = 'digest'): UnsubscribeTokenResult {
  const result = unsignExpiring(token, PURPOSES[list], payloadSchema, now)
  return result.status === 'valid' ? { status: 'valid', userId: result.data.u, kinds: result.data.k ?? [] } : result
}

/** The unsubscribe pages carry the token in their URL: never sent on as a Referer, never cached. */
export const UNSUBSCRIBE_PAGE_HEADERS = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' } as const

export type UnsubscribeLink = { ok: true; userId: string; kinds: string[] } | { ok: false; status: 400 | 410; message: string }

/** A token that names nobody (forged, or the member is gone). */
export const INVALID_UNSUBSCRIBE_LINK = {
  ok: false,
  status: 400,
  message: 'Länken fungerar inte. Kontrollera att du har kopierat hela länken från e-postbrevet.',
} as const satisfies UnsubscribeLink

/** The token of an unsubscribe page's request (`?token=`), or the Swedish problem and status to answer with. */
export function readUnsubscribeLink(request: Request, list: UnsubscribeList, { settingsHint }: { settingsHint: string }): UnsubscribeLink {
  const result = readUnsubscribeToken(new URL(request.url).searchParams.get('token'), new Date(), list)
  if (result.status === 'valid') return { ok: true, userId: result.userId, kinds: result.kinds }
  return result.status === 'expired'
    ? { ok: false, status: 410, message: `Länken har slutat gälla. Logga in och ${settingsHint} under Inställningar, eller använd länken i ett nyare brev.` }
    : INVALID_UNSUBSCRIBE_LINK
}

/** A mail client's one-click unsubscribe (RFC 8058): the POST body `List-Unsubscribe=One-Click`. */
export const isOneClickUnsubscribe = (formData: FormData) => formData.get('List-Unsubscribe') === 'One-Click'
