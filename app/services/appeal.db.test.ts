import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { beforeEach, describe, expect, test } from 'vitest'
import { buildProjectInput, insertActor, insertMember } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { action as appealAction, loader as appealLoader } from '#app/routes/overklaga.$auditLogId.tsx'
import { action as queueAction, loader as queueLoader } from '#app/routes/moderering._index.tsx'
import { loader as notificationsLoader } from '#app/routes/notiser.tsx'
import type { Actor } from '#app/policies/member.ts'
import { createAppealToken } from '#app/utils/appeal-token.server.ts'
import { decideAppeal } from './appeal.server.ts'
import { hideContent } from './content-moderation.server.ts'
import { sendPendingEmails } from './email-outbox.server.ts'
import { decideMember, warnMember } from './member-moderation.server.ts'
import { createProject } from './post.server.ts'

const { prisma } = database

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

const appealPage = (browser: Browser, auditLogId: string, query = '') =>
  call(() => appealLoader(routeArgs(browser.get(`/overklaga/${auditLogId}${query}`), { auditLogId })))
const appeal = (browser: Browser, auditLogId: string, message: string, query = '') =>
  call(() => appealAction(routeArgs(browser.post(`/overklaga/${auditLogId}${query}`, { message }), { auditLogId })))
const decide = (browser: Browser, appealId: string, intent: 'appeal-uphold' | 'appeal-overturn', response: string) =>
  call(() => queueAction(routeArgs(browser.post('/moderering', { intent, appealId, response }))))

type QueueAppeal = { id: string; message: string; member: { name: string }; decision: { label: string; reason: string | null } | null }
async function openAppeals(browser: Browser) {
  const queue = await call(() => queueLoader(routeArgs(browser.get('/moderering'))))
  return (queue.data as { appeals: QueueAppeal[] }).appeals
}

let moderator: Actor
let moderatorBrowser: Browser

beforeEach(async () => {
  mailbox.clear()
  moderator ??= await insertActor(prisma, { name: 'Mats Moderator', role: 'moderator' })
  moderatorBrowser = await signedIn(moderator.id)
})

