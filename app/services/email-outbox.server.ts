import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { type BackgroundLoop, startBackgroundLoop } from '#app/utils/background-loop.ts'
import { forEachConcurrently } from '#app/utils/concurrency.ts'
import { prisma } from '#app/utils/db.server.ts'
import { describeSmtpFailure, type EmailMessage, isPermanentSmtpFailure, mailDomain, sendEmail } from '#app/utils/email.server.ts'
import { type LeaseKeeper, startLeaseKeeper } from '#app/utils/lease-keeper.ts'
import { claimDueRows, type LeasedClaim, renewLeasedRows, retryAt } from '#app/utils/leased-rows.server.ts'
import { recordDelivered, recordHardRefusal } from './email-refusals.server.ts'

/**
 * E-mails that must not be lost (README, decision 018): a use case writes each message as an
 * `EmailOutbox` row in its own transaction (`enqueueEmails`, through `runUseCase`), so a
 * message exists exactly when the decision it tells of does. `sendPendingEmails` sends rows:
 * right after the commit (only that use case's rows) and from the worker every few seconds
 * (whatever is due). Claimed like digest deliveries (decision 012): `FOR UPDATE SKIP LOCKED`,
 * a one-minute lease renewed while the sender holds it, completed after the relay's 250, so
 * any number of senders may run at once. SMTP 4xx answers and connection errors are retried
 * with a growing backoff (1 min, 2 min … at most an hour, for about a day); a 5xx answer fails
 * the row and counts against the member's address like a refused digest (email-refusals.server.ts). Each message has the Message-ID `email.<row id>@<MAIL_FROM domain>` on every
 * attempt, so the one duplicate possible (a crash between the 250 and the commit) is
 * recognisable.
 */
export type EmailKind = 'content-decision' | 'member-decision' | 'organisation-request-decision' | 'appeal-decision' | 'notifications'

/** A message for the outbox: it gets its Message-ID there. */
export type OutboxEmail = { kind: EmailKind; message: Omit<EmailMessage, 'messageId'> }

export type EmailRunOptions = {
  clock?: () => Date
  /** Only these rows (the ones a use case just committed); all due rows when absent. */
  ids?: readonly string[]
  batchSize?: number
  concurrency?: number
  leaseMs?: number
  heartbeatMs?: number
  maxAttempts?: number
}

export type EmailRunReport = { sent: number; retrying: number; failed: number; released: number }
type Outcome = keyof EmailRunReport

export const EMAIL_LEASE_MS = 60 * 1000
export const EMAIL_MAX_ATTEMPTS = 30
const HEARTBEAT_MS = 15 * 1000
const RETRY_BACKOFF = { baseMs: 60 * 1000, maxMs: 60 * 60 * 1000 }
const KEEP_DONE_MS = 30 * 24 * 60 * 60 * 1000

/** In the use case's transaction: one row per message. Returns the rows' ids. */
export async function enqueueEmails(tx: Prisma.TransactionClient, emails: readonly OutboxEmail[]): Promise<string[]> {
  if (emails.length === 0) return []
  const now = new Date()
  const rows = await tx.emailOutbox.createManyAndReturn({
    data: emails.map(({ kind, message }) => ({
      kind,
      toEmail: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
      nextAttemptAt: now,
      createdAt: now,
    })),
    select: { id: true },
  })
  return rows.map((row) => row.id)
}

const headersSchema = z.record(z.string(), z.string()).nullable()

type Row = { id: string; toEmail: string; subject: string; html: string; text: string; headers: Prisma.JsonValue | null }

/** Completes a claim if it is still this sender's (same attempt); false when another sender took it over. */
async function complete(claim: LeasedClaim, data: Prisma.EmailOutboxUpdateManyMutationInput, tx: Prisma.TransactionClient = prisma): Promise<boolean> {
  const { count } = await tx.emailOutbox.updateMany({
    where: { id: claim.id, status: 'sending', attempts: claim.attempts },
    data: { leaseUntil: null, ...data },
  })
  return count === 1
}

type RunContext = { clock: () => Date; maxAttempts: number; leases: LeaseKeeper<LeasedClaim> }

