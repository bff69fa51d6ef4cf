import { describe, expect, test, vi } from 'vitest'
import { startLeaseKeeper } from './lease-keeper.ts'

const LEASE = 60_000
const MARGIN = 30_000

type Claim = { id: string; attempt: number }

/** A keeper on a clock the test moves, whose heartbeat comes every 5 ms and hands each renewal to `renew`. */
function keeperWith(renew: (claims: Claim[], until: Date) => Promise<string[]>) {
  const clock = Object.assign(() => new Date(1_000_000 + clock.moved), { moved: 0 })
  const errors: unknown[] = []
  const renewals: Array<{ ids: string[]; until: number }> = []
  const keeper = startLeaseKeeper<Claim>({
    leaseMs: LEASE,
    heartbeatMs: 5,
    marginMs: MARGIN,
    clock,
    renew: (claims, until) => {
      renewals.push({ ids: claims.map((claim) => claim.id), until: until.getTime() })
      return renew(claims, until)
    },
    onError: (error) => errors.push(error),
  })
  const leaseFromNow = () => new Date(clock().getTime() + LEASE)
  return { keeper, clock, errors, renewals, leaseFromNow }
}

const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 5 })

describe('keeping leases alive', () => {
  test('a claim is safe while its lease has more than the margin left; the heartbeat renews it on the current clock', async () => {
    const { keeper, clock, renewals, leaseFromNow } = keeperWith(async (claims) => claims.map((claim) => claim.id))
    try {
      const claim = { id: 'a', attempt: 1 }
      keeper.hold([claim], leaseFromNow())
      expect(keeper.isSafe(claim)).toBe(true)
      clock.moved = LEASE - MARGIN + 1
      renewals.length = 0
      await waitFor(() => expect(renewals.some((renewal) => renewal.until === clock().getTime() + LEASE)).toBe(true))
      await waitFor(() => expect(keeper.isSafe(claim)).toBe(true))
      // Another claim object with the same id (a later attempt) is not this one.
      expect(keeper.isSafe({ id: 'a', attempt: 2 })).toBe(false)
    } finally {
      await keeper.stop()
    }
  })

  test('a failing renewal is reported, never thrown; the claim becomes unsafe when its lease runs short', async () => {
    const { keeper, clock, errors, leaseFromNow } = keeperWith(() => Promise.reject(new Error('Connection terminated')))
    try {
      const claim = { id: 'a', attempt: 1 }
      keeper.hold([claim], leaseFromNow())
      await waitFor(() => expect(errors.length).toBeGreaterThan(1))
      expect(keeper.isSafe(claim)).toBe(true)
      clock.moved = LEASE - MARGIN + 1
      expect(keeper.isSafe(claim)).toBe(false)
    } finally {
      await keeper.stop()
    }
  })

  test('a claim the renewal did not extend (taken over) is lost; a released one is no longer renewed', async () => {
    const { keeper, renewals, leaseFromNow } = keeperWith(async (claims) => claims.filter((claim) => claim.id !== 'taken').map((claim) => claim.id))
    try {
      const kept = { id: 'kept', attempt: 1 }
      const taken = { id: 'taken', attempt: 1 }
      const done = { id: 'done', attempt: 1 }
      keeper.hold([kept, taken, done], leaseFromNow())
      keeper.release(done)
      await waitFor(() => expect(keeper.isSafe(taken)).toBe(false))
      expect(keeper.isSafe(kept)).toBe(true)
      expect(keeper.isSafe(done)).toBe(false)
      expect(renewals.every((renewal) => !renewal.ids.includes('done'))).toBe(true)
    } finally {
      await keeper.stop()
    }
  })
})
