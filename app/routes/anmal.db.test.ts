import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '#app/policies/member.ts'
import { createProject } from '#app/services/post.server.ts'
import { buildProjectInput, insertActor } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { action as reportAction, loader as reportLoader } from './anmal.tsx'
import { listReportCards } from '#app/models/moderation.server.ts'
import { loader as queueLoader } from './moderering._index.tsx'
import { action as contentAction, loader as contentLoader } from './moderering.innehall.tsx'
import { loader as notificationsLoader } from './notiser.tsx'
import { loader as projectLoader } from './projekt.$postId._index.tsx'

const { prisma } = database

async function signedIn(actor: Actor) {
  const browser = new Browser()
  await browser.signInAs(actor.id)
  return browser
}

let author: Actor
let reporter: Actor
let second: Actor
let moderator: Actor
let authorBrowser: Browser
let reporterBrowser: Browser
let secondBrowser: Browser
let moderatorBrowser: Browser

beforeAll(async () => {
  author = await insertActor(prisma, { name: 'Anmäld Författare' })
  reporter = await insertActor(prisma, { name: 'Hemlig Anmälare' })
  second = await insertActor(prisma, { name: 'Andra Anmälaren' })
  moderator = await insertActor(prisma, { name: 'Köns Moderator', role: 'moderator' })
  authorBrowser = await signedIn(author)
  reporterBrowser = await signedIn(reporter)
  secondBrowser = await signedIn(second)
  moderatorBrowser = await signedIn(moderator)
})

const report = (browser: Browser, path: string, fields: Record<string, string>) => call(() => reportAction(routeArgs(browser.post(path, fields))))

type Card = {
  targetType: string
  targetId: string
  reportCount: number
  reasons: Array<{ label: string; count: number }>
  reports: Array<{ details: string; reporter: { name: string } | null }>
}

describe('reporting through /anmal', () => {
  test('the form, the confirmation; reporting twice is one report, reopened; the queue groups reports by target', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt som anmäls två gånger'))
    const path = `/anmal?typ=post&id=${id}`
    const page = await call(() => reportLoader(routeArgs(reporterBrowser.get(path))))
    expect(page.data).toMatchObject({ kind: 'post', title: 'Projekt som anmäls två gånger', backTo: `/projekt/${id}` })

    // Back on the project's page, which thanks the reporter once.
    const sent = await report(reporterBrowser, path, { reason: 'spam', details: '' })
    expect(sent.location).toBe(`/projekt/${id}`)
    expect(flashOf(sent)).toEqual({ message: 'Tack! En moderator tittar på din anmälan.', tone: 'success' })

    await prisma.report.updateMany({ where: { targetId: id }, data: { status: 'dismissed' } })
    await report(reporterBrowser, path, { reason: 'personal_data', details: 'Ett personnummer i texten.' })
    expect(
      await prisma.report.findMany({ where: { targetId: id }, select: { reporterId: true, reason: true, details: true, status: true, targetUserId: true } }),
    ).toEqual([{ reporterId: reporter.id, reason: 'personal_data', details: 'Ett personnummer i texten.', status: 'open', targetUserId: author.id }])
    await report(secondBrowser, path, { reason: 'personal_data', details: '' })

    const queue = await call(() => queueLoader(routeArgs(moderatorBrowser.get('/moderering'))))
    const card = (queue.data as { reportCards: Card[] }).reportCards.find((item) => item.targetId === id)
    expect(card).toMatchObject({ targetType: 'post', reportCount: 2, reasons: [{ label: 'Personuppgifter som inte borde synas', count: 2 }] })
    expect(card?.reports.map((item) => item.reporter?.name)).toEqual(['Hemlig Anmälare', 'Andra Anmälaren'])
  })

  test('bad input: unknown reason, "annat" without a text, too long a text → 400; own content and yourself → 400; unknown target → 404', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt för felaktiga anmälningar'))
    const path = `/anmal?typ=post&id=${id}`
    for (const fields of [
      { reason: 'tråkigt', details: '' },
      { reason: 'other', details: '  ' },
      { reason: 'spam', details: 'x'.repeat(1001) },
    ]) {
      expect((await report(reporterBrowser, path, fields)).status).toBe(400)
    }
    expect((await report(authorBrowser, path, { reason: 'spam', details: '' })).status).toBe(400)
    expect((await call(() => reportLoader(routeArgs(authorBrowser.get(path))))).status).toBe(400)
    expect((await call(() => reportLoader(routeArgs(authorBrowser.get(`/anmal?typ=member&id=${author.id}`))))).status).toBe(400)
    expect((await call(() => reportLoader(routeArgs(reporterBrowser.get('/anmal?typ=post&id=finns-inte'))))).status).toBe(404)
    expect((await call(() => reportLoader(routeArgs(reporterBrowser.get('/anmal?typ=bild&id=x'))))).status).toBe(400)
    expect((await call(() => reportAction(routeArgs(reporterBrowser.post(path, { reason: 'spam' }, { csrf: false }))))).status).toBe(403)
    expect(await prisma.report.count({ where: { targetId: id } })).toBe(0)
  })

  test('a member is reported too; the reported member never sees who reported them', async () => {
    const reported = await report(reporterBrowser, `/anmal?typ=member&id=${author.id}`, { reason: 'other', details: 'Skickar reklam i kommentarer.' })
    expect(reported.location).toBe(`/medlemmar/${author.id}`)
    const { id } = await createProject(author, buildProjectInput('Projekt vars anmälare är hemlig'))
    await report(reporterBrowser, `/anmal?typ=post&id=${id}`, { reason: 'spam', details: '' })
    await call(() =>
      contentAction(
        routeArgs(
          moderatorBrowser.post(`/moderering/innehall?typ=post&id=${id}`, { intent: 'hide', reason: 'Reklam i projektet.', redirectTo: '/moderering' }),
        ),
      ),
    )
    const views = await Promise.all([
      call(() => projectLoader(routeArgs(authorBrowser.get(`/projekt/${id}`), { postId: id }))),
      call(() => notificationsLoader(routeArgs(authorBrowser.get('/notiser')))),
    ])
    const seen = JSON.stringify(views.map((view) => view.data))
    expect(seen).toContain('Reklam i projektet.')
    expect(seen).not.toContain('Hemlig Anmälare')
    expect(seen).not.toContain(reporter.id)
  })
})

