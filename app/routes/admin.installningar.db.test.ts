import { database } from '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import { htmlEmail } from '#app/emails/layout.server.ts'
import { getDigestSchedule, getSiteSettings } from '#app/models/site-settings.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import { sendDueDigests } from '#app/services/digest-delivery.server.ts'
import { parseUploadForm } from '#app/services/upload.server.ts'
import { duePeriod } from '#app/utils/digest-schedule.ts'
import { BASE_URL, Browser, call, flashOf, routeArgs, signedInMember } from '#tests/request.ts'
import { action, loader } from './admin.installningar.tsx'
import { loader as digestPreviewLoader } from './veckobrev.tsx'

const { prisma } = database

const signedIn = (role: 'member' | 'moderator' | 'admin') => signedInMember(prisma, { role })

const EMPTY = { siteName: '', contactEmail: '', digestWeekday: '', digestHour: '', uploadMaxMb: '' }
const save = (browser: Browser, fields: Partial<typeof EMPTY>, options?: Parameters<Browser['post']>[2]) =>
  call(() => action(routeArgs(browser.post('/admin/installningar', { ...EMPTY, ...fields }, options))), browser)
const stored = () =>
  prisma.siteSettings.findUnique({ where: { id: 1 }, select: { siteName: true, contactEmail: true, digestWeekday: true, digestHour: true, uploadMaxMb: true } })

