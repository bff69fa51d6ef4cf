import { redirect } from '@remix-run/node'
import { signInCodeEmail } from '#app/emails/sign-in-code.server.ts'
import { createSession } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { parseEmail, isFreeMailDomain } from '#app/utils/email-domain.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { absoluteUrl } from '#app/utils/env.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import {
  CODE_MAX_ATTEMPTS,
  CODE_TTL_MINUTES,
  type CodeCheck,
  codeMatches,
  codeRefusal,
  generateCode,
  generateLinkToken,
  hashCode,
  hashLinkToken,
} from '#app/utils/one-time-code.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { clearPendingSignIn, writeVerifiedEmail } from '#app/utils/sign-in-state.server.ts'
import { stockholmDate } from '#app/utils/stockholm-date.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { endExpiredSuspensions } from './member-moderation.server.ts'

/**
 * Password-less sign-in: a 6-digit code and a link by e-mail. Asking again invalidates the
 * previous code. The same flow signs up newcomers (see sign-up.server.ts).
 */
export type RequestCodeResult = { ok: true; email: string } | { ok: false; error: 'invalid-email' | 'free-mail' }

export const SIGN_IN_ERRORS = {
  'invalid-email': 'Det där ser inte ut som en e-postadress. Skriv hela adressen, till exempel anna.svensson@malmo.se.',
  'free-mail': 'Samverka är bara för anställda i offentlig sektor. Använd e-postadressen du har i jobbet, inte en privat adress (Gmail, Hotmail, Outlook …).',
} as const

export async function requestSignInCode(input: { email: string; redirectTo?: string }): Promise<RequestCodeResult> {
  const parsed = parseEmail(input.email)
  if (!parsed) return { ok: false, error: 'invalid-email' }
  if (isFreeMailDomain(parsed.domain)) return { ok: false, error: 'free-mail' }
  await enforceRateLimit('sign-in-email', parsed.email)

  const code = generateCode()
  const linkToken = generateLinkToken()
  const now = new Date()
  await prisma.$transaction(async (tx) => {
    // A new code replaces any earlier one for the address.
    await tx.signInCode.updateMany({
      where: { email: parsed.email, consumedAt: null },
      data: { consumedAt: now },
    })
    const row = await tx.signInCode.create({
      data: {
        email: parsed.email,
        codeHash: 'pending',
        linkTokenHash: hashLinkToken(linkToken),
        expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
      },
      select: { id: true },
    })
    await tx.signInCode.update({ where: { id: row.id }, data: { codeHash: hashCode(row.id, code) } })
  })

  const link = new URL(absoluteUrl('/logga-in/lank'))
  link.searchParams.set('token', linkToken)
  if (input.redirectTo) link.searchParams.set('redirectTo', input.redirectTo)
  await sendEmail(signInCodeEmail(parsed.email, code, link.toString(), CODE_TTL_MINUTES))
  return { ok: true, email: parsed.email }
}

export type VerifyResult = { ok: true; email: string } | { ok: false; error: Exclude<CodeCheck, 'ok'> | 'missing' }

export const VERIFY_ERRORS: Record<Exclude<VerifyResult, { ok: true }>['error'], string> = {
  wrong: 'Koden stämmer inte. Kontrollera siffrorna och försök igen.',
  expired: 'Koden har gått ut. Be om en ny kod.',
  used: 'Koden eller länken har redan använts. Be om en ny kod.',
  'too-many-attempts': 'För många felaktiga försök. Be om en ny kod.',
  missing: 'Det finns ingen giltig kod för adressen. Be om en ny kod.',
}

const codeSelect = { id: true, email: true, codeHash: true, attempts: true, expiresAt: true, consumedAt: true } as const

/**
 * Checks a typed code for the address. Every entry is counted before the code is compared,
 * in one conditional UPDATE, so however many guesses arrive at once at most
 * CODE_MAX_ATTEMPTS of them are ever compared.
 */