async function deliver(claim: LeasedClaim, row: Row, context: RunContext): Promise<Outcome> {
  if (claim.attempts > context.maxAttempts) {
    await complete(claim, { status: 'failed', lastError: `Gav upp efter ${context.maxAttempts} försök` })
    return 'failed'
  }
  // Only while the claim is surely ours: a lease the heartbeat could not renew may run out
  // while the message is on its way, and another sender would send it too.
  if (!context.leases.isSafe(claim)) return 'released'
  try {
    await sendEmail({
      to: row.toEmail,
      subject: row.subject,
      html: row.html,
      text: row.text,
      headers: headersSchema.parse(row.headers) ?? undefined,
      messageId: `email.${row.id}@${mailDomain()}`,
    })
  } catch (error) {
    const reason = describeSmtpFailure(error)
    const refused = isPermanentSmtpFailure(error)
    const giveUp = refused || claim.attempts >= context.maxAttempts
    console.warn(`E-mail ${row.id} (attempt ${claim.attempts}) was not sent${giveUp ? ', giving up' : ', retrying later'}: ${reason}`)
    if (refused) {
      // The address refused it for good: counts against it, as for digests.
      await prisma.$transaction(async (tx) => {
        if (await complete(claim, { status: 'failed', lastError: reason }, tx)) await recordHardRefusal(tx, row.toEmail, reason)
      })
      return 'failed'
    }
    await complete(
      claim,
      giveUp
        ? { status: 'failed', lastError: reason }
        : { status: 'pending', nextAttemptAt: retryAt(context.clock(), claim.attempts, RETRY_BACKOFF), lastError: reason },
    )
    return giveUp ? 'failed' : 'retrying'
  }
  await prisma.$transaction(async (tx) => {
    await complete(claim, { status: 'sent', sentAt: context.clock(), lastError: null }, tx)
    await recordDelivered(tx, row.toEmail)
  })
  return 'sent'
}

/** Sends the outbox rows that are due (or only `ids`); safe to run concurrently and again. */
export async function sendPendingEmails({
  clock = () => new Date(),
  ids,
  batchSize = 50,
  concurrency = 5,
  leaseMs = EMAIL_LEASE_MS,
  heartbeatMs = HEARTBEAT_MS,
  maxAttempts = EMAIL_MAX_ATTEMPTS,
}: EmailRunOptions = {}): Promise<EmailRunReport> {
  const report: EmailRunReport = { sent: 0, retrying: 0, failed: 0, released: 0 }
  if (ids?.length === 0) return report
  // A claim is sent on only while at least half of its lease is left (as for digests).
  const leases = startLeaseKeeper<LeasedClaim>({
    leaseMs,
    heartbeatMs,
    marginMs: leaseMs / 2,
    clock,
    renew: (claims, until) => renewLeasedRows('EmailOutbox', claims, until),
    onError: (error) => console.warn(`E-mail outbox: could not renew the claims' leases: ${error instanceof Error ? error.message : String(error)}`),
  })
  const context: RunContext = { clock, maxAttempts, leases }
  try {
    // A sender that had to give claims up stops claiming: a later run carries on.
    while (report.released === 0) {
      const now = clock()
      const claims = await claimDueRows('EmailOutbox', { now, leaseMs, limit: batchSize, where: ids ? Prisma.sql`"id" = ANY(${ids}::text[])` : undefined })
      if (claims.length === 0) break
      leases.hold(claims, new Date(now.getTime() + leaseMs))
      const rows = await prisma.emailOutbox.findMany({
        where: { id: { in: claims.map((claim) => claim.id) } },
        select: { id: true, toEmail: true, subject: true, html: true, text: true, headers: true },
      })
      const byId = new Map(rows.map((row) => [row.id, row]))
      await forEachConcurrently(claims, concurrency, async (claim) => {
        const row = byId.get(claim.id)
        try {
          // A row gone since the claim (its recipient deleted their account) has nothing left to send.
          if (row) report[await deliver(claim, row, context)]++
        } finally {
          leases.release(claim)
        }
      })
    }
  } finally {
    await leases.stop()
  }
  return report
}

export function formatEmailReport(report: EmailRunReport): string {
  const released = report.released > 0 ? `, ${report.released} left for the next run (their claims could not be renewed)` : ''
  return `E-mail outbox: ${report.sent} sent, ${report.retrying} to retry later, ${report.failed} failed${released}`
}

type Logger = Pick<Console, 'info' | 'error'>

/**
 * The in-process worker (`npm start`): every `intervalMs` it sends what is due — messages
 * whose first attempt right after their commit failed, or whose sender died. Safe next to
 * other instances' workers (rows are claimed).
 */
export function startEmailOutboxWorker({ intervalMs = 5 * 1000, log = console }: { intervalMs?: number; log?: Logger } = {}): BackgroundLoop {
  return startBackgroundLoop(
    async () => {
      const report = await sendPendingEmails()
      if (report.sent + report.retrying + report.failed + report.released > 0) log.info(formatEmailReport(report))
      return intervalMs
    },
    (error) => {
      log.error(`E-mail outbox: sending failed: ${error instanceof Error ? error.message : String(error)}`)
      return intervalMs
    },
  )
}

/** Hourly maintenance: sent and failed messages are kept 30 days (to look into a complaint), then deleted. */
export async function pruneEmailOutbox(now = new Date()) {
  await prisma.emailOutbox.deleteMany({ where: { status: { in: ['sent', 'failed'] }, createdAt: { lt: new Date(now.getTime() - KEEP_DONE_MS) } } })
}
