import { randomBytes, randomInt } from 'node:crypto'
import { hmac, safeEqual } from './signing.server.ts'

/**
 * One-time sign-in codes: 6 digits, stored only as an HMAC, valid for 10 minutes, at most
 * 5 attempts, single use. The sign-in link carries a separate 256-bit token.
 */
export const CODE_TTL_MINUTES = 10
export const CODE_MAX_ATTEMPTS = 5
export const CODE_LENGTH = 6

export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0')
}

export function generateLinkToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashCode(codeId: string, code: string): string {
  return hmac(`${codeId}:${code}`, 'sign-in-code')
}

export function hashLinkToken(token: string): string {
  return hmac(token, 'sign-in-link')
}

export type StoredCode = {
  id: string
  codeHash: string
  attempts: number
  expiresAt: Date
  consumedAt: Date | null
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'used' | 'too-many-attempts'

/** Why a stored code takes no more entries, or null while it does. */
export function codeRefusal(stored: Omit<StoredCode, 'codeHash'>, now = new Date()): Exclude<CodeCheck, 'ok' | 'wrong'> | null {
  if (stored.consumedAt) return 'used'
  if (stored.expiresAt.getTime() <= now.getTime()) return 'expired'
  if (stored.attempts >= CODE_MAX_ATTEMPTS) return 'too-many-attempts'
  return null
}

export function codeMatches(stored: Pick<StoredCode, 'id' | 'codeHash'>, code: string): boolean {
  return safeEqual(stored.codeHash, hashCode(stored.id, normalizeCodeInput(code)))
}

/** Decides a code entry; the caller records the attempt or consumes the code atomically. */
export function checkCode(stored: StoredCode, code: string, now = new Date()): CodeCheck {
  return codeRefusal(stored, now) ?? (codeMatches(stored, code) ? 'ok' : 'wrong')
}

/** People paste "123 456" or "123-456": keep the digits. */
export function normalizeCodeInput(input: string): string {
  return input.replace(/[\s-]/g, '')
}