export async function verifySignInCode(email: string, code: string): Promise<VerifyResult> {
  const stored = await prisma.signInCode.findFirst({
    where: { email },
    orderBy: { createdAt: 'desc' },
    select: codeSelect,
  })
  if (!stored) return { ok: false, error: 'missing' }
  const now = new Date()
  const counted = await prisma.signInCode.updateMany({
    where: { id: stored.id, consumedAt: null, expiresAt: { gt: now }, attempts: { lt: CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  })
  if (counted.count === 0) {
    const current = await prisma.signInCode.findUnique({ where: { id: stored.id }, select: codeSelect })
    return { ok: false, error: (current && codeRefusal(current, now)) ?? 'too-many-attempts' }
  }
  if (!codeMatches(stored, code)) return { ok: false, error: 'wrong' }
  return consume(stored.id, stored.email)
}

/** Checks a sign-in link's token; the link is single-use like the code. */
export async function verifySignInLink(token: string): Promise<VerifyResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, error: 'missing' }
  const stored = await prisma.signInCode.findUnique({
    where: { linkTokenHash: hashLinkToken(token) },
    select: codeSelect,
  })
  if (!stored) return { ok: false, error: 'missing' }
  if (stored.consumedAt) return { ok: false, error: 'used' }
  if (stored.expiresAt.getTime() <= Date.now()) return { ok: false, error: 'expired' }
  return consume(stored.id, stored.email)
}

/** Marks the code used; only one of two simultaneous requests wins. */
async function consume(id: string, email: string): Promise<VerifyResult> {
  const { count } = await prisma.signInCode.updateMany({
    where: { id, consumedAt: null },
    data: { consumedAt: new Date() },
  })
  return count === 1 ? { ok: true, email } : { ok: false, error: 'used' }
}

/**
 * After a correct code or link: existing members get a session; suspended or rejected ones
 * are turned away; newcomers continue to the profile step with a verified-address cookie.
 */
export async function finishSignIn(request: Request, email: string, redirectTo: string | undefined): Promise<Response> {
  const headers = new Headers({ 'Set-Cookie': clearPendingSignIn(request) })
  const select = { id: true, status: true, suspendedUntil: true } as const
  let user = await prisma.user.findUnique({ where: { email }, select })
  if (user?.status === 'suspended' && user.suspendedUntil && user.suspendedUntil <= new Date()) {
    // A suspension whose last day is over lifts itself here, before the hourly maintenance does.
    await endExpiredSuspensions(new Date(), { userId: user.id })
    user = await prisma.user.findUnique({ where: { email }, select })
  }
  if (user?.status === 'suspended' || user?.status === 'rejected') {
    return redirectWithFlash(request, '/logga-in', { message: refusal(user.status, user.suspendedUntil), tone: 'notice' }, { headers })
  }
  if (!user) {
    headers.append('Set-Cookie', writeVerifiedEmail(request, email, redirectTo))
    return redirect('/valkommen', { headers })
  }
  headers.append('Set-Cookie', await createSession(request, user.id))
  return redirect(user.status === 'active' ? safeRedirect(redirectTo) : '/vantar', { headers })
}

/** Why a suspended or rejected member cannot sign in; a suspension for a period names its last day. */
function refusal(status: 'suspended' | 'rejected', suspendedUntil: Date | null) {
  if (status === 'rejected') return 'Din ansökan om konto har avslagits. Kontakta moderatorerna om du har frågor.'
  if (!suspendedUntil) return 'Ditt konto är avstängt tills vidare och du kan inte logga in. Kontakta moderatorerna om du har frågor.'
  const lastDay = formatDate(stockholmDate(new Date(suspendedUntil.getTime() - 1)))
  return `Ditt konto är avstängt till och med ${lastDay} och du kan inte logga in förrän dagen efter. Kontakta moderatorerna om du har frågor.`
}

export async function pruneSignInCodes(now = new Date()) {
  await prisma.signInCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } })
}