describe('/admin/installningar', () => {
  test('saving changes the settings at once, audited with before and after; empty fields fall back to the defaults', async () => {
    const { browser } = await signedIn('admin')
    expect(await getSiteSettings()).toEqual({ siteName: 'Samverka', contactEmail: null, digestWeekday: 1, digestHour: 7, uploadMaxMb: 25 })

    const saved = await save(browser, {
      siteName: 'Samverka Syd',
      contactEmail: 'Kontakt@Samverka.example',
      digestWeekday: '2',
      digestHour: '9',
      uploadMaxMb: '1',
    })
    expect(saved.location).toBe('/admin/installningar')
    expect(flashOf(saved)).toEqual({ message: 'Inställningarna är sparade.', tone: 'success' })
    // The next page shows it once: the root loader reads it and clears its cookie.
    const shown = await call(() => rootLoader(routeArgs(browser.get('/admin/installningar'))), browser)
    expect((shown.data as { flash: unknown }).flash).toEqual({ message: 'Inställningarna är sparade.', tone: 'success' })
    const reloaded = await call(() => rootLoader(routeArgs(browser.get('/admin/installningar'))), browser)
    expect((reloaded.data as { flash: unknown }).flash).toBeNull()
    expect(await getSiteSettings()).toEqual({
      siteName: 'Samverka Syd',
      contactEmail: 'kontakt@samverka.example',
      digestWeekday: 2,
      digestHour: 9,
      uploadMaxMb: 1,
    })
    // The e-mail footer names the site as last read in this process.
    expect(htmlEmail('Rubrik', '')).toContain('Samverka Syd – kunskapsdelning i offentlig sektor')

    await save(browser, { siteName: 'Samverka Syd' })
    expect(await getSiteSettings()).toEqual({ siteName: 'Samverka Syd', contactEmail: null, digestWeekday: 1, digestHour: 7, uploadMaxMb: 25 })
    const audits = await prisma.auditLog.findMany({ where: { action: 'settings.updated' }, orderBy: { createdAt: 'asc' }, select: { data: true } })
    expect(audits.map((audit) => audit.data)).toEqual([
      {
        before: { siteName: null, contactEmail: null, digestWeekday: null, digestHour: null, uploadMaxMb: null },
        after: { siteName: 'Samverka Syd', contactEmail: 'kontakt@samverka.example', digestWeekday: 2, digestHour: 9, uploadMaxMb: 1 },
      },
      {
        before: { siteName: 'Samverka Syd', contactEmail: 'kontakt@samverka.example', digestWeekday: 2, digestHour: 9, uploadMaxMb: 1 },
        after: { siteName: 'Samverka Syd', contactEmail: null, digestWeekday: null, digestHour: null, uploadMaxMb: null },
      },
    ])
    const page = await call(() => loader(routeArgs(browser.get('/admin/installningar'))), browser)
    expect(page.data).toMatchObject({ stored: { siteName: 'Samverka Syd', uploadMaxMb: null }, defaults: { uploadMaxMb: 25 } })
    // Many queries on a shared 2-core machine: more than the default 5 s when busy.
  })

  test('the upload limit applies to uploads', async () => {
    const { browser } = await signedIn('admin')
    await save(browser, { uploadMaxMb: '1' })
    const form = new FormData()
    form.append('csrf', browser.csrfToken)
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1.5 * 1024 * 1024, 0x20)])
    form.append('filer', new Blob([new Uint8Array(pdf)]), 'stor.pdf')
    const headers = new Headers(browser.get('/').headers)
    headers.set('Origin', BASE_URL)
    const { files, errors } = await parseUploadForm(new Request(`${BASE_URL}/projekt/ny`, { method: 'POST', body: form, headers }))
    expect(files).toEqual([])
    expect(errors).toEqual(['Filen ”stor.pdf” är större än 1 MB.'])
    await save(browser, {})
  })

  test('the digest weekday and hour decide when digests are due and what the pages say', async () => {
    const { browser } = await signedIn('admin')
    // Monday 23 November 2026 08:00 in Stockholm: Monday 07:00 has passed, Tuesday 09:00 not yet this week.
    const monday = new Date('2026-11-23T07:00:00Z')
    expect((await sendDueDigests({ clock: () => monday })).week).toBe('2026-W48')

    await save(browser, { digestWeekday: '2', digestHour: '9' })
    expect(await getDigestSchedule()).toEqual({ timeZone: 'Europe/Stockholm', weekday: 2, hour: 9 })
    expect(duePeriod(monday, await getDigestSchedule()).week).toBe('2026-W47')
    expect((await sendDueDigests({ clock: () => monday })).week).toBe('2026-W47')
    const preview = await call(() => digestPreviewLoader(routeArgs(browser.get('/veckobrev'))), browser)
    expect(preview.data).toMatchObject({ when: 'tisdagar kl. 09.00' })
    await save(browser, {})
    // Many queries on a shared 2-core machine: more than the default 5 s when busy.
  })

  test('bad values are refused with Swedish messages and change nothing', async () => {
    const { browser } = await signedIn('admin')
    await save(browser, { siteName: 'Samverka' })
    const before = await stored()
    const cases: Array<[Partial<typeof EMPTY>, string]> = [
      [{ siteName: 'S' }, 'Webbplatsens namn ska vara 2–80 tecken.'],
      [{ siteName: 'x'.repeat(81) }, 'Webbplatsens namn ska vara 2–80 tecken.'],
      [{ contactEmail: 'inte-en-adress' }, 'Ange en giltig e-postadress'],
      [{ digestWeekday: '8' }, 'Välj en veckodag.'],
      [{ digestWeekday: '0' }, 'Välj en veckodag.'],
      [{ digestHour: '24' }, 'Ange en timme mellan 0 och 23.'],
      [{ digestHour: 'sju' }, 'Ange en timme mellan 0 och 23.'],
      [{ uploadMaxMb: '0' }, 'Ange en gräns mellan 1 och 500 MB.'],
      [{ uploadMaxMb: '501' }, 'Ange en gräns mellan 1 och 500 MB.'],
      [{ uploadMaxMb: '2.5' }, 'Ange en gräns mellan 1 och 500 MB.'],
    ]
    for (const [fields, message] of cases) {
      const result = await save(browser, fields)
      expect(result.status, JSON.stringify(fields)).toBe(400)
      expect(JSON.stringify(result.data)).toContain(message)
    }
    expect(await stored()).toEqual(before)
  })

  test('members and moderators get 403; a post without the CSRF token gets 403', async () => {
    for (const role of ['member', 'moderator'] as const) {
      const { browser } = await signedIn(role)
      expect((await call(() => loader(routeArgs(browser.get('/admin/installningar'))), browser)).status).toBe(403)
      expect((await save(browser, { siteName: 'Kapad' })).status).toBe(403)
    }
    const { browser } = await signedIn('admin')
    expect((await save(browser, { siteName: 'Utan token' }, { csrf: false })).status).toBe(403)
    expect((await getSiteSettings()).siteName).not.toMatch(/Kapad|Utan token/)
  })
})
