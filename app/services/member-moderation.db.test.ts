import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { beforeEach, describe, expect, test } from 'vitest'
import { insertActor, insertMember } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { loader as rootLoader } from '#app/root.tsx'
import { action as memberAction, loader as memberLoader } from '#app/routes/medlemmar.$userId.tsx'
import { action as acknowledgeAction } from '#app/routes/varningar.$warningId.tsx'
import { loader as notificationsLoader } from '#app/routes/notiser.tsx'
import { finishSignIn } from '#app/services/sign-in.server.ts'
import { getUser } from '#app/utils/auth.server.ts'
import { stockholmDate } from '#app/utils/stockholm-date.ts'
import type { Actor } from '#app/policies/member.ts'
import { runMaintenance } from './maintenance.server.ts'

const { prisma } = database

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

/** YYYY-MM-DD `days` from today in Stockholm. */
const day = (days: number) => stockholmDate(new Date(Date.now() + days * 24 * 3600_000))

type Notice = { text: string; reason: string | null; appealHref: string | null }
async function notices(browser: Browser) {
  const result = await call(() => notificationsLoader(routeArgs(browser.get('/notiser'))))
  return (result.data as { notifications: Notice[] }).notifications
}

let moderator: Actor
let moderatorBrowser: Browser

beforeEach(async () => {
  mailbox.clear()
  moderator ??= await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' })
  // A fresh session: a test may run the maintenance far in the future, which ends them all.
  moderatorBrowser = await signedIn(moderator.id)
})

const act = (browser: Browser, userId: string, fields: Record<string, string>) =>
  call(() => memberAction(routeArgs(browser.post(`/medlemmar/${userId}`, { userId, ...fields }), { userId })))

describe('warning a member', () => {
  test('the member sees the warning on every page until they acknowledge it; notice and e-mail link to the appeal', async () => {
    const member = await insertMember(prisma, { name: 'Vera Varnad' })
    const browser = await signedIn(member.id)

    expect((await act(moderatorBrowser, member.id, { intent: 'warn', message: '' })).status).toBe(400)
    const warned = await act(moderatorBrowser, member.id, { intent: 'warn', message: 'Håll god ton i diskussionerna.' })
    expect(warned.location).toBe(`/medlemmar/${member.id}`)
    expect(flashOf(warned)).toEqual({ message: 'Varningen är skickad. Medlemmen ser den på varje sida tills hen har läst den.', tone: 'success' })

    const root = await call(() => rootLoader(routeArgs(browser.get('/projekt'))))
    const warning = (root.data as { warning: { id: string; message: string } | null }).warning
    expect(warning?.message).toBe('Håll god ton i diskussionerna.')

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'member.warned', targetId: member.id } })
    expect(audit).toMatchObject({ actorName: 'Mona Moderator', reason: 'Håll god ton i diskussionerna.' })
    expect(await notices(browser)).toEqual([
      expect.objectContaining({
        text: 'En moderator har gett dig en varning.',
        reason: 'Håll god ton i diskussionerna.',
        appealHref: `/overklaga/${audit.id}`,
      }),
    ])
    const mail = await mailbox.waitFor(member.email)
    expect(mail.subject).toBe('Du har fått en varning i Samverka')
    expect(mail.text).toContain('Motivering: Håll god ton i diskussionerna.')
    expect(mail.text).toMatch(new RegExp(`Överklaga beslutet: http://localhost:3000/overklaga/${audit.id}\\?token=`))

    // Someone else cannot acknowledge it; the CSRF token is required.
    const other = await signedIn((await insertMember(prisma)).id)
    await call(() => acknowledgeAction(routeArgs(other.post(`/varningar/${warning?.id}`, { redirectTo: '/' }), { warningId: warning?.id ?? '' })))
    expect(
      (
        await call(() =>
          acknowledgeAction(routeArgs(browser.post(`/varningar/${warning?.id}`, { redirectTo: '/' }, { csrf: false }), { warningId: warning?.id ?? '' })),
        )
      ).status,
    ).toBe(403)
    expect((await prisma.memberWarning.findUniqueOrThrow({ where: { id: warning?.id } })).acknowledgedAt).toBeNull()

    const acknowledged = await call(() =>
      acknowledgeAction(routeArgs(browser.post(`/varningar/${warning?.id}`, { redirectTo: '/fragor' }), { warningId: warning?.id ?? '' })),
    )
    expect(acknowledged.location).toBe('/fragor')
    const after = await call(() => rootLoader(routeArgs(browser.get('/'))))
    expect((after.data as { warning: unknown }).warning).toBeNull()
  })
})

