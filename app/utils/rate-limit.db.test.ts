import '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import { RATE_LIMITS, hitRateLimit, pruneRateLimits } from './rate-limit.server.ts'
import { prisma } from './db.server.ts'

describe('rate limits in PostgreSQL', () => {
  test('allows up to the limit per e-mail address, then refuses until the window ends', async () => {
    const { max, windowSeconds } = RATE_LIMITS['sign-in-email']
    const start = new Date('2026-11-23T08:00:00Z')
    for (let i = 0; i < max; i++) {
      expect((await hitRateLimit('sign-in-email', 'anna@malmo.se', start)).allowed).toBe(true)
    }
    const refused = await hitRateLimit('sign-in-email', 'anna@malmo.se', start)
    expect(refused.allowed).toBe(false)
    expect(refused.retryAfterSeconds).toBe(windowSeconds)

    // Another address from the same place is not affected.
    expect((await hitRateLimit('sign-in-email', 'bo@malmo.se', start)).allowed).toBe(true)

    const nextWindow = new Date(start.getTime() + windowSeconds * 1000)
    expect((await hitRateLimit('sign-in-email', 'anna@malmo.se', nextWindow)).allowed).toBe(true)
  })

  test('a whole municipality behind one proxy can sign in: the per-IP limit is generous', async () => {
    const now = new Date('2026-11-23T09:00:00Z')
    const results = []
    for (let i = 0; i < 200; i++) results.push(await hitRateLimit('sign-in-ip', '10.1.2.3', now))
    expect(results.every((result) => result.allowed)).toBe(true)
  })

  test('concurrent hits are all counted', async () => {
    const now = new Date('2026-11-23T10:00:00Z')
    await Promise.all(Array.from({ length: 20 }, () => hitRateLimit('general', 'member-1', now)))
    const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: 'general:member-1' } })
    expect(row.count).toBe(20)
  })

  test('old windows are pruned', async () => {
    await hitRateLimit('general', 'member-old', new Date('2020-01-01T00:00:00Z'))
    await pruneRateLimits(new Date('2026-11-23T10:00:00Z'))
    expect(await prisma.rateLimit.findUnique({ where: { key: 'general:member-old' } })).toBeNull()
  })
})
