import { digestEmail } from '#app/emails/digest.server.ts'
import { unsubscribeAddresses } from '#app/emails/layout.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { composeDigest, type DigestReader, type DigestWeek, loadDigestReaders, loadDigestWeek } from '#app/models/digest.server.ts'
import { type BackgroundLoop, startBackgroundLoop } from '#app/utils/background-loop.ts'
import { forEachConcurrently } from '#app/utils/concurrency.ts'
import { type LeaseKeeper, startLeaseKeeper } from '#app/utils/lease-keeper.ts'
import { prisma } from '#app/utils/db.server.ts'
import { claimDueRows, type LeasedClaim, renewLeasedRows, retryAt, utc } from '#app/utils/leased-rows.server.ts'
import { type DigestPeriod, type DigestSchedule, dueMonthlyPeriod, duePeriod } from '#app/utils/digest-schedule.ts'
import { createUnsubscribeToken } from '#app/utils/unsubscribe-token.server.ts'
import { describeSmtpFailure, isPermanentSmtpFailure, mailDomain, sendEmail } from '#app/utils/email.server.ts'
import { getDigestSchedule } from '#app/models/site-settings.server.ts'
import { recordDelivered, recordHardRefusal } from './email-refusals.server.ts'
import { appBaseUrl, env } from '#app/utils/env.server.ts'

/**
 * Sending the digests that are due: `npm run digest:send` (from cron) and the in-process
 * scheduler both call `sendDueDigests`, and any number of them may run at once.
 *
 * 1. Queue: one `DigestDelivery` row per eligible member and period, unique per (member,
 *    week), so queueing twice changes nothing.
 * 2. Claim a batch: `FOR UPDATE SKIP LOCKED`, status `sending` with a short lease (a minute),
 *    attempts + 1, committed before anything is sent, so two runs never hold the same member.
 *    While the run holds claims, a heartbeat renews their leases (fenced by attempt), so a
 *    live run keeps them however long it takes and a killed run's claims are taken over
 *    within a lease.
 * 3. Deliver each claimed member (bounded concurrency): build the digest, check that the
 *    claim is still this run's and its lease comfortably valid (a run whose heartbeat cannot
 *    reach the database stops sending and leaves the rest to a later run), send it, then
 *    complete the claim — `sent` with the items (DigestSentItem) in one transaction, or
 *    `empty` when there is nothing to say. Completing only succeeds for the latest claim.
 * 4. Failures: a temporary one (SMTP 4xx, connection) goes back to `pending` with a growing
 *    backoff and is retried by a later run; a hard refusal (SMTP 5xx) fails the delivery and
 *    counts against the address — after HARD_FAILURE_LIMIT in a row (email-refusals.server.ts), digests stop and the
 *    member sees why in their settings.
 *
 * Exactly once: a member is only sent to while their row is claimed by this run, and the
 * row is completed right after the SMTP server accepted the message. The one window left is
 * a crash between the server's acceptance and that commit: the next run sends again, with the
 * same Message-ID (README, decision on digest delivery).
 */
export type DigestRunOptions = {
  clock?: () => Date
  /** Queue the due period's deliveries first (false: only work through what is queued). */
  queue?: boolean
  schedule?: DigestSchedule
  batchSize?: number
  concurrency?: number
  /** How long a claim is held without a heartbeat; a killed run's members are taken over after it. */
  leaseMs?: number
  /** How often the heartbeat renews the leases of the claims this run holds. */
  heartbeatMs?: number
  maxAttempts?: number
  /** Called once per delivery with its outcome and how long building and sending took (benchmarks). */
  observe?: (event: DigestDeliveryEvent) => void
}

export type DigestRunReport = {
  week: string
  queued: number
  sent: number
  empty: number
  retrying: number
  failed: number
  /** Claims given up unsent because their lease could not be renewed (a later run sends them). */
  released: number
  durationMs: number
}

export const DIGEST_LEASE_MS = 60 * 1000
const HEARTBEAT_MS = 15 * 1000
const RETRY_BACKOFF = { baseMs: 15 * 60 * 1000, maxMs: 6 * 60 * 60 * 1000 }