describe('suspending a member', () => {
  test('for a period: all sessions end at once, sign-in is refused with the last day, and the expiry lifts it', async () => {
    const member = await insertMember(prisma, { name: 'Sam Avstängd' })
    const phone = await signedIn(member.id)
    const laptop = await signedIn(member.id)
    const until = day(7)

    expect((await act(moderatorBrowser, member.id, { intent: 'suspend', reason: 'Spam i flera trådar.', until: '2026-02-30' })).status).toBe(400)
    expect((await act(moderatorBrowser, member.id, { intent: 'suspend', reason: 'Spam i flera trådar.', until: day(-2) })).status).toBe(400)
    const suspended = await act(moderatorBrowser, member.id, { intent: 'suspend', reason: 'Spam i flera trådar.', until })
    expect(suspended.status).toBe(302)

    expect(await getUser(phone.get('/'))).toBeNull()
    expect(await getUser(laptop.get('/'))).toBeNull()
    expect(await prisma.session.count({ where: { userId: member.id } })).toBe(0)
    const row = await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { status: true, suspendedUntil: true } })
    expect(row.status).toBe('suspended')
    expect(stockholmDate(new Date((row.suspendedUntil?.getTime() ?? 0) - 1))).toBe(until)

    const mail = await mailbox.waitFor(member.email)
    expect(mail.subject).toBe('Ditt konto i Samverka är avstängt')
    expect(mail.text).toContain('Avstängningen gäller till och med')
    expect(mail.text).toContain('Överklaga beslutet: http://localhost:3000/overklaga/')

    // Sign-in is refused: the sign-in page says so once, with the last day, as a notice.
    const visitor = new Browser()
    const refused = await call(() => finishSignIn(visitor.get('/logga-in/kod'), member.email, undefined), visitor)
    expect(refused.location).toBe('/logga-in')
    const signInPage = await call(() => rootLoader(routeArgs(visitor.get('/logga-in'))), visitor)
    expect((signInPage.data as { flash: unknown }).flash).toEqual({
      message: expect.stringMatching(/^Ditt konto är avstängt till och med \d+ \p{L}+ \d{4} och du kan inte logga in förrän dagen efter\./u),
      tone: 'notice',
    })
    const reloaded = await call(() => rootLoader(routeArgs(visitor.get('/logga-in'))), visitor)
    expect((reloaded.data as { flash: unknown }).flash).toBeNull()

    // The hourly maintenance lifts it once the last day is over, with an audit row, a notice and an e-mail.
    mailbox.clear()
    await runMaintenance(new Date(Date.now() - 3600_000))
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('suspended')
    await runMaintenance(new Date(Date.now() + 9 * 24 * 3600_000))
    expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { status: true, suspendedUntil: true } })).toEqual({
      status: 'active',
      suspendedUntil: null,
    })
    expect(await prisma.auditLog.findFirst({ where: { action: 'member.suspension-ended', targetId: member.id }, select: { actorName: true } })).toEqual({
      actorName: 'Systemet',
    })
    expect((await mailbox.waitFor(member.email)).subject).toBe('Din avstängning från Samverka har upphört')
  })

  test('an expired suspension also lifts itself when the member signs in', async () => {
    const member = await insertMember(prisma, { status: 'suspended', suspendedUntil: new Date(Date.now() - 60_000) })
    const signIn = await finishSignIn(new Browser().get('/'), member.email, '/fragor')
    expect(signIn.headers.get('Location')).toBe('/fragor')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active')
    expect(await prisma.auditLog.count({ where: { action: 'member.suspension-ended', targetId: member.id } })).toBe(1)
  })

  test('indefinitely, then reinstated: notices and e-mails for both, sign-in says "tills vidare"', async () => {
    const member = await insertMember(prisma, { name: 'Tove Tillsvidare' })
    expect((await act(moderatorBrowser, member.id, { intent: 'suspend', reason: 'Hot mot en annan medlem.', until: '' })).status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).suspendedUntil).toBeNull()
    expect((await mailbox.waitFor(member.email)).text).toContain('Avstängningen gäller tills vidare.')
    const refused = await finishSignIn(new Browser().get('/'), member.email, undefined)
    expect(refused.headers.get('Location')).toBe('/logga-in')
    expect(flashOf(refused)).toEqual({
      message: 'Ditt konto är avstängt tills vidare och du kan inte logga in. Kontakta moderatorerna om du har frågor.',
      tone: 'notice',
    })
    await runMaintenance(new Date(Date.now() + 365 * 24 * 3600_000))
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('suspended')

    mailbox.clear()
    moderatorBrowser = await signedIn(moderator.id) // the maintenance a year ahead ended every session
    expect((await act(moderatorBrowser, member.id, { intent: 'reinstate', reason: 'Har bett om ursäkt.' })).status).toBe(302)
    expect((await mailbox.waitFor(member.email)).subject).toBe('Ditt konto i Samverka är aktivt igen')
    const browser = await signedIn(member.id)
    expect(await notices(browser)).toEqual([
      expect.objectContaining({ text: 'En moderator har återaktiverat ditt konto.', reason: 'Har bett om ursäkt.', appealHref: null }),
      expect.objectContaining({
        text: 'En moderator stängde av ditt konto tills vidare.',
        reason: 'Hot mot en annan medlem.',
        appealHref: expect.stringMatching(/^\/overklaga\//),
      }),
    ])
    expect((await act(moderatorBrowser, member.id, { intent: 'reinstate', reason: '' })).status).toBe(409)
  })

  test('approving a pending member makes a notice too', async () => {
    const member = await insertMember(prisma, { status: 'pending' })
    expect((await act(moderatorBrowser, member.id, { intent: 'approve', reason: '' })).status).toBe(302)
    const browser = await signedIn(member.id)
    expect((await notices(browser)).map((notice) => notice.text)).toEqual(['En moderator har godkänt ditt konto.'])
  })
})

