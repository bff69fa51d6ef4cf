import { z } from 'zod'
import { notificationEmail } from '#app/emails/notifications.server.ts'
import { unsubscribeAddresses } from '#app/emails/layout.server.ts'
import { listEmailableNotifications } from '#app/models/notification.server.ts'
import { type BackgroundLoop, startBackgroundLoop } from '#app/utils/background-loop.ts'
import { prisma } from '#app/utils/db.server.ts'
import { mailDomain } from '#app/utils/email.server.ts'
import { appBaseUrl } from '#app/utils/env.server.ts'
import { utc } from '#app/utils/leased-rows.server.ts'
import { presentNotifications } from '#app/presenters/notification.server.ts'
import { createUnsubscribeToken } from '#app/utils/unsubscribe-token.server.ts'
import { EMAIL_NOTIFICATION_KINDS } from '#app/validation/notification-email.ts'
import { enqueueEmails, type EmailRunReport, type OutboxEmail, sendPendingEmails } from './email-outbox.server.ts'
import type { Tx } from './unit-of-work.server.ts'

/**
 * Notification e-mails (README, decision 023). A notification of a kind the member gets by
 * e-mail is written `mailPending` together with the member's `NotificationEmailBatch`, due
 * `EMAIL_NOTIFICATION_DELAY_SECONDS` after the first such event (notification.server.ts).
 * `sendDueNotificationEmails` takes due batches with `FOR UPDATE SKIP LOCKED` and, in that one
 * transaction, re-reads each member's waiting notifications, keeps those an e-mail may still
 * tell of (unread, a kind still chosen, visible, not their own doing; nothing at all for a
 * member who is no longer active or whose address stopped taking e-mail), writes ONE e-mail
 * listing them to the e-mail outbox, marks them e-mailed, releases the others and deletes the
 * batch. The outbox then sends it (claimed, leased, retried on 4xx, 5xx counted against the
 * address): any number of senders may run at once, a batch becomes at most one e-mail, and
 * the e-mail is sent exactly once except across a crash after the relay's 250 (decision 018).
 */
export type NotificationEmailRunReport = { batches: number; emails: number } & EmailRunReport

const BATCH_SIZE = 20

const recipientSelect = { id: true, email: true, name: true, status: true, notificationMailKinds: true, digestStoppedReason: true } as const

/** The e-mail for one member's waiting notifications (`pendingIds`), or null when none may be told of. */
async function composeEmail(tx: Tx, userId: string, pendingIds: string[], now: Date): Promise<{ email: OutboxEmail; sentIds: string[] } | null> {
  const recipient = await tx.user.findUnique({ where: { id: userId }, select: recipientSelect })
  if (!recipient || recipient.status !== 'active' || recipient.digestStoppedReason || pendingIds.length === 0) return null
  const rows = await listEmailableNotifications(tx, pendingIds, { userId, kinds: recipient.notificationMailKinds })
  const views = presentNotifications(rows, now)
  const items = views.flatMap((view) => (view.href ? [{ text: view.text, href: view.href }] : []))
  if (items.length === 0) return null
  const kinds = EMAIL_NOTIFICATION_KINDS.filter((kind) => rows.some((row) => row.kind === kind))
  const posts = new Map(rows.flatMap((row) => (row.post ? [[row.post.id, row.post.title] as const] : [])))
  const [onlyPost] = posts.size === 1 ? [...posts] : []
  const baseUrl = appBaseUrl()
  const unsubscribe = unsubscribeAddresses({
    baseUrl,
    path: '/notiser/avsluta',
    token: createUnsubscribeToken(userId, now, { list: 'notifications', kinds }),
    mailSubject: 'Avsluta notiser',
  })
  const message = notificationEmail({
    to: recipient.email,
    name: recipient.name,
    items,
    kinds,
    thread: onlyPost ? { title: onlyPost[1], messageId: threadMessageId(onlyPost[0]) } : null,
    baseUrl,
    unsubscribeUrl: unsubscribe.url,
    unsubscribeMailto: unsubscribe.mailto,
  })
  return { email: { kind: 'notifications', message }, sentIds: rows.map((row) => row.id) }
}

