import { database } from '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import type { ImportPreview } from '#app/services/organisation-import.server.ts'
import { insertOrganisation } from '#tests/factories.ts'
import { BASE_URL, Browser, call, flashOf, routeArgs, signedInMember } from '#tests/request.ts'
import { action, loader } from './admin.organisationer.import.tsx'

const { prisma } = database

const signedIn = async (role: 'member' | 'moderator' | 'admin') => (await signedInMember(prisma, { role })).browser

/** The form as the browser sends it: multipart, with the file (if any) and the CSRF token. */
function post(browser: Browser, fields: Record<string, string | Uint8Array>) {
  const form = new FormData()
  form.append('csrf', browser.csrfToken)
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value)
    else form.append(name, new Blob([new Uint8Array(value)]), 'organisationer.csv')
  }
  const headers = new Headers(browser.get('/').headers)
  headers.set('Origin', BASE_URL)
  return call(() => action(routeArgs(new Request(`${BASE_URL}/admin/organisationer/import`, { method: 'POST', body: form, headers }))), browser)
}

const HEADER = 'type,code,name,county,org_number,domain,domain_source'
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const csv = [
  HEADER,
  'kommun,9001,Provby kommun,Provlän,,provby.example,source',
  'kommun,9002,Nyby kommun,Provlän,212000-0001,nyby.example,source',
  'kommun,9003,Helt nya kommunen,Provlän,,hny.example,source',
  'stiftelse,,Fel typ,,,,',
  'kommun,9004,Trasig domän,,,inte en domän,source',
  'kommun,9003,Helt nya kommunen igen,,,,',
].join('\n')

const preview = async (browser: Browser, bytes: Uint8Array) => {
  const result = await post(browser, { intent: 'preview', file: bytes })
  expect(result.status).toBe(200)
  return (result.data as { preview: ImportPreview }).preview
}
const errorOf = (data: unknown) => JSON.stringify(data)

