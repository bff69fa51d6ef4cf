import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertMember } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { action as queueAction, loader as queueLoader } from './moderering.tillganglighet.tsx'
import { action as reportAction } from './tillganglighet.tsx'

const { prisma } = database
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

let member: { id: string; name: string }
let memberBrowser: Browser
let moderator: { id: string; name: string }
let moderatorBrowser: Browser

beforeAll(async () => {
  member = await insertMember(prisma, { name: 'Maja Medlem' })
  memberBrowser = await signedIn(member.id)
  moderator = await insertMember(prisma, { name: 'Moa Moderator', role: 'moderator' })
  moderatorBrowser = await signedIn(moderator.id)
})

const report = (browser: Browser, fields: Record<string, string>, options?: Parameters<Browser['post']>[2]) =>
  call(() => reportAction(routeArgs(browser.post('/tillganglighet', fields, options))), browser)

const resolve = (browser: Browser, reportId: string) => call(() => queueAction(routeArgs(browser.post('/moderering/tillganglighet', { reportId }))), browser)

type QueueData = { reports: Array<{ id: string; description: string; replyTo: string | null; reporter: { name: string } | null }> }

describe('reporting an accessibility problem', () => {
  test('an anonymous visitor reports with a reply address; a member without one', async () => {
    const description = `Knappen går inte att nå med tangentbordet ${unique()}`
    const anonymous = await report(new Browser(), { pageUrl: '/fragor/ny', description, email: 'Besok@Example.se' })
    expect(anonymous.location).toBe('/tillganglighet')
    expect(flashOf(anonymous)).toEqual({ message: 'Tack! Vi har tagit emot din rapport och en moderator tittar på den.', tone: 'success' })
    expect(await prisma.accessibilityReport.findFirst({ where: { description }, select: { reporterId: true, email: true, pageUrl: true } })).toEqual({
      reporterId: null,
      email: 'besok@example.se',
      pageUrl: '/fragor/ny',
    })

    const signedInDescription = `Kontrasten på länkar är låg ${unique()}`
    const fromMember = await report(memberBrowser, { description: signedInDescription, email: 'ignoreras@example.se' })
    expect(fromMember.location).toBe('/tillganglighet')
    expect(flashOf(fromMember)).toEqual({ message: 'Tack! Vi har tagit emot din rapport och en moderator tittar på den.', tone: 'success' })
    expect(
      await prisma.accessibilityReport.findFirst({ where: { description: signedInDescription }, select: { reporterId: true, email: true, pageUrl: true } }),
    ).toEqual({
      reporterId: member.id,
      email: null,
      pageUrl: '',
    })
  })

  test('bad input is refused in Swedish and stores nothing', async () => {
    const before = await prisma.accessibilityReport.count()
    const empty = await report(new Browser(), { pageUrl: '/sok', description: '   ' })
    expect(empty.status).toBe(400)
    expect(JSON.stringify(empty.data)).toContain('Beskriv problemet.')
    const long = await report(new Browser(), { description: 'x'.repeat(4001) })
    expect(long.status).toBe(400)
    expect(JSON.stringify(long.data)).toContain('Beskrivningen får vara högst 4000 tecken.')
    const badEmail = await report(new Browser(), { description: 'Det blinkar', email: 'inte-en-adress' })
    expect(badEmail.status).toBe(400)
    expect(JSON.stringify(badEmail.data)).toContain('Det där ser inte ut som en e-postadress.')
    expect((await report(new Browser(), { description: 'Utan token' }, { csrf: false })).status).toBe(403)
    expect((await report(new Browser(), { description: 'En robot', website: 'http://spam.example' })).status).toBe(403)
    expect(await prisma.accessibilityReport.count()).toBe(before)
  })
})

describe("the moderators' accessibility queue", () => {
  test('lists open reports oldest first; marking one as dealt with removes it and is audited', async () => {
    const first = await prisma.accessibilityReport.create({
      data: { description: `Först ${unique()}`, email: 'forst@example.se', createdAt: new Date('2026-01-01T10:00:00Z') },
      select: { id: true },
    })
    const second = await prisma.accessibilityReport.create({
      data: { description: `Sedan ${unique()}`, reporterId: member.id, createdAt: new Date('2026-01-02T10:00:00Z') },
      select: { id: true },
    })
    const queue = (await call(() => queueLoader(routeArgs(moderatorBrowser.get('/moderering/tillganglighet'))))).data as QueueData
    const ids = queue.reports.map((item) => item.id)
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id))
    expect(queue.reports.find((item) => item.id === second.id)).toMatchObject({ reporter: { name: 'Maja Medlem' } })
    expect(queue.reports.find((item) => item.id === first.id)).toMatchObject({ reporter: null, replyTo: 'forst@example.se' })

    const done = await resolve(moderatorBrowser, first.id)
    expect(done.location).toBe('/moderering/tillganglighet')
    expect(flashOf(done)).toEqual({ message: 'Rapporten är markerad som åtgärdad.', tone: 'success' })
    const after = (await call(() => queueLoader(routeArgs(moderatorBrowser.get('/moderering/tillganglighet'))))).data as QueueData
    expect(after.reports.map((item) => item.id)).not.toContain(first.id)
    expect(await prisma.auditLog.findFirst({ where: { action: 'accessibility-report.resolved', targetId: first.id }, select: { actorId: true } })).toEqual({
      actorId: moderator.id,
    })

    const again = await resolve(moderatorBrowser, first.id)
    expect(again.status).toBe(409)
    expect(JSON.stringify(again.data)).toContain('Rapporten är redan markerad som åtgärdad.')
    expect((await resolve(moderatorBrowser, 'finns-inte')).status).toBe(404)
  })

  test('members get 403 on the page and its action; visitors are sent to sign in', async () => {
    const open = await prisma.accessibilityReport.create({ data: { description: 'Öppen' }, select: { id: true } })
    expect((await call(() => queueLoader(routeArgs(memberBrowser.get('/moderering/tillganglighet'))))).status).toBe(403)
    expect((await resolve(memberBrowser, open.id)).status).toBe(403)
    expect((await call(() => queueLoader(routeArgs(new Browser().get('/moderering/tillganglighet'))))).location).toMatch(/^\/logga-in/)
    expect(await prisma.accessibilityReport.findUniqueOrThrow({ where: { id: open.id }, select: { resolvedAt: true } })).toEqual({ resolvedAt: null })
  })
})