/** The stable id that mails about one post refer to, so that mail clients thread them. */
export const threadMessageId = (postId: string) => `thread.${postId}@${mailDomain()}`

const idRows = z.array(z.object({ id: z.string(), userId: z.string() }))

/** One transaction: up to BATCH_SIZE due batches become outbox rows; returns the batches taken and the rows' ids. */
async function takeDueBatches(now: Date): Promise<{ batches: number; emailIds: string[] }> {
  return prisma.$transaction(async (tx) => {
    const batches = idRows.parse(
      await tx.$queryRaw`
        SELECT "id", "userId" FROM "NotificationEmailBatch" WHERE "dueAt" <= ${utc(now)}
        ORDER BY "dueAt", "id" LIMIT ${BATCH_SIZE}::int FOR UPDATE SKIP LOCKED`,
    )
    if (batches.length === 0) return { batches: 0, emailIds: [] }
    const userIds = batches.map((batch) => batch.userId)
    // A notification another transaction is changing right now (a "following" batch growing)
    // is skipped, not waited for: that transaction waits for this one's batch row and then
    // queues a new batch, which carries it.
    const pending = idRows.parse(
      await tx.$queryRaw`
        SELECT "id", "userId" FROM "Notification" WHERE "userId" = ANY(${userIds}::text[]) AND "mailPending" FOR UPDATE SKIP LOCKED`,
    )
    const emails: OutboxEmail[] = []
    const sentIds: string[] = []
    for (const userId of userIds) {
      const composed = await composeEmail(
        tx,
        userId,
        pending.filter((row) => row.userId === userId).map((row) => row.id),
        now,
      )
      if (!composed) continue
      emails.push(composed.email)
      sentIds.push(...composed.sentIds)
    }
    await tx.notification.updateMany({ where: { id: { in: sentIds } }, data: { mailPending: false, mailedAt: now } })
    // The rest (read, hidden, a kind turned off, a member who cannot get e-mail) is never e-mailed.
    await tx.notification.updateMany({ where: { id: { in: pending.map((row) => row.id) }, mailPending: true }, data: { mailPending: false } })
    await tx.notificationEmailBatch.deleteMany({ where: { id: { in: batches.map((batch) => batch.id) } } })
    return { batches: batches.length, emailIds: await enqueueEmails(tx, emails) }
  })
}

/** Turns every due batch into an e-mail and sends those; safe to run concurrently and again. */
export async function sendDueNotificationEmails({ clock = () => new Date() }: { clock?: () => Date } = {}): Promise<NotificationEmailRunReport> {
  const report: NotificationEmailRunReport = { batches: 0, emails: 0, sent: 0, retrying: 0, failed: 0, released: 0 }
  for (;;) {
    const taken = await takeDueBatches(clock())
    report.batches += taken.batches
    report.emails += taken.emailIds.length
    const sent = await sendPendingEmails({ ids: taken.emailIds, clock })
    for (const outcome of ['sent', 'retrying', 'failed', 'released'] as const) report[outcome] += sent[outcome]
    if (taken.batches < BATCH_SIZE) return report
  }
}

export function formatNotificationEmailReport(report: NotificationEmailRunReport): string {
  return `Notification e-mails: ${report.batches} due, ${report.emails} written, ${report.sent} sent, ${report.retrying} to retry later, ${report.failed} failed`
}

type Logger = Pick<Console, 'info' | 'error'>

/**
 * The in-process sender (`npm start`): every `intervalMs` it turns due batches into e-mails
 * and sends them. Safe next to other instances and `npm run notifications:send`.
 */
export function startNotificationEmailSender({ intervalMs = 5 * 1000, log = console }: { intervalMs?: number; log?: Logger } = {}): BackgroundLoop {
  return startBackgroundLoop(
    async () => {
      const report = await sendDueNotificationEmails()
      if (report.batches > 0) log.info(formatNotificationEmailReport(report))
      return intervalMs
    },
    (error) => {
      log.error(`Notification e-mails: sending failed: ${error instanceof Error ? error.message : String(error)}`)
      return intervalMs
    },
  )
}
