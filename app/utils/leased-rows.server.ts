import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from './db.server.ts'

/**
 * Work queues kept as rows that senders claim with a lease (README, decision 012): the digest
 * deliveries and the e-mail outbox. Such a table has `id`, `status` (`pending` → `sending` →
 * done), `attempts`, `nextAttemptAt` and `leaseUntil`. Any number of senders may run at once:
 * a claim takes due rows with `FOR UPDATE SKIP LOCKED`, marks them `sending` with a lease and
 * attempts + 1 (the attempt fences later writes), and commits before anything is sent; a row
 * whose lease ran out (its sender died) is due again. `startLeaseKeeper` renews the leases of
 * the claims a sender holds through `renewLeasedRows`.
 */
export type LeasedTable = 'DigestDelivery' | 'EmailOutbox'

export type LeasedClaim = { id: string; attempts: number }

// Timestamps are stored as UTC without a zone; compare in UTC whatever the session's zone.
export const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`

// Identifiers come from the constant LeasedTable union and the callers' column lists, never from input.
const identifier = (name: string) => Prisma.raw(`"${name}"`)

/**
 * Claims up to `limit` due rows (pending and due, or sending with an expired lease) that also
 * match `where`, leased until `now + leaseMs`. `returning` names further text columns to read.
 */
export async function claimDueRows<K extends string = never>(
  table: LeasedTable,
  {
    now,
    leaseMs,
    limit,
    where = Prisma.sql`TRUE`,
    returning = [],
  }: { now: Date; leaseMs: number; limit: number; where?: Prisma.Sql; returning?: readonly K[] },
): Promise<Array<LeasedClaim & Record<K, string>>> {
  const extra = returning.map((column) => Prisma.sql`, row.${identifier(column)}`)
  const rows = await prisma.$queryRaw`
    UPDATE ${identifier(table)} AS row
    SET "status" = 'sending', "attempts" = row."attempts" + 1, "leaseUntil" = ${utc(new Date(now.getTime() + leaseMs))}
    FROM (
      SELECT "id" FROM ${identifier(table)}
      WHERE (${where})
        AND (("status" = 'pending' AND "nextAttemptAt" <= ${utc(now)}) OR ("status" = 'sending' AND "leaseUntil" < ${utc(now)}))
      ORDER BY "id"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS claimed
    WHERE row."id" = claimed."id"
    RETURNING row."id", row."attempts"${extra.length > 0 ? Prisma.join(extra, '') : Prisma.empty}`
  const schema = z.object({ id: z.string(), attempts: z.number().int(), ...Object.fromEntries(returning.map((column) => [column, z.string()])) })
  return z.array(schema).parse(rows) as Array<LeasedClaim & Record<K, string>>
}

/** The heartbeat: extends the leases of the claims still held (same attempt, still `sending`) to `until`; returns their ids. */
export async function renewLeasedRows(table: LeasedTable, claims: readonly LeasedClaim[], until: Date): Promise<string[]> {
  const held = Prisma.join(claims.map((claim) => Prisma.sql`(${claim.id}, ${claim.attempts}::int)`))
  const rows = await prisma.$queryRaw`
    UPDATE ${identifier(table)} SET "leaseUntil" = ${utc(until)}
    WHERE "status" = 'sending' AND ("id", "attempts") IN (${held})
    RETURNING "id"`
  return z
    .array(z.object({ id: z.string() }))
    .parse(rows)
    .map((row) => row.id)
}

/** When a temporarily failed row is due again: `baseMs` after the first attempt, doubling with each, at most `maxMs`. */
export function retryAt(now: Date, attempts: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }): Date {
  return new Date(now.getTime() + Math.min(maxMs, baseMs * 2 ** (attempts - 1)))
}
