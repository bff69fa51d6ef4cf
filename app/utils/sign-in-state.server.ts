import { clearCookie, readCookie, serializeCookie } from './cookies.server.ts'
import { safeRedirect } from './redirect.ts'
import { sign, unsign } from './signing.server.ts'
import { isCalendarDate } from './stockholm-date.ts'
import { formatDate } from './swedish.ts'

/**
 * The short-lived, signed cookies that carry an address between the sign-in steps:
 * "waiting for the code" and "address verified, now complete your profile".
 */
const PENDING_COOKIE = 'samverka_sign_in'
const VERIFIED_COOKIE = 'samverka_verified'
const PENDING_TTL_SECONDS = 15 * 60
const VERIFIED_TTL_SECONDS = 30 * 60

type SignInState = { email: string; redirectTo: string; exp: number }

function write(request: Request, name: string, ttlSeconds: number, email: string, redirectTo: string | undefined) {
  const state: SignInState = { email, redirectTo: safeRedirect(redirectTo), exp: Date.now() + ttlSeconds * 1000 }
  return serializeCookie(request, name, sign(state, name), { maxAgeSeconds: ttlSeconds })
}

function read(request: Request, name: string): SignInState | null {
  const state = unsign<SignInState>(readCookie(request, name), name)
  return state && state.exp > Date.now() ? state : null
}

export const writePendingSignIn = (request: Request, email: string, redirectTo?: string) =>
  write(request, PENDING_COOKIE, PENDING_TTL_SECONDS, email, redirectTo)
export const readPendingSignIn = (request: Request) => read(request, PENDING_COOKIE)
export const clearPendingSignIn = (request: Request) => clearCookie(request, PENDING_COOKIE)
export const writeVerifiedEmail = (request: Request, email: string, redirectTo: string | undefined) =>
  write(request, VERIFIED_COOKIE, VERIFIED_TTL_SECONDS, email, redirectTo)
export const readVerifiedEmail = (request: Request) => read(request, VERIFIED_COOKIE)
export const clearVerifiedEmail = (request: Request) => clearCookie(request, VERIFIED_COOKIE)

export const SIGN_IN_NOTICES = {
  suspended: 'Ditt konto är avstängt tills vidare och du kan inte logga in. Kontakta moderatorerna om du har frågor.',
  rejected: 'Din ansökan om konto har avslagits. Kontakta moderatorerna om du har frågor.',
  'signed-out': 'Du är utloggad.',
} as const

/** The sign-in page's notice from its query: `meddelande`, and for a suspension for a period its last day (`till`). */
export function signInNotice(params: URLSearchParams): string | null {
  const notice = params.get('meddelande')
  const until = params.get('till')
  if (notice === 'suspended' && until && isCalendarDate(until)) {
    return `Ditt konto är avstängt till och med ${formatDate(until)} och du kan inte logga in förrän dagen efter. Kontakta moderatorerna om du har frågor.`
  }
  return notice && notice in SIGN_IN_NOTICES ? SIGN_IN_NOTICES[notice as keyof typeof SIGN_IN_NOTICES] : null
}
