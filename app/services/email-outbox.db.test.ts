import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '#app/policies/member.ts'
import { mailDomain } from '#app/utils/email.server.ts'
import { init } from '#app/utils/env.server.ts'
import { insertActor, insertMember } from '#tests/factories.ts'
import { type Mailbox, type SmtpRefusal, startMailbox } from '#tests/mailbox.ts'
import { deleteAccount } from './account-deletion.server.ts'
import { sendPendingEmails } from './email-outbox.server.ts'
import { decideMemberCore, warnMember } from './member-moderation.server.ts'
import { runUseCase } from './unit-of-work.server.ts'

const { prisma } = database
const MINUTE = 60 * 1000
/** A clock `ms` ahead of now, past the backoff of a retry. */
const ahead = (ms: number) => () => new Date(Date.now() + ms)

let moderator: Actor

beforeAll(async () => {
  moderator = await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' })
})

const useMailbox = (box: Mailbox) => {
  process.env.SMTP_URL = box.url
  init()
}

/** A relay that answers `refusal` while `down.now` is true and accepts otherwise. */
async function flakyRelay(refusal: SmtpRefusal) {
  const down = { now: true }
  const box = await startMailbox({ refuse: () => (down.now ? refusal : undefined) })
  useMailbox(box)
  return { box, down }
}

afterEach(async () => {
  useMailbox(mailbox)
  mailbox.clear()
})

const rowsTo = (email: string) =>
  prisma.emailOutbox.findMany({ where: { toEmail: email }, select: { id: true, status: true, attempts: true, lastError: true } })

describe('the decision e-mail is durable', () => {
  test('SMTP refuses with 451: the decision stands, the message waits in the outbox, and is delivered once when the relay is back', async () => {
    const { box, down } = await flakyRelay({ code: 451, message: 'Try again later' })
    const member = await insertMember(prisma, { name: 'Vera Väntar' })
    const { auditLogId } = await warnMember(moderator, { userId: member.id, message: 'Håll god ton.' })
    expect(await prisma.auditLog.count({ where: { id: auditLogId } })).toBe(1)
    const [row] = await rowsTo(member.email)
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('451') })

    // Not due yet (backoff), so nothing is tried again.
    expect(await sendPendingEmails()).toEqual({ sent: 0, retrying: 0, failed: 0, released: 0 })
    // Still down when due: retried, and refused again.
    expect(await sendPendingEmails({ clock: ahead(2 * MINUTE) })).toMatchObject({ sent: 0, retrying: 1 })
    down.now = false
    expect(await sendPendingEmails({ clock: ahead(10 * MINUTE) })).toMatchObject({ sent: 1, retrying: 0 })
    expect(await sendPendingEmails({ clock: ahead(60 * MINUTE) })).toMatchObject({ sent: 0 })

    expect(box.messages.map((mail) => mail.to)).toEqual([[member.email]])
    const [mail] = box.messages
    expect(mail?.subject).toBe('Du har fått en varning i Samverka')
    expect(mail?.text).toContain('Motivering: Håll god ton.')
    expect(mail?.headers.get('message-id')).toBe(`<email.${row?.id}@${mailDomain()}>`)
    expect(await rowsTo(member.email)).toEqual([expect.objectContaining({ status: 'sent', attempts: 3, lastError: null })])
    await box.close()
  })

  test('a relay that cannot be reached is retried too; a 5xx refusal fails the message for good', async () => {
    const closed = await startMailbox()
    await closed.close()
    useMailbox(closed)
    const unreachable = await insertMember(prisma)
    await warnMember(moderator, { userId: unreachable.id, message: 'Första varningen.' })
    expect(await rowsTo(unreachable.email)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })])

    const { box } = await flakyRelay({ code: 550, message: 'No such user' })
    const refused = await insertMember(prisma)
    await warnMember(moderator, { userId: refused.id, message: 'Andra varningen.' })
    expect(await rowsTo(refused.email)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1, lastError: expect.stringContaining('550') })])
    // The unreachable member's message is due again and still refused, now with the 5xx: it fails too.
    expect(await sendPendingEmails({ clock: ahead(2 * MINUTE) })).toMatchObject({ sent: 0, failed: 1 })
    expect(await sendPendingEmails({ clock: ahead(24 * 60 * MINUTE) })).toMatchObject({ sent: 0, retrying: 0, failed: 0 })
    expect(box.messages).toEqual([])
    await box.close()
  })

  test('two senders at once deliver each message once', async () => {
    const { box, down } = await flakyRelay({ code: 421, message: 'Service not available' })
    const members = [await insertMember(prisma), await insertMember(prisma), await insertMember(prisma)]
    for (const member of members) await warnMember(moderator, { userId: member.id, message: 'Tänk på tonen.' })
    down.now = false

    const reports = await Promise.all([sendPendingEmails({ clock: ahead(2 * MINUTE) }), sendPendingEmails({ clock: ahead(2 * MINUTE) })])
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(3)
    expect(box.messages.map((mail) => mail.to[0]).sort()).toEqual(members.map((member) => member.email.toLowerCase()).sort())
    await box.close()
  })

  test('a use case that rolls back leaves no message and sends nothing', async () => {
    const member = await insertMember(prisma, { name: 'Rolf Rullad' })
    const failing = runUseCase(async (tx) => {
      await decideMemberCore(tx, moderator, { userId: member.id, decision: 'suspend', reason: 'Spam.' })
      throw new Error('a later step of the use case fails')
    })
    await expect(failing).rejects.toThrow('a later step of the use case fails')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active')
    expect(await rowsTo(member.email)).toEqual([])
    expect(await sendPendingEmails({ clock: ahead(60 * MINUTE) })).toMatchObject({ sent: 0 })
    expect(mailbox.messages).toEqual([])
  })

  test('a member who deletes their account takes their unsent e-mails with them', async () => {
    const { box } = await flakyRelay({ code: 451, message: 'Try again later' })
    const member = await insertMember(prisma)
    await warnMember(moderator, { userId: member.id, message: 'Varning före radering.' })
    expect(await rowsTo(member.email)).toHaveLength(1)
    await deleteAccount(member, 'anonymise')
    expect(await rowsTo(member.email)).toEqual([])
    await box.close()
  })
})
