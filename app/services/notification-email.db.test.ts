import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument, type RichTextDocument, RichTextDocumentSchema } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { action as unsubscribe } from '#app/routes/notiser_.avsluta.tsx'
import { mailDomain } from '#app/utils/email.server.ts'
import { init } from '#app/utils/env.server.ts'
import { buildProjectInput, insertActor } from '#tests/factories.ts'
import { type Mailbox, rawHeader, type ReceivedMail, startMailbox } from '#tests/mailbox.ts'
import { call, routeArgs } from '#tests/request.ts'
import { hideContent } from './content-moderation.server.ts'
import { sendPendingEmails } from './email-outbox.server.ts'
import { addComment } from './engagement.server.ts'
import { follow } from './follow.server.ts'
import { markNotificationsRead } from './notification.server.ts'
import { sendDueNotificationEmails } from './notification-email.server.ts'
import { createProject } from './post.server.ts'
import { acceptAnswer, answerQuestion, askQuestion } from './question.server.ts'

const { prisma } = database
const MINUTE = 60 * 1000
const BASE = 'http://localhost:3000'
/** A clock past the batching window (EMAIL_NOTIFICATION_DELAY_SECONDS, 300 by default). */
const ahead = (ms: number) => () => new Date(Date.now() + ms)
const afterWindow = () => sendDueNotificationEmails({ clock: ahead(6 * MINUTE) })

const actor = (overrides: Parameters<typeof insertActor>[1] = {}) => insertActor(prisma, overrides)
const emailOf = async (member: Actor) => (await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { email: true } })).email
const ask = (asker: Actor, title: string) => askQuestion(asker, { title, body: plainTextToDocument('?'), tags: [] })
const answer = (answerer: Actor, questionId: string, text = 'Så här gjorde vi.') => answerQuestion(answerer, questionId, plainTextToDocument(text))

function mentioning(member: Actor): RichTextDocument {
  return RichTextDocumentSchema.parse({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Fråga ' },
          { type: 'mention', attrs: { id: member.id, label: member.name } },
        ],
      },
    ],
  })
}

const useMailbox = (box: Mailbox) => {
  process.env.SMTP_URL = box.url
  init()
}

afterEach(() => {
  useMailbox(mailbox)
  mailbox.clear()
})

async function mailsTo(member: Actor, box: Mailbox = mailbox): Promise<ReceivedMail[]> {
  const email = await emailOf(member)
  return box.messages.filter((mail) => mail.to.includes(email))
}

const thread = (postId: string) => `<thread.${postId}@${mailDomain()}>`

let asker: Actor
let answerer: Actor
let moderator: Actor

beforeAll(async () => {
  asker = await actor({ name: 'Agnes Asker' })
  answerer = await actor({ name: 'Sven Svarare' })
  moderator = await actor({ name: 'Maja Moderator', role: 'moderator' })
})

