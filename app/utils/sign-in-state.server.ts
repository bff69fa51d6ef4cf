import { clearCookie, readCookie, serializeCookie } from './cookies.server.ts'
import { safeRedirect } from './redirect.ts'
import { sign, unsign } from './signing.server.ts'

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
