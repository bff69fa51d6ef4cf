import { type BackgroundLoop, startBackgroundLoop } from './background-loop.ts'

/**
 * Keeps the leases of claimed rows alive while a process works on them (a heartbeat), so a
 * lease can be short: a process that dies stops renewing, and its rows are free again within
 * one lease. Every `heartbeatMs` the claims still held are handed to `renew`, which extends
 * their leases in the database to now + `leaseMs` where they are still this process's claim
 * and answers which ones were. A claim `renew` did not answer for is lost (taken over, or
 * finished); a failing or hanging `renew` (the database is down) is reported to `onError`
 * and changes nothing, so the leases age as they would in the database.
 *
 * `isSafe` is the check before doing what the claim allows (sending a message): the claim is
 * still held and its lease, as last written, runs at least `marginMs` longer than now.
 * The heartbeat must then come well inside `leaseMs - marginMs`.
 */
export type LeaseKeeper<C extends { id: string }> = {
  /** Keeps these claims, whose leases were written until `until`. */
  hold(claims: readonly C[], until: Date): void
  /** Stops keeping a claim (finished or given up). */
  release(claim: C): void
  isSafe(claim: C): boolean
  /** Stops the heartbeat (waiting for one in progress). */
  stop(): Promise<void>
}

export type LeaseKeeperOptions<C extends { id: string }> = {
  leaseMs: number
  heartbeatMs: number
  marginMs: number
  clock: () => Date
  /** Extends the leases of these claims to `until` where they are still held; returns the ids it extended. */
  renew: (claims: C[], until: Date) => Promise<string[]>
  onError: (error: unknown) => void
}

export function startLeaseKeeper<C extends { id: string }>({ leaseMs, heartbeatMs, marginMs, clock, renew, onError }: LeaseKeeperOptions<C>): LeaseKeeper<C> {
  const held = new Map<string, { claim: C; until: number }>()

  const beat = async () => {
    if (held.size === 0) return
    const claims = [...held.values()].map((entry) => entry.claim)
    const until = clock().getTime() + leaseMs
    const renewed = new Set(await renew(claims, new Date(until)))
    for (const claim of claims) {
      const entry = held.get(claim.id)
      if (entry?.claim !== claim) continue
      if (renewed.has(claim.id)) entry.until = until
      else held.delete(claim.id)
    }
  }
  const heartbeat: BackgroundLoop = startBackgroundLoop(
    async () => {
      await beat()
      return heartbeatMs
    },
    (error) => {
      onError(error)
      return heartbeatMs
    },
  )

  return {
    hold(claims, until) {
      for (const claim of claims) held.set(claim.id, { claim, until: until.getTime() })
    },
    release(claim) {
      if (held.get(claim.id)?.claim === claim) held.delete(claim.id)
    },
    isSafe(claim) {
      const entry = held.get(claim.id)
      return entry?.claim === claim && entry.until - clock().getTime() >= marginMs
    },
    stop: () => heartbeat.stop(),
  }
}