/** Queues the period's deliveries; returns how many rows were new. */
async function queueDeliveries(week: DigestPeriod, monthlyDue: boolean, now: Date): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "DigestDelivery" ("id", "userId", "week", "status", "nextAttemptAt", "createdAt")
    SELECT 'd' || replace(gen_random_uuid()::text, '-', ''), u."id", ${week.week}, 'pending', ${utc(now)}, ${utc(now)}
    FROM "User" u
    WHERE u."status" = 'active' AND u."digestStoppedReason" IS NULL AND u."createdAt" < ${utc(week.to)}
      AND (u."digestFrequency" = 'weekly' OR (${monthlyDue} AND u."digestFrequency" = 'monthly'))
    ON CONFLICT ("userId", "week") DO NOTHING`
}

/** Deliveries of earlier weeks that never went out are given up: a digest is only worth its own week. */
async function abandonEarlierWeeks(week: string, now: Date) {
  await prisma.$executeRaw`
    UPDATE "DigestDelivery"
    SET "status" = 'failed', "leaseUntil" = NULL, "lastError" = 'Veckan tog slut innan brevet kunde skickas'
    WHERE "week" < ${week} AND ("status" = 'pending' OR ("status" = 'sending' AND "leaseUntil" < ${utc(now)}))`
}

type Claim = LeasedClaim & { userId: string }

function claimBatch(week: string, now: Date, leaseMs: number, limit: number): Promise<Claim[]> {
  return claimDueRows('DigestDelivery', { now, leaseMs, limit, where: Prisma.sql`"week" = ${week}`, returning: ['userId'] })
}

const recipientSelect = {
  id: true,
  email: true,
  name: true,
  status: true,
  organisationId: true,
  interests: true,
  digestFrequency: true,
  digestSectionsOff: true,
  digestStoppedReason: true,
} satisfies Prisma.UserSelect
type Recipient = Prisma.UserGetPayload<{ select: typeof recipientSelect }>

type Outcome = 'sent' | 'empty' | 'retrying' | 'failed' | 'released'
type Timings = { buildMs: number; sendMs: number }
export type DigestDeliveryEvent = { outcome: Outcome } & Timings

/** Completes a claim if it is still this run's (same attempt); false when another run took it over. */
async function complete(tx: Prisma.TransactionClient, claim: Claim, data: Prisma.DigestDeliveryUpdateManyMutationInput): Promise<boolean> {
  const { count } = await tx.digestDelivery.updateMany({
    where: { id: claim.id, status: 'sending', attempts: claim.attempts },
    data: { leaseUntil: null, ...data },
  })
  return count === 1
}

async function recordHardFailure(claim: Claim, recipient: Recipient, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    if (await complete(tx, claim, { status: 'failed', lastError: reason })) await recordHardRefusal(tx, recipient.email, reason)
  })
}

type RunContext = {
  clock: () => Date
  maxAttempts: number
  baseUrl: string
  leases: LeaseKeeper<Claim>
}

/** A claimed member with what their digest is built from; no week when they no longer take digests. */
type Delivery = {
  claim: Claim
  recipient: Recipient | undefined
  week: DigestWeek | null
  reader: DigestReader | undefined
}

/** Delivers one claim; `timings` receives how long building the digest and sending it took. */
async function deliver({ claim, recipient, week, reader }: Delivery, context: RunContext, timings: Timings): Promise<Outcome> {
  if (!recipient || !week || !reader) {
    // Unsubscribed, suspended or stopped since the row was queued.
    await prisma.$transaction((tx) =>
      complete(tx, claim, {
        status: 'empty',
        lastError: 'Medlemmen tar inte längre emot brevet',
      }),
    )
    return 'empty'
  }
  if (claim.attempts > context.maxAttempts) {
    await prisma.$transaction((tx) =>
      complete(tx, claim, {
        status: 'failed',
        lastError: `Gav upp efter ${context.maxAttempts} försök`,
      }),
    )
    return 'failed'
  }
  try {
    const building = performance.now()
    const digest = composeDigest(toDigestMember(recipient), week, reader)
    const period = week.period
    timings.buildMs = performance.now() - building
    if (digest.sections.length === 0) {
      await prisma.$transaction((tx) => complete(tx, claim, { status: 'empty', lastError: null }))
      return 'empty'
    }
    // Only while the claim is surely ours: a lease the heartbeat could not renew may run out
    // while the message is on its way, and another run would send it too.
    if (!context.leases.isSafe(claim)) return 'released'
    const now = context.clock()
    const unsubscribe = unsubscribeAddresses({
      baseUrl: context.baseUrl,
      path: '/veckobrev/avsluta',
      token: createUnsubscribeToken(recipient.id, now),
      mailSubject: 'Avsluta veckobrevet',
    })
    const sending = performance.now()
    await sendEmail(
      digestEmail({
        to: recipient.email,
        name: recipient.name,
        digest,
        monthly: recipient.digestFrequency === 'monthly',
        baseUrl: context.baseUrl,
        unsubscribeUrl: unsubscribe.url,
        unsubscribeMailto: unsubscribe.mailto,
        messageId: `digest.${period.week}.${recipient.id}@${mailDomain()}`,
      }),
    )
    timings.sendMs = performance.now() - sending
    const items = digest.sections.flatMap((section) => section.items.flatMap((item) => item.keys))
    await prisma.$transaction(async (tx) => {
      await complete(tx, claim, {
        status: 'sent',
        sentAt: now,
        lastError: null,
      })
      // Recorded even when another run took the claim over meanwhile: this message went out.
      await tx.digestSentItem.createMany({
        data: items.map((itemKey) => ({
          userId: recipient.id,
          itemKey,
          week: period.week,
        })),
        skipDuplicates: true,
      })
      await recordDelivered(tx, recipient.email)
    })
    return 'sent'
  } catch (error) {
    const reason = describeSmtpFailure(error)
    if (isPermanentSmtpFailure(error)) {
      await recordHardFailure(claim, recipient, reason)
      return 'failed'
    }
    const giveUp = claim.attempts >= context.maxAttempts
    const nextAttemptAt = retryAt(context.clock(), claim.attempts, RETRY_BACKOFF)
    await prisma.$transaction((tx) =>
      complete(tx, claim, giveUp ? { status: 'failed', lastError: reason } : { status: 'pending', nextAttemptAt, lastError: reason }),
    )
    return giveUp ? 'failed' : 'retrying'
  }
}

const toDigestMember = (recipient: Recipient) => ({
  id: recipient.id,
  organisationId: recipient.organisationId,
  sectionsOff: recipient.digestSectionsOff,
  interests: recipient.interests,
})

/** A claimed batch's members, their period's week and their reader data: a few queries for the whole batch. */
async function prepareBatch(
  claims: Claim[],
  periodOf: (recipient: Recipient | undefined) => DigestPeriod | null,
  weekOf: (period: DigestPeriod) => Promise<DigestWeek>,
): Promise<Delivery[]> {
  const recipients = await prisma.user.findMany({
    where: { id: { in: claims.map((claim) => claim.userId) } },
    select: recipientSelect,
  })
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]))
  const byPeriod = new Map<DigestPeriod, Recipient[]>()
  for (const recipient of recipients) {
    const period = periodOf(recipient)
    if (period) byPeriod.set(period, [...(byPeriod.get(period) ?? []), recipient])
  }
  const prepared = new Map<string, { week: DigestWeek; reader: DigestReader | undefined }>()
  for (const [period, members] of byPeriod) {
    const week = await weekOf(period)
    const readers = await loadDigestReaders(members.map(toDigestMember), week)
    for (const member of members) prepared.set(member.id, { week, reader: readers.get(member.id) })
  }
  return claims.map((claim) => {
    const found = prepared.get(claim.userId)
    return {
      claim,
      recipient: byId.get(claim.userId),
      week: found?.week ?? null,
      reader: found?.reader,
    }
  })
}

/** Sends every digest that is due now and not sent yet; safe to run concurrently and again. */
export async function sendDueDigests({
  clock = () => new Date(),
  queue = true,
  schedule: givenSchedule,
  batchSize = 50,
  concurrency = env().DIGEST_CONCURRENCY,
  leaseMs = DIGEST_LEASE_MS,
  heartbeatMs = HEARTBEAT_MS,
  maxAttempts = 6,
  observe,
}: DigestRunOptions = {}): Promise<DigestRunReport> {
  const schedule = givenSchedule ?? (await getDigestSchedule())
  const started = clock()
  const periods = {
    weekly: duePeriod(started, schedule),
    monthly: dueMonthlyPeriod(started, schedule),
  }
  const week = periods.weekly.week
  let queued = 0
  if (queue) {
    await abandonEarlierWeeks(week, started)
    queued = await queueDeliveries(periods.weekly, periods.monthly !== null, started)
  }

  // What happened in a period is the same for everyone: loaded once per period and run.
  const weeks = new Map<DigestPeriod, Promise<DigestWeek>>()
  const weekOf = (period: DigestPeriod) => {
    if (!weeks.has(period)) weeks.set(period, loadDigestWeek(period))
    return weeks.get(period) as Promise<DigestWeek>
  }
  const periodOf = (recipient: Recipient | undefined) =>
    recipient?.status === 'active' && !recipient.digestStoppedReason
      ? { weekly: periods.weekly, monthly: periods.monthly, never: null }[recipient.digestFrequency]
      : null
  // A claim is sent on only while at least half of its lease is left; the heartbeat (by
  // default every quarter of the lease) keeps it above that unless renewing fails.
  const leases = startLeaseKeeper<Claim>({
    leaseMs,
    heartbeatMs,
    marginMs: leaseMs / 2,
    clock,
    renew: (claims, until) => renewLeasedRows('DigestDelivery', claims, until),
    onError: (error) => console.warn(`Digest: could not renew the claims' leases: ${error instanceof Error ? error.message : String(error)}`),
  })
  const context: RunContext = { clock, maxAttempts, baseUrl: appBaseUrl(), leases }
  const report: DigestRunReport = {
    week,
    queued,
    sent: 0,
    empty: 0,
    retrying: 0,
    failed: 0,
    released: 0,
    durationMs: 0,
  }
  try {
    // A run that had to give claims up stops claiming: a later run carries on.
    while (report.released === 0) {
      const now = clock()
      const claims = await claimBatch(week, now, leaseMs, batchSize)
      if (claims.length === 0) break
      leases.hold(claims, new Date(now.getTime() + leaseMs))
      const deliveries = await prepareBatch(claims, periodOf, weekOf)
      await forEachConcurrently(deliveries, concurrency, async (delivery) => {
        const timings: Timings = { buildMs: 0, sendMs: 0 }
        try {
          const outcome = await deliver(delivery, context, timings)
          report[outcome]++
          observe?.({ outcome, ...timings })
        } finally {
          leases.release(delivery.claim)
        }
      })
    }
  } finally {
    await leases.stop()
  }
  report.durationMs = clock().getTime() - started.getTime()
  return report
}

