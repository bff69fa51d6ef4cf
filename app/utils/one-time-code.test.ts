import { describe, expect, test } from 'vitest'
import { CODE_MAX_ATTEMPTS, type StoredCode, checkCode, generateCode, generateLinkToken, hashCode } from './one-time-code.server.ts'

process.env.SESSION_SECRET ??= 'unit-test-secret-unit-test-secret-0000'

function stored(overrides: Partial<StoredCode> = {}): StoredCode {
  return {
    id: 'code-1',
    codeHash: hashCode('code-1', '042517'),
    attempts: 0,
    expiresAt: new Date('2026-11-23T08:10:00Z'),
    consumedAt: null,
    ...overrides,
  }
}
const now = new Date('2026-11-23T08:05:00Z')

describe('one-time codes', () => {
  test('codes are six digits, leading zeros kept, and vary', () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode))
    for (const code of codes) expect(code).toMatch(/^\d{6}$/)
    expect(codes.size).toBeGreaterThan(190)
  })

  test('the right code is accepted, also typed with a space', () => {
    expect(checkCode(stored(), '042517', now)).toBe('ok')
    expect(checkCode(stored(), '042 517', now)).toBe('ok')
  })

  test('a wrong code is refused', () => {
    expect(checkCode(stored(), '042518', now)).toBe('wrong')
    expect(checkCode(stored(), '', now)).toBe('wrong')
  })

  test('the hash is bound to the code row: the same digits elsewhere do not match', () => {
    expect(checkCode(stored({ id: 'code-2' }), '042517', now)).toBe('wrong')
  })

  test('an expired code is refused even when right', () => {
    expect(checkCode(stored(), '042517', new Date('2026-11-23T08:10:00Z'))).toBe('expired')
  })

  test('a used code cannot be used again', () => {
    expect(checkCode(stored({ consumedAt: now }), '042517', now)).toBe('used')
  })

  test(`after ${CODE_MAX_ATTEMPTS} attempts even the right code is refused`, () => {
    expect(checkCode(stored({ attempts: CODE_MAX_ATTEMPTS }), '042517', now)).toBe('too-many-attempts')
  })

  test('link tokens are long and unguessable', () => {
    expect(generateLinkToken()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(generateLinkToken()).not.toBe(generateLinkToken())
  })
})