describe('each kind becomes one e-mail to the right member, after the batching window', () => {
  test('an answer: to the asker, linking to the answer, threaded on the question, with one-click unsubscribe', async () => {
    const question = await ask(asker, 'Hur ordnar ni skolskjuts?')
    const reply = await answer(answerer, question.id)
    expect(await sendDueNotificationEmails()).toMatchObject({ batches: 0, emails: 0 })
    expect(await afterWindow()).toMatchObject({ batches: 1, emails: 1, sent: 1 })
    expect(await afterWindow()).toMatchObject({ batches: 0, emails: 0 })

    const [mail, ...more] = await mailsTo(asker)
    expect(more).toEqual([])
    expect(await mailsTo(answerer)).toEqual([])
    expect(mail?.subject).toBe('Samverka: Hur ordnar ni skolskjuts?')
    const link = `${BASE}/fragor/${question.id}#svar-${reply.id}`
    expect(mail?.text).toContain('Sven Svarare svarade på din fråga ”Hur ordnar ni skolskjuts?”.')
    expect(mail?.text).toContain(link)
    expect(mail?.html).toContain(`href="${link}"`)
    expect(mail?.html).toContain('<html lang="sv">')
    expect(mail?.headers.get('in-reply-to')).toBe(thread(question.id))
    expect(String(mail?.headers.get('references'))).toBe(thread(question.id))
    expect(mail?.headers.get('message-id')).toMatch(new RegExp(`^<email\\.[a-z0-9]+@${mailDomain().replaceAll('.', '\\.')}>$`))
    expect(mail && rawHeader(mail, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/notiser\/avsluta\?token=[^>]+>, <mailto:[^>]+>$/)
    expect(mail && rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(
      await prisma.notification.findFirstOrThrow({ where: { userId: asker.id, subjectId: reply.id }, select: { mailPending: true, mailedAt: true } }),
    ).toEqual({
      mailPending: false,
      mailedAt: expect.any(Date),
    })
  })

  test('a comment: to the post author, linking to the comment', async () => {
    const owner = await actor({ name: 'Olle Ägare' })
    const post = await createProject(owner, buildProjectInput('Gemensam växel'))
    const comment = await addComment(answerer, post.id, 'Intressant!')
    await afterWindow()
    const [mail, ...more] = await mailsTo(owner)
    expect(more).toEqual([])
    expect(mail?.text).toContain('Sven Svarare kommenterade ”Gemensam växel”.')
    expect(mail?.text).toContain(`${BASE}/projekt/${post.id}#kommentar-${comment?.id}`)
  })

  test('an accepted answer: to its author', async () => {
    const author = await actor({ name: 'Vera Vald' })
    const question = await ask(asker, 'Vilket e-arkiv valde ni?')
    const reply = await answer(author, question.id)
    await acceptAnswer(asker, question.id, reply.id)
    await afterWindow()
    const [mail, ...more] = await mailsTo(author)
    expect(more).toEqual([])
    expect(mail?.text).toContain('Agnes Asker valde ditt svar på ”Vilket e-arkiv valde ni?” som det bästa svaret.')
    expect(mail?.text).toContain(`${BASE}/fragor/${question.id}#svar-${reply.id}`)
  })

  test('a mention: to the member mentioned', async () => {
    const anna = await actor({ name: 'Anna Nämnd' })
    const question = await askQuestion(asker, { title: 'Vem kan e-arkiv bäst?', body: mentioning(anna), tags: [] })
    await afterWindow()
    const [mail, ...more] = await mailsTo(anna)
    expect(more).toEqual([])
    expect(mail?.text).toContain('Agnes Asker nämnde dig i ”Vem kan e-arkiv bäst?”.')
    expect(mail?.text).toContain(`${BASE}/fragor/${question.id}`)
  })

  test('new answers on a followed question: only for a member who turned them on (off by default)', async () => {
    const question = await ask(asker, 'Hur löser ni larm i hemtjänsten?')
    const [keen, quiet] = [await actor({ name: 'Kim Intresserad' }), await actor({ name: 'Tove Tyst' })]
    await prisma.user.update({ where: { id: keen.id }, data: { notificationMailKinds: { push: 'following' } } })
    for (const member of [keen, quiet]) await follow(member, { type: 'post', key: question.id })
    await answer(answerer, question.id)
    await afterWindow()
    const [mail, ...more] = await mailsTo(keen)
    expect(more).toEqual([])
    expect(mail?.text).toContain('Nytt i det du följer: ”Hur löser ni larm i hemtjänsten?”.')
    expect(await mailsTo(quiet)).toEqual([])
  })
})

describe('never spammed', () => {
  test('three answers within the window become one e-mail listing them', async () => {
    const question = await ask(asker, 'Hur hanterar ni personlig assistans?')
    const answerers = [answerer, await actor({ name: 'Bo Bidrar' }), await actor({ name: 'Cilla Citerar' })]
    for (const member of answerers) await answer(member, question.id)
    expect(await afterWindow()).toMatchObject({ batches: 1, emails: 1, sent: 1 })
    const [mail, ...more] = await mailsTo(asker)
    expect(more).toEqual([])
    expect(mail?.text.match(/svarade på din fråga/g)).toHaveLength(3)
    expect(mail?.subject).toBe('Samverka: Hur hanterar ni personlig assistans?')
  })

  test('read in the app before the send: no e-mail', async () => {
    const question = await ask(asker, 'Läst redan?')
    await answer(answerer, question.id)
    await markNotificationsRead(asker, 'all')
    expect(await afterWindow()).toMatchObject({ batches: 1, emails: 0 })
    expect(await mailsTo(asker)).toEqual([])
  })

  test('hidden by a moderator in between: no e-mail', async () => {
    const question = await ask(asker, 'Dolt svar?')
    const reply = await answer(answerer, question.id, 'Något olämpligt.')
    await hideContent(moderator, { targetType: 'answer', targetId: reply.id, reason: 'Olämpligt.' })
    await afterWindow()
    expect(await mailsTo(asker)).toEqual([])
  })

  test('own actions: nothing, neither for an own comment nor a self-mention', async () => {
    const owner = await actor({ name: 'Siv Själv' })
    const post = await createProject(owner, buildProjectInput('Eget projekt'))
    await addComment(owner, post.id, 'Min egen kommentar.')
    await askQuestion(owner, { title: 'Nämner mig själv', body: mentioning(owner), tags: [] })
    await afterWindow()
    expect(await mailsTo(owner)).toEqual([])
  })

  test('a kind turned off, a suspended member and an address that stopped taking e-mail: nothing', async () => {
    const off = await actor({ name: 'Av Stängd' })
    const suspended = await actor({ name: 'Avstängd Person' })
    const stopped = await actor({ name: 'Studsar Adress' })
    await prisma.user.update({ where: { id: off.id }, data: { notificationMailKinds: ['comment'] } })
    await prisma.user.update({ where: { id: stopped.id }, data: { digestStoppedReason: 'e-postservern avvisade brevet 3 gånger i rad.' } })
    for (const member of [off, suspended, stopped]) await answer(answerer, (await ask(member, `Fråga av ${member.name}`)).id)
    await prisma.user.update({ where: { id: suspended.id }, data: { status: 'suspended' } })
    await afterWindow()
    for (const member of [off, suspended, stopped]) expect(await mailsTo(member)).toEqual([])
  })
})

describe('delivery', () => {
  test('SMTP down (451) then up: the e-mail waits in the outbox and is delivered once', async () => {
    const down = { now: true }
    const box = await startMailbox({ refuse: () => (down.now ? { code: 451, message: 'Try again later' } : undefined) })
    useMailbox(box)
    const question = await ask(asker, 'Servern nere?')
    await answer(answerer, question.id)
    expect(await afterWindow()).toMatchObject({ emails: 1, sent: 0, retrying: 1 })
    down.now = false
    expect(await sendPendingEmails({ clock: ahead(30 * MINUTE) })).toMatchObject({ sent: 1 })
    expect(await sendPendingEmails({ clock: ahead(90 * MINUTE) })).toMatchObject({ sent: 0 })
    expect(await afterWindow()).toMatchObject({ batches: 0, emails: 0 })
    const mails = await mailsTo(asker, box)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.subject).toBe('Samverka: Servern nere?')
    await box.close()
  })

  test('two senders at once: one e-mail', async () => {
    const question = await ask(asker, 'Två avsändare?')
    await answer(answerer, question.id)
    const reports = await Promise.all([afterWindow(), afterWindow()])
    expect(reports.reduce((sum, report) => sum + report.emails, 0)).toBe(1)
    expect(await mailsTo(asker)).toHaveLength(1)
  })

  test('mails about one question thread together; a mail about several posts starts its own thread', async () => {
    const member = await actor({ name: 'Tråd Följare' })
    const first = await ask(member, 'Första tråden')
    const second = await ask(member, 'Andra tråden')
    await answer(answerer, first.id)
    await afterWindow()
    await answer(await actor(), first.id)
    await afterWindow()
    await answer(answerer, first.id, 'Ett till.')
    await answer(answerer, second.id)
    await afterWindow()
    const mails = await mailsTo(member)
    expect(mails.map((mail) => mail.headers.get('in-reply-to'))).toEqual([thread(first.id), thread(first.id), undefined])
    expect(mails.map((mail) => mail.subject)).toEqual(['Samverka: Första tråden', 'Samverka: Första tråden', 'Samverka: 2 nya notiser'])
  })
})

describe('unsubscribe', () => {
  test('the one-click POST without a cookie turns off only the kind the e-mail was about', async () => {
    const member = await actor({ name: 'Ulla Utträde' })
    const question = await ask(member, 'Avsluta svar?')
    await answer(answerer, question.id)
    await afterWindow()
    const [mail] = await mailsTo(member)
    const url = /^<([^>]+)>/.exec((mail && rawHeader(mail, 'List-Unsubscribe')) ?? '')?.[1] ?? ''
    const result = await call(() =>
      unsubscribe(routeArgs(new Request(url, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) }))),
    )
    expect(result.status).toBe(200)
    const { notificationMailKinds } = await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { notificationMailKinds: true } })
    expect(notificationMailKinds).toEqual(['comment', 'accepted', 'mention'])

    mailbox.clear()
    await answer(await actor(), question.id)
    await afterWindow()
    expect(await mailsTo(member)).toEqual([])
  })
})