describe('appealing a decision about one’s content', () => {
  test('signed in: hidden post → appeal → in the queue, oldest first → overturned → visible again, member told', async () => {
    const authorRow = await insertMember(prisma, { name: 'Alva Författare' })
    const author: Actor = { ...authorRow, organisationId: null }
    const authorBrowser = await signedIn(author.id)
    const { id: postId } = await createProject(author, buildProjectInput('Projekt om e-arkiv'))
    await hideContent(moderator, { targetType: 'post', targetId: postId, reason: 'Innehåller personuppgifter.' })
    const hidden = await prisma.auditLog.findFirstOrThrow({ where: { action: 'content.hidden', targetId: postId } })

    const page = await appealPage(authorBrowser, hidden.id)
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ decision: { about: 'ditt inlägg ”Projekt om e-arkiv”', reason: 'Innehåller personuppgifter.' }, appeal: null })
    // Someone else cannot appeal it, nor see it.
    const stranger = await signedIn((await insertMember(prisma)).id)
    expect((await appealPage(stranger, hidden.id)).status).toBe(404)
    expect((await appeal(stranger, hidden.id, 'Jag tycker också att det är fel.')).status).toBe(404)

    expect((await appeal(authorBrowser, hidden.id, '')).status).toBe(400)
    expect((await appeal(authorBrowser, hidden.id, 'x'.repeat(2001))).status).toBe(400)
    expect((await appeal(authorBrowser, hidden.id, 'Uppgifterna är redan offentliga.')).status).toBe(302)
    expect((await appeal(authorBrowser, hidden.id, 'En gång till.')).status).toBe(409)
    expect(await prisma.auditLog.count({ where: { action: 'appeal.created', data: { path: ['auditLogId'], equals: hidden.id } } })).toBe(1)

    const [queued] = (await openAppeals(moderatorBrowser)).filter((item) => item.member.name === 'Alva Författare')
    expect(queued).toMatchObject({
      message: 'Uppgifterna är redan offentliga.',
      decision: { label: 'Innehåll dolt av moderator', reason: 'Innehåller personuppgifter.' },
    })

    expect((await decide(moderatorBrowser, queued?.id ?? '', 'appeal-overturn', '')).status).toBe(400)
    const overturned = await decide(moderatorBrowser, queued?.id ?? '', 'appeal-overturn', 'Du har rätt, uppgifterna är offentliga.')
    expect(overturned.location).toBe('/moderering')
    expect(flashOf(overturned)).toEqual({ message: 'Överklagandet är avgjort: beslutet är ändrat. Medlemmen har fått besked.', tone: 'success' })
    expect((await prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('visible')
    expect(await prisma.appeal.findUniqueOrThrow({ where: { id: queued?.id } })).toMatchObject({
      status: 'overturned',
      decidedById: moderator.id,
      response: 'Du har rätt, uppgifterna är offentliga.',
    })
    expect((await decide(moderatorBrowser, queued?.id ?? '', 'appeal-uphold', 'Ångrar mig.')).status).toBe(409)
    expect((await openAppeals(moderatorBrowser)).some((item) => item.id === queued?.id)).toBe(false)

    const notifications = await call(() => notificationsLoader(routeArgs(authorBrowser.get('/notiser'))))
    expect((notifications.data as { notifications: Array<{ text: string; reason: string | null }> }).notifications[0]).toMatchObject({
      text: 'Ditt överklagande är prövat: beslutet är ändrat.',
      reason: 'Du har rätt, uppgifterna är offentliga.',
    })
    const mail = await mailbox.waitFor(authorRow.email, (message) => message.subject === 'Ditt överklagande i Samverka är prövat')
    expect(mail.text).toContain('Beslutet är ändrat.')
    expect(mail.text).toContain('Motivering: Du har rätt, uppgifterna är offentliga.')
    expect((await appealPage(authorBrowser, hidden.id)).data).toMatchObject({
      appeal: { status: 'overturned', response: 'Du har rätt, uppgifterna är offentliga.' },
    })
  })
})

