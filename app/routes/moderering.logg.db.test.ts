import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertMember } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { loader as exportLoader } from './moderering.logg_.ladda-ner.ts'
import { loader as logLoader } from './moderering.logg.tsx'

const { prisma } = database

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

let moderatorBrowser: Browser
let memberBrowser: Browser
let actorId: string

beforeAll(async () => {
  const moderator = await insertMember(prisma, { name: 'Lotta Loggläsare', role: 'moderator' })
  moderatorBrowser = await signedIn(moderator.id)
  memberBrowser = await signedIn((await insertMember(prisma)).id)
  const actor = await insertMember(prisma, { name: 'Kalle Exportsson', role: 'moderator' })
  actorId = actor.id
  const at = (iso: string) => new Date(iso)
  await prisma.auditLog.createMany({
    data: [
      {
        actorId,
        actorName: 'Kalle Exportsson',
        action: 'member.warned',
        targetType: 'user',
        targetId: 'user-1',
        targetName: 'Åsa Öberg',
        reason: 'Skrev "olämpligt"; flera gånger\nigen',
        createdAt: at('2026-03-01T10:00:00Z'),
      },
      {
        actorId,
        actorName: 'Kalle Exportsson',
        action: 'content.edited',
        targetType: 'post',
        targetId: 'post-1',
        targetName: '=HYPERLINK("x")',
        reason: 'Rättade',
        data: { before: { text: 'före' }, after: { text: 'efter' } },
        createdAt: at('2026-03-02T23:30:00Z'),
      },
      {
        actorId: null,
        actorName: 'Systemet',
        action: 'member.suspension-ended',
        targetType: 'user',
        targetId: 'user-1',
        targetName: 'Åsa Öberg',
        createdAt: at('2026-03-05T08:00:00Z'),
      },
      // 1200 more, to page past one export batch.
      ...Array.from({ length: 1200 }, (_, index) => ({
        actorName: 'Bulk Botsson',
        action: 'member.approved',
        targetType: 'user',
        targetId: `bulk-${index}`,
        targetName: `Bulk ${index}`,
        createdAt: new Date(Date.UTC(2025, 0, 1) + index * 60_000),
      })),
    ],
  })
})

async function download(browser: Browser, query: string) {
  const result = await call(() => exportLoader(routeArgs(browser.get(`/moderering/logg/ladda-ner?${query}`))))
  const body = result.response ? Buffer.from(await result.response.arrayBuffer()).toString('utf8') : ''
  return { ...result, body, headers: result.response?.headers }
}

describe('exporting the audit log', () => {
  test('CSV for Swedish Excel: BOM, header, semicolons, quoting, formulas defused; the filters apply', async () => {
    const csv = await download(moderatorBrowser, 'format=csv&actor=kalle')
    expect(csv.status).toBe(200)
    expect(csv.headers?.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers?.get('Content-Disposition')).toMatch(/^attachment; filename="granskningslogg-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(csv.body).toBe(
      [
        '\uFEFFtid;utförare;utförare_id;åtgärd;åtgärd_text;måltyp;mål_id;mål;motivering;data\r\n',
        `2026-03-02T23:30:00.000Z;Kalle Exportsson;${actorId};content.edited;Innehåll redigerat av moderator;post;post-1;"'=HYPERLINK(""x"")";Rättade;"{""after"":{""text"":""efter""},""before"":{""text"":""före""}}"\r\n`,
        `2026-03-01T10:00:00.000Z;Kalle Exportsson;${actorId};member.warned;Medlem varnad;user;user-1;Åsa Öberg;"Skrev ""olämpligt""; flera gånger\nigen";\r\n`,
      ].join(''),
    )
  })

  test('JSON with the same records; filters by action, target (type + id or name) and period (Stockholm days)', async () => {
    const byTarget = await download(moderatorBrowser, 'format=json&targetType=user&target=user-1')
    expect(byTarget.headers?.get('Content-Type')).toBe('application/json; charset=utf-8')
    const records = JSON.parse(byTarget.body) as Array<Record<string, unknown>>
    expect(records.map((record) => record['åtgärd'])).toEqual(['member.suspension-ended', 'member.warned'])
    expect(records[1]).toMatchObject({
      utförare: 'Kalle Exportsson',
      utförare_id: actorId,
      åtgärd_text: 'Medlem varnad',
      måltyp: 'user',
      mål: 'Åsa Öberg',
      tid: '2026-03-01T10:00:00.000Z',
    })

    const byName = JSON.parse((await download(moderatorBrowser, 'format=json&target=%C3%B6berg&action=member.warned')).body) as unknown[]
    expect(byName).toHaveLength(1)
    // 2026-03-02T23:30Z is 3 March in Stockholm.
    const period = JSON.parse((await download(moderatorBrowser, 'format=json&actor=Kalle&from=2026-03-03&to=2026-03-03')).body) as Array<
      Record<string, unknown>
    >
    expect(period.map((record) => record['åtgärd'])).toEqual(['content.edited'])
  })

  test('a big log streams every row in keyset batches, newest first', async () => {
    const all = JSON.parse((await download(moderatorBrowser, 'format=json&actor=Bulk')).body) as Array<{ mål_id: string }>
    expect(all).toHaveLength(1200)
    expect(all[0]?.mål_id).toBe('bulk-1199')
    expect(new Set(all.map((record) => record.mål_id)).size).toBe(1200)
  })

  test('bad input is a 400 with a Swedish message; members get 403', async () => {
    for (const [query, message] of [
      ['format=xml', 'Okänt format. Välj csv eller json.'],
      ['format=csv&from=2026-13-01', 'Från och med måste vara ett datum, till exempel 2026-12-31.'],
      ['format=csv&from=2026-03-05&to=2026-03-01', 'Från och med kan inte vara efter till och med.'],
      ['format=json&action=member.hacked', 'Okänd åtgärd.'],
      ['format=json&targetType=planet', 'Okänd typ av mål.'],
    ] as const) {
      const result = await download(moderatorBrowser, query)
      expect(result.status, query).toBe(400)
      expect((result.data as { message: string }).message, query).toBe(message)
    }
    expect((await download(memberBrowser, 'format=csv')).status).toBe(403)
    expect((await call(() => logLoader(routeArgs(memberBrowser.get('/moderering/logg'))))).status).toBe(403)
  })
})

describe('the audit log page', () => {
  test('filters by actor id, shows the export links with the filters, and bad dates are a 400 with the message by the field', async () => {
    const page = await call(() => logLoader(routeArgs(moderatorBrowser.get(`/moderering/logg?actor=${actorId}&action=content.edited`))))
    expect(page.status).toBe(200)
    const data = page.data as { entries: Array<{ action: string }>; exportQuery: string }
    expect(data.entries.map((entry) => entry.action)).toEqual(['Innehåll redigerat av moderator'])
    expect(new URLSearchParams(data.exportQuery).get('actor')).toBe(actorId)

    const bad = await call(() => logLoader(routeArgs(moderatorBrowser.get('/moderering/logg?to=igår'))))
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({ errors: { to: ['Till och med måste vara ett datum, till exempel 2026-12-31.'] }, input: { to: 'igår' } })
  })
})