describe('/admin/organisationer/import', () => {
  test('the preview classifies every row without writing; applying imports exactly that file, and again changes nothing', async () => {
    const browser = await signedIn('admin')
    await insertOrganisation(prisma, { registryKey: 'kommun:9001', code: '9001', name: 'Provby kommun', county: 'Provlän' }, ['provby.example'])
    await insertOrganisation(prisma, { registryKey: 'kommun:9002', code: '9002', name: 'Gamla Nyby kommun' })
    const organisations = await prisma.organisation.count()

    const first = await preview(browser, utf8(csv))
    expect(first.rows).toEqual([
      { line: 2, name: 'Provby kommun', kind: 'unchanged', details: 'Oförändrad' },
      { line: 3, name: 'Nyby kommun', kind: 'changed', details: 'Ändras: namn, län, organisationsnummer, ny domän' },
      { line: 4, name: 'Helt nya kommunen', kind: 'new', details: 'Ny organisation' },
      { line: 5, name: 'Fel typ', kind: 'error', details: 'Rad 5: typen ska vara kommun, region eller myndighet.' },
      { line: 6, name: 'Trasig domän', kind: 'error', details: 'Rad 6: ogiltig domän "inte en domän".' },
      { line: 7, name: 'Helt nya kommunen igen', kind: 'error', details: 'Rad 7: samma organisation som rad 4.' },
    ])
    expect(first.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 3 })
    expect(await prisma.organisation.count()).toBe(organisations)

    const applied = await post(browser, { intent: 'apply', content: first.content, token: first.token })
    expect(applied.location).toBe('/admin/organisationer/import')
    expect(flashOf(applied)).toEqual({
      message: 'Importen är klar: 1 nya organisationer, 1 ändrade och 2 nya domäner; 3 rader med fel hoppades över.',
      tone: 'success',
    })
    expect(
      await prisma.organisation.findUniqueOrThrow({
        where: { registryKey: 'kommun:9002' },
        select: { name: true, county: true, orgNumber: true, domains: { select: { domain: true } } },
      }),
    ).toEqual({
      name: 'Nyby kommun',
      county: 'Provlän',
      orgNumber: '212000-0001',
      domains: [{ domain: 'nyby.example' }],
    })
    expect(await prisma.organisation.count({ where: { registryKey: 'kommun:9003', name: 'Helt nya kommunen' } })).toBe(1)

    // The same file again: nothing to do, and applying it changes nothing.
    const second = await preview(browser, utf8(csv))
    expect(second.counts).toEqual({ new: 0, changed: 0, unchanged: 3, error: 3 })
    const again = await post(browser, { intent: 'apply', content: second.content, token: second.token })
    expect(again.location).toBe('/admin/organisationer/import')
    expect(flashOf(again)?.message).toBe('Importen är klar: 0 nya organisationer, 0 ändrade och 0 nya domäner; 3 rader med fel hoppades över.')
    expect(await prisma.organisation.count()).toBe(organisations + 1)

    const audits = await prisma.auditLog.findMany({ where: { action: 'organisation.imported' }, orderBy: { createdAt: 'asc' }, select: { data: true } })
    expect(audits.map((audit) => audit.data)).toEqual([
      expect.objectContaining({ created: 1, updated: 1, domainsAdded: 2, skipped: 3, rows: 6 }),
      expect.objectContaining({ created: 0, updated: 0, domainsAdded: 0, skipped: 3, rows: 6 }),
    ])
    // Many queries on a shared 2-core machine: more than the default 5 s when busy.
  })

  test('bad files get a Swedish message (400) and nothing is written', async () => {
    const browser = await signedIn('admin')
    const organisations = await prisma.organisation.count()
    const cases: Array<[Record<string, string | Uint8Array>, string]> = [
      [{ intent: 'preview' }, 'Välj en CSV-fil att importera.'],
      [{ intent: 'preview', file: new Uint8Array(Buffer.from(`${HEADER}\nkommun,9010,Malmö stad,Skåne län,,,\n`, 'latin1')) }, 'Filen är inte kodad i UTF-8.'],
      [{ intent: 'preview', file: utf8(`${HEADER}\n${'kommun,9011,Stor kommun,,,,\n'.repeat(80_000)}`) }, 'Filen är för stor. Den får vara högst 2 MB.'],
      [{ intent: 'preview', file: utf8('namn,län\nProvby,Provlän\n') }, 'Filen saknar kolumnerna type, code, name, county, org_number, domain.'],
      [{ intent: 'preview', file: utf8(`${HEADER}\n`) }, 'Filen innehåller inga organisationer.'],
      [
        { intent: 'preview', file: utf8(`${HEADER}\nkommun,9014,Kommun,,,,\nkommun,9015,"Ostängd kommun,,,,\nkommun,9016,Kommun,,,,\n`) },
        'Filen kan inte läsas som CSV: rad 3: ett citattecken avslutas aldrig.',
      ],
      [{ intent: 'apply' }, 'Förhandsgranska filen först.'],
    ]
    for (const [fields, message] of cases) {
      const result = await post(browser, fields)
      expect(result.status, message).toBe(400)
      expect(errorOf(result.data)).toContain(message)
    }

    // Applying another file than the one previewed (or a forged token) is refused.
    const previewed = await preview(browser, utf8(`${HEADER}\nkommun,9012,Förhandsby kommun,,,,\n`))
    const other = Buffer.from(`${HEADER}\nkommun,9013,Annan kommun,,,,\n`).toString('base64')
    for (const fields of [
      { content: other, token: previewed.token },
      { content: previewed.content, token: `${previewed.token}0` },
    ]) {
      const result = await post(browser, { intent: 'apply', ...fields })
      expect(result.status).toBe(400)
      expect(errorOf(result.data)).toContain('Filen stämmer inte med förhandsgranskningen.')
    }
    // The token is the admin's own.
    const otherAdmin = await signedIn('admin')
    expect((await post(otherAdmin, { intent: 'apply', content: previewed.content, token: previewed.token })).status).toBe(400)
    expect(await prisma.organisation.count()).toBe(organisations)
  })

  test('members and moderators get 403', async () => {
    for (const role of ['member', 'moderator'] as const) {
      const browser = await signedIn(role)
      expect((await call(() => loader(routeArgs(browser.get('/admin/organisationer/import'))), browser)).status).toBe(403)
      expect((await post(browser, { intent: 'preview', file: utf8(csv) })).status).toBe(403)
    }
  })
})