describe('appealing a suspension without signing in', () => {
  test('the e-mail’s signed link works; forged, foreign and expired tokens are refused; upheld, then overturned on a second decision', async () => {
    const member = await insertMember(prisma, { name: 'Sune Spärrad' })
    const { auditLogId } = await decideMember(moderator, { userId: member.id, decision: 'suspend', reason: 'Trakasserier.' })
    const mail = await mailbox.waitFor(member.email)
    const link = new URL(mail.text.match(/Överklaga beslutet: (\S+)/)?.[1] ?? '')
    expect(link.pathname).toBe(`/overklaga/${auditLogId}`)
    const token = link.searchParams.get('token') ?? ''
    const anonymous = new Browser()

    expect((await appealPage(anonymous, auditLogId, `?token=${token}`)).status).toBe(200)
    expect((await appealPage(anonymous, auditLogId, `?token=${token.slice(0, -2)}xx`)).status).toBe(400)
    const other = await decideMember(moderator, { userId: (await insertMember(prisma)).id, decision: 'suspend', reason: 'Annat.' })
    expect((await appealPage(anonymous, other.auditLogId, `?token=${token}`)).status).toBe(400)
    const expired = createAppealToken({ userId: member.id, auditLogId }, new Date(Date.now() - 40 * 24 * 3600_000))
    expect((await appealPage(anonymous, auditLogId, `?token=${expired}`)).status).toBe(410)
    expect((await appeal(anonymous, auditLogId, 'Jag blev missförstådd.', `?token=${expired}`)).status).toBe(400)
    // Without a token, an anonymous visitor is sent to sign in.
    expect((await appealPage(anonymous, auditLogId)).location).toMatch(/^\/logga-in/)

    expect((await appeal(anonymous, auditLogId, 'Jag blev missförstådd.', `?token=${token}`)).status).toBe(302)
    expect((await appeal(anonymous, auditLogId, 'Igen.', `?token=${token}`)).status).toBe(409)

    const [queued] = (await openAppeals(moderatorBrowser)).filter((item) => item.member.name === 'Sune Spärrad')
    const upheld = await decide(moderatorBrowser, queued?.id ?? '', 'appeal-uphold', 'Beslutet står fast efter granskning.')
    expect(upheld.location).toBe('/moderering')
    expect(flashOf(upheld)).toEqual({ message: 'Överklagandet är avgjort: beslutet står fast. Medlemmen har fått besked.', tone: 'success' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('suspended')
    expect((await mailbox.waitFor(member.email, (message) => message.subject === 'Ditt överklagande i Samverka är prövat')).text).toContain(
      'Beslutet står fast.',
    )
    expect(await prisma.auditLog.findFirst({ where: { action: 'appeal.upheld', targetId: queued?.id }, select: { reason: true } })).toEqual({
      reason: 'Beslutet står fast efter granskning.',
    })
  })

  test('an overturned suspension reinstates the member', async () => {
    const member = await insertMember(prisma, { name: 'Siri Återinsatt' })
    const { auditLogId } = await decideMember(moderator, { userId: member.id, decision: 'suspend', reason: 'Misstänkt spam.' })
    const token = createAppealToken({ userId: member.id, auditLogId })
    expect((await appeal(new Browser(), auditLogId, 'Det var inte spam.', `?token=${token}`)).status).toBe(302)
    const [queued] = (await openAppeals(moderatorBrowser)).filter((item) => item.member.name === 'Siri Återinsatt')
    expect((await decide(moderatorBrowser, queued?.id ?? '', 'appeal-overturn', 'Det var ett misstag.')).status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active')
    const actions = await prisma.auditLog.findMany({
      where: { targetId: { in: [member.id, queued?.id ?? ''] } },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    })
    expect(actions.map((row) => row.action)).toEqual(['member.suspended', 'appeal.created', 'member.reinstated', 'appeal.overturned'])
  })
})

describe('one decision, one e-mail', () => {
  test('an overturned appeal about content restores it and tells the author once, saying what is visible again', async () => {
    const author = await insertActor(prisma, { name: 'Olle Ettbrev' })
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: author.id }, select: { email: true } })
    const { id: postId } = await createProject(author, buildProjectInput('Projekt om vinterdäck'))
    await hideContent(moderator, { targetType: 'post', targetId: postId, reason: 'Reklam.' })
    const hidden = await prisma.auditLog.findFirstOrThrow({ where: { action: 'content.hidden', targetId: postId } })
    expect((await appeal(await signedIn(author.id), hidden.id, 'Det är ingen reklam.')).status).toBe(302)
    const row = await prisma.appeal.findFirstOrThrow({ where: { userId: author.id } })
    mailbox.clear()

    await decideAppeal(moderator, { appealId: row.id, outcome: 'overturned', response: 'Vi höll inte med oss själva.' })
    await sendPendingEmails()
    expect((await prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('visible')
    const mails = mailbox.messages.filter((mail) => mail.to.includes(email))
    expect(mails.map((mail) => mail.subject)).toEqual(['Ditt överklagande i Samverka är prövat'])
    expect(mails[0]?.text).toContain('Beslutet är ändrat. Ditt inlägg ”Projekt om vinterdäck” syns igen för alla medlemmar.')
    expect(mails[0]?.text).toMatch(new RegExp(`Visa innehållet: http://localhost:3000/projekt/${postId}`))
  })

  test('two moderators decide the same appeal at once: one wins, the other gets 409 with nothing reversed, and the member gets one e-mail', async () => {
    const other = await insertActor(prisma, { name: 'Maja Moderator', role: 'moderator' })
    const member = await insertMember(prisma, { name: 'Tove Tvåfaldig' })
    const { auditLogId } = await decideMember(moderator, { userId: member.id, decision: 'suspend', reason: 'Hot i en kommentar.' })
    expect((await appeal(new Browser(), auditLogId, 'Det var ett citat.', `?token=${createAppealToken({ userId: member.id, auditLogId })}`)).status).toBe(302)
    const row = await prisma.appeal.findFirstOrThrow({ where: { userId: member.id } })
    mailbox.clear()

    const [overturn, uphold] = await Promise.allSettled([
      decideAppeal(moderator, { appealId: row.id, outcome: 'overturned', response: 'Citatet framgår av sammanhanget.' }),
      decideAppeal(other, { appealId: row.id, outcome: 'upheld', response: 'Hot är hot, även citerade.' }),
    ])
    const settled = [overturn, uphold]
    expect(settled.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const lost = settled.find((result) => result.status === 'rejected')
    expect(lost?.reason).toBeInstanceOf(Response)
    expect((lost?.reason as Response).status).toBe(409)

    const overturned = overturn.status === 'fulfilled'
    expect((await prisma.appeal.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(overturned ? 'overturned' : 'upheld')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe(overturned ? 'active' : 'suspended')
    expect(await prisma.auditLog.count({ where: { action: 'member.reinstated', targetId: member.id } })).toBe(overturned ? 1 : 0)
    expect(await prisma.auditLog.count({ where: { action: { in: ['appeal.upheld', 'appeal.overturned'] }, targetId: row.id } })).toBe(1)
    await sendPendingEmails()
    const mails = mailbox.messages.filter((mail) => mail.to.includes(member.email))
    expect(mails.map((mail) => mail.subject)).toEqual(['Ditt överklagande i Samverka är prövat'])
    expect(mails[0]?.text).toContain(overturned ? 'Beslutet är ändrat. Ditt konto är aktivt igen.' : 'Beslutet står fast.')
  })
})

describe('appealing a warning', () => {
  test('overturned: the warning is withdrawn (the banner goes) and the withdrawal is audited', async () => {
    const member = await insertActor(prisma, { name: 'Wilma Varnad' })
    const browser = await signedIn(member.id)
    const { auditLogId } = await warnMember(moderator, { userId: member.id, message: 'Undvik personangrepp.' })
    expect((await appeal(browser, auditLogId, 'Jag citerade bara någon annan.')).status).toBe(302)
    const [queued] = (await openAppeals(moderatorBrowser)).filter((item) => item.member.name === 'Wilma Varnad')
    expect((await decide(moderatorBrowser, queued?.id ?? '', 'appeal-overturn', 'Vi läste fel.')).status).toBe(302)
    expect(await prisma.memberWarning.count({ where: { userId: member.id, acknowledgedAt: null } })).toBe(0)
    expect(await prisma.auditLog.findFirst({ where: { action: 'member.warning-withdrawn', targetId: member.id }, select: { reason: true } })).toEqual({
      reason: 'Vi läste fel.',
    })
  })
})

describe('moderators only', () => {
  test('a member cannot decide appeals (403), nor read the queue', async () => {
    const member = await insertActor(prisma)
    const { auditLogId } = await warnMember(moderator, { userId: member.id, message: 'Håll dig till ämnet.' })
    const memberBrowser = await signedIn(member.id)
    expect((await appeal(memberBrowser, auditLogId, 'Jag höll mig till ämnet.')).status).toBe(302)
    const row = await prisma.appeal.findFirstOrThrow({ where: { userId: member.id } })
    expect((await decide(memberBrowser, row.id, 'appeal-overturn', 'Jag bestämmer själv.')).status).toBe(403)
    expect((await call(() => queueLoader(routeArgs(memberBrowser.get('/moderering'))))).status).toBe(403)
    expect((await prisma.appeal.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('open')
    // CSRF: without the token even a moderator is refused.
    expect(
      (
        await call(() =>
          queueAction(routeArgs(moderatorBrowser.post('/moderering', { intent: 'appeal-uphold', appealId: row.id, response: 'Står fast.' }, { csrf: false }))),
        )
      ).status,
    ).toBe(403)
    // A decision that cannot be appealed (e.g. an approval) is not found.
    const approved = await prisma.auditLog.create({ data: { actorName: 'Mats Moderator', action: 'member.approved', targetType: 'user', targetId: member.id } })
    expect((await appeal(memberBrowser, approved.id, 'Varför?')).status).toBe(404)
  })
})