describe('moderators only', () => {
  test('a member gets 403 on every member action and never sees the history', async () => {
    const target = await insertMember(prisma)
    const member = await signedIn((await insertMember(prisma)).id)
    const actions: Record<string, string>[] = [
      { intent: 'warn', message: 'Skärp dig.' },
      { intent: 'suspend', reason: 'Ingen anledning.', until: '' },
      { intent: 'reinstate', reason: '' },
    ]
    for (const fields of actions) {
      expect((await act(member, target.id, fields)).status).toBe(403)
    }
    expect(await prisma.auditLog.count({ where: { targetId: target.id } })).toBe(0)
    const page = await call(() => memberLoader(routeArgs(member.get(`/medlemmar/${target.id}`), { userId: target.id })))
    expect((page.data as { history: unknown }).history).toBeNull()
    // Without the CSRF token even a moderator is refused.
    expect(
      (
        await call(() =>
          memberAction(
            routeArgs(moderatorBrowser.post(`/medlemmar/${target.id}`, { userId: target.id, intent: 'warn', message: 'Hej hej hej' }, { csrf: false }), {
              userId: target.id,
            }),
          ),
        )
      ).status,
    ).toBe(403)
  })

  test('moderators see the history: decisions, warnings and reports about the member and their content', async () => {
    const target = await insertMember(prisma, { name: 'Hanna Historik' })
    const reporter = await insertMember(prisma)
    await prisma.report.create({
      data: { reporterId: reporter.id, targetType: 'member', targetId: target.id, targetUserId: target.id, reason: 'spam', details: 'Säljer konsulttjänster.' },
    })
    expect((await act(moderatorBrowser, target.id, { intent: 'warn', message: 'Ingen reklam, tack.' })).status).toBe(302)
    const page = await call(() => memberLoader(routeArgs(moderatorBrowser.get(`/medlemmar/${target.id}`), { userId: target.id })))
    const history = (
      page.data as {
        history: {
          decisions: Array<{ label: string }>
          warnings: Array<{ message: string; acknowledged: string | null }>
          reports: Array<{ target: string; reason: string; details: string }>
        }
      }
    ).history
    expect(history.decisions.map((decision) => decision.label)).toEqual(['Medlem varnad'])
    expect(history.warnings).toEqual([expect.objectContaining({ message: 'Ingen reklam, tack.', acknowledged: null })])
    expect(history.reports).toEqual([expect.objectContaining({ target: 'Medlemmen', reason: 'Spam eller reklam', details: 'Säljer konsulttjänster.' })])
  })
})