describe('the queue of reports', () => {
  test('oldest first, keyset-paged: the page after a card starts with the next target', async () => {
    const ids: string[] = []
    for (const title of ['Första anmälda projektet', 'Andra anmälda projektet', 'Tredje anmälda projektet']) {
      const { id } = await createProject(author, buildProjectInput(title))
      await report(reporterBrowser, `/anmal?typ=post&id=${id}`, { reason: 'spam', details: '' })
      ids.push(id)
    }
    const order = (cards: Array<{ targetId: string }>) => cards.map((card) => card.targetId).filter((id) => ids.includes(id))
    const first = await listReportCards()
    expect(order(first.cards)).toEqual(ids)
    const afterFirst = first.cards.find((card) => card.targetId === ids[0])
    const next = await listReportCards({
      firstReportedAt: (afterFirst?.reports[0]?.createdAt ?? new Date()).toISOString(),
      targetType: 'post',
      targetId: ids[0] ?? '',
    })
    expect(order(next.cards)).toEqual(ids.slice(1))
  })
})

describe('/moderering/innehall', () => {
  test('a moderator hides from the queue (back to the queue), edits, and restores; a missing reason → 400 with the form', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt som modereras via sidan'))
    await report(reporterBrowser, `/anmal?typ=post&id=${id}`, { reason: 'inappropriate', details: '' })
    const path = `/moderering/innehall?typ=post&id=${id}`
    const refused = await call(() => contentAction(routeArgs(moderatorBrowser.post(path, { intent: 'hide', reason: '', redirectTo: '/moderering' }))))
    expect(refused.status).toBe(400)
    const hidden = await call(() =>
      contentAction(routeArgs(moderatorBrowser.post(path, { intent: 'hide', reason: 'Olämpligt språk.', redirectTo: '/moderering' }))),
    )
    expect(hidden.location).toBe('/moderering')
    expect(flashOf(hidden)).toEqual({ message: 'Innehållet är dolt och författaren har fått besked.', tone: 'success' })
    const edited = await call(() =>
      contentAction(
        routeArgs(
          moderatorBrowser.post(path, {
            intent: 'edit',
            targetType: 'post',
            title: 'Projekt med vårdat språk',
            body: 'Vårdad text.',
            reason: 'Språket rättat.',
          }),
        ),
      ),
    )
    expect(edited.location).toBe(path)
    expect(flashOf(edited)).toEqual({ message: 'Ändringen är sparad och författaren har fått besked.', tone: 'success' })
    const restored = await call(() => contentAction(routeArgs(moderatorBrowser.post(path, { intent: 'restore', reason: 'Rättat nu.' }))))
    expect(restored.location).toBe(path)
    expect(flashOf(restored)).toEqual({ message: 'Innehållet är återställt och författaren har fått besked.', tone: 'success' })
    const page = await call(() => contentLoader(routeArgs(moderatorBrowser.get(path))))
    expect(page.data).toMatchObject({ card: { status: 'visible', title: 'Projekt med vårdat språk', reportCount: 0 } })
    const project = await call(() => projectLoader(routeArgs(authorBrowser.get(`/projekt/${id}`), { postId: id })))
    expect(project.data).toMatchObject({ post: { moderation: { moderatorEdited: true, statusNotice: null } } })
  })

  test('members get 403 on the queue and on every content action; without the CSRF token → 403', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt som en medlem vill dölja'))
    const path = `/moderering/innehall?typ=post&id=${id}`
    expect((await call(() => queueLoader(routeArgs(reporterBrowser.get('/moderering'))))).status).toBe(403)
    expect((await call(() => contentLoader(routeArgs(reporterBrowser.get(path))))).status).toBe(403)
    for (const intent of ['hide', 'delete', 'restore', 'dismiss']) {
      expect((await call(() => contentAction(routeArgs(reporterBrowser.post(path, { intent, reason: 'Jag vill.' }))))).status).toBe(403)
    }
    expect((await call(() => contentAction(routeArgs(moderatorBrowser.post(path, { intent: 'hide', reason: 'Utan token.' }, { csrf: false }))))).status).toBe(
      403,
    )
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'visible' })
  })
})