export function formatDigestReport(report: DigestRunReport): string {
  const released = report.released > 0 ? `, ${report.released} left for the next run (their claims could not be renewed)` : ''
  return `Digest ${report.week}: ${report.sent} sent, ${report.empty} with nothing new, ${report.retrying} to retry later, ${
    report.failed
  } failed${released} (${report.queued} newly queued, ${(report.durationMs / 1000).toFixed(1)} s)`
}

type Logger = Pick<Console, 'info' | 'error'>

/**
 * The optional in-process scheduler (DIGEST_SCHEDULER, on by default): runs a digest step
 * every `intervalMs`. Safe next to cron runs and other app instances (deliveries are claimed).
 * It queues a week's deliveries when the week is new to it and then hourly (members approved
 * since), and otherwise only picks up retries that have come due.
 */
export function startDigestScheduler({ intervalMs = 5 * 60 * 1000, log = console }: { intervalMs?: number; log?: Logger } = {}): BackgroundLoop {
  let lastQueued: { week: string; at: number } | undefined
  return startBackgroundLoop(
    async () => {
      const now = new Date()
      const week = duePeriod(now, await getDigestSchedule()).week
      const queue = lastQueued?.week !== week || now.getTime() - lastQueued.at > 60 * 60 * 1000
      const report = await sendDueDigests({ queue })
      if (queue) lastQueued = { week, at: now.getTime() }
      if (report.sent + report.retrying + report.failed + report.released > 0) log.info(formatDigestReport(report))
      return intervalMs
    },
    (error) => {
      log.error(`Digest sending failed: ${error instanceof Error ? error.message : String(error)}`)
      return intervalMs
    },
  )
}
