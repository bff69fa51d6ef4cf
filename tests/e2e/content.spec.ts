import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { expectCard, richTextEditor, signUpWithoutJavaScript, typeInEditor, uniqueTitle } from './post-helpers.ts'
import type { APIResponse, Browser, Locator, Page } from '@playwright/test'

/**
 * Projects and shared material: creating them (with the editor, and without JavaScript),
 * uploads checked by content, downloads for members only, likes, bookmarks (Sparat),
 * comments, editing away an attachment, refused input and deletion.
 */

/** A minimal but well-formed one-page PDF (header, objects, cross-reference table, trailer). */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(pdf.length)
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

const PDF_NAME = 'Projektplan för RPA.pdf'
const PDF_NAME_ENCODED = 'Projektplan%20f%C3%B6r%20RPA.pdf'

type ProjectForm = {
  title: string
  description: string
  status?: string
  startDate?: string
  endDate?: string
  lead?: string
  participants?: string
  contactName?: string
  contactEmail?: string
  seekingPartners?: boolean
  links?: string
  tags?: string
  files?: Array<{ name: string; mimeType: string; buffer: Buffer }>
}

/** Fills in /projekt/ny (JavaScript on: the description goes through the editor). */
async function fillProjectForm(page: Page, project: ProjectForm) {
  await page.getByRole('textbox', { name: 'Projektets namn' }).fill(project.title)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), project.description)
  if (project.status) await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: project.status })
  if (project.startDate) await page.getByLabel('Startdatum (frivilligt)').fill(project.startDate)
  if (project.endDate) await page.getByLabel('Slutdatum (frivilligt)').fill(project.endDate)
  if (project.lead) await page.getByRole('textbox', { name: 'Leds av (frivilligt)' }).fill(project.lead)
  if (project.participants) await page.getByRole('textbox', { name: 'Deltagande organisationer' }).fill(project.participants)
  if (project.contactName) await page.getByRole('textbox', { name: 'Kontaktperson (frivilligt)' }).fill(project.contactName)
  if (project.contactEmail) await page.getByRole('textbox', { name: 'Kontaktpersonens e-post (frivilligt)' }).fill(project.contactEmail)
  if (project.seekingPartners) await page.getByRole('checkbox', { name: 'Vi söker samarbetspartner' }).check()
  if (project.links) await page.getByRole('textbox', { name: 'Länkar (frivilligt)' }).fill(project.links)
  if (project.files) await page.getByLabel('Ladda upp filer').setInputFiles(project.files)
  if (project.tags) await page.getByRole('textbox', { name: 'Taggar' }).fill(project.tags)
}

/** Publishes the filled-in project form and waits for the new project's page; returns its path. */
async function publishProject(page: Page, title: string) {
  await page.getByRole('button', { name: 'Publicera projektet' }).click()
  await expect(page.getByRole('heading', { level: 1 }), 'the form was accepted: the page is the new project (not the form with errors)').toHaveText(title)
  await expect(page).toHaveURL((url) => /^\/projekt\/[^/]+$/.test(url.pathname) && url.pathname !== '/projekt/ny')
  return new URL(page.url()).pathname
}

/** Opens /projekt/ny from the header's Projekt page and publishes a project (checks both pages). */
async function createProject(page: Page, project: ProjectForm) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Projekt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Nytt projekt' }).click()
  await expect(page.getByRole('heading', { name: 'Nytt projekt', level: 1 })).toBeVisible()
  await richTextEditor(page, 'Beskrivning')
  await expectNoA11yViolations(page)
  await fillProjectForm(page, project)
  const path = await publishProject(page, project.title)
  await expectNoA11yViolations(page)
  return path
}

/** The facts list of a project or material page: its terms and their definitions, in order. */
async function expectFacts(post: Locator, facts: Array<[string, string | RegExp]>) {
  await expect(post.getByRole('term')).toHaveText(facts.map(([term]) => term))
  await expect(post.getByRole('definition')).toHaveText(facts.map(([, definition]) => definition))
}

/**
 * Every X-Content-Type-Options line of the response says nosniff. (Lines, not the joined
 * value: the app server sends the baseline line and the download route its own.)
 */
function expectNosniff(response: APIResponse) {
  const lines = response.headersArray().filter((header) => header.name.toLowerCase() === 'x-content-type-options')
  expect(lines.length).toBeGreaterThan(0)
  for (const line of lines) expect(line.value).toBe('nosniff')
}

/** A signed-in member in a browser context of their own (JavaScript on). */
async function newMember(
  browser: Browser,
  signUp: (page: Page, member: { email: string; name: string; organisation?: string }) => Promise<void>,
  member: { email: string; name: string; organisation?: string },
) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signUp(page, member)
  return { context, page }
}

test('a member creates a project with the editor, a leading organisation, a participant, a link and a PDF that only members can download', async ({
  page,
  signUp,
  playwright,
  baseURL,
}) => {
  await signUp(page, { email: uniqueEmail('projektledare', 'nacka.se'), name: 'Petra Projektledare' })
  const title = uniqueTitle('RPA för ekonomiadministrationen')
  const pdf = minimalPdf('Projektplan for RPA')
  expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n')

  // The home page: feed tabs and the ways to share.
  const feedTabs = page.getByRole('navigation', { name: 'Visa i flödet' })
  await expect(feedTabs.getByRole('link')).toHaveText(['Allt', 'Det jag följer', 'Projekt', 'Frågor', 'Material'])
  await expect(page.getByRole('link', { name: 'Dela material' })).toBeVisible()
  const mainNav = page.getByRole('navigation', { name: 'Huvudmeny' })
  for (const name of ['Projekt', 'Frågor', 'Material', 'Sparat']) await expect(mainNav.getByRole('link', { name, exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Nytt projekt' }).click()
  await expect(page.getByRole('heading', { name: 'Nytt projekt', level: 1 })).toBeVisible()
  const editor = await richTextEditor(page, 'Beskrivning')
  // The project is published in the name of the member's own organisation: shown, not chosen.
  await expect(page.getByText('Ägande organisation: Nacka kommun.')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Ägande organisation' })).toHaveCount(0)
  await expectNoA11yViolations(page)

  await fillProjectForm(page, {
    title,
    description: 'Vi automatiserar leverantörsfakturor med mjukvarurobotar.',
    status: 'Pågående',
    startDate: '2025-09-01',
    endDate: '2026-06-30',
    lead: 'Region Stockholm',
    participants: 'Lunds kommun',
    contactName: 'Karin Kontakt',
    contactEmail: 'karin.kontakt@nacka.se',
    seekingPartners: true,
    links: 'Förstudie om RPA | https://www.example.se/forstudie-rpa',
    files: [{ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf }],
    tags: 'RPA, Ekonomi',
  })
  await expect(editor).toHaveText('Vi automatiserar leverantörsfakturor med mjukvarurobotar.')
  await expectNoA11yViolations(page)
  const path = await publishProject(page, title)

  const project = page.getByRole('article', { name: title, exact: true })
  await expect(project.getByText('Vi automatiserar leverantörsfakturor med mjukvarurobotar.', { exact: true })).toBeVisible()
  await expect(project.getByRole('link', { name: 'Petra Projektledare' })).toBeVisible()
  await expect(project.getByRole('link', { name: 'Nacka kommun' })).toHaveAttribute('href', '/organisationer/nacka-kommun')
  await expectFacts(project, [
    ['Status', 'Pågående Söker samarbetspartner'],
    ['Tid', '1 september 2025 – 30 juni 2026'],
    ['Leds av', 'Region Stockholm'],
    ['Deltagande organisationer', 'Lunds kommun'],
    ['Kontaktperson', 'Karin Kontakt, karin.kontakt@nacka.se'],
  ])
  await expect(project.getByText('Söker samarbetspartner', { exact: true })).toBeVisible()
  await expect(project.getByRole('definition').getByRole('link', { name: 'Lunds kommun', exact: true })).toHaveAttribute('href', '/organisationer/lunds-kommun')
  await expect(project.getByRole('link', { name: 'karin.kontakt@nacka.se' })).toHaveAttribute('href', 'mailto:karin.kontakt@nacka.se')
  await expect(project.getByRole('list', { name: 'Taggar' }).getByRole('link')).toHaveText(['ekonomi', 'rpa'])
  const link = project.getByRole('region', { name: 'Länkar' }).getByRole('link', { name: 'Förstudie om RPA', exact: true })
  await expect(link).toHaveAttribute('href', 'https://www.example.se/forstudie-rpa')
  await expect(link).toHaveAttribute('rel', /\bnofollow ugc\b/)
  const files = project.getByRole('region', { name: 'Filer' })
  await expect(files.getByRole('listitem')).toHaveText([`${PDF_NAME} (${pdf.length} byte)`])
  const download = files.getByRole('link', { name: PDF_NAME, exact: true })
  await expect(download).toHaveAttribute('href', /^\/filer\/[^/]+$/)
  await expect(page.getByRole('button', { name: 'Gilla' })).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByText('0 personer gillar', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Spara', exact: true })).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByRole('heading', { name: 'Kommentarer', level: 2 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Redigera', exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ta bort', exact: true })).toBeVisible()
  await expectNoA11yViolations(page)

  // The member downloads the file with the page's session: the exact bytes, as an attachment.
  const href = (await download.getAttribute('href')) ?? ''
  const response = await page.request.get(href)
  expect(response.status()).toBe(200)
  expect(Buffer.compare(await response.body(), pdf)).toBe(0)
  const headers = response.headers()
  expect(headers['content-type']).toBe('application/pdf')
  expect(headers['content-disposition']).toContain('attachment')
  expect(headers['content-disposition']).toContain(`filename*=UTF-8''${PDF_NAME_ENCODED}`)
  expectNosniff(response)

  // Without a session the same address leads to the sign-in page, and back after it.
  const anonymous = await playwright.request.newContext({ baseURL })
  const refused = await anonymous.get(href, { maxRedirects: 0 })
  expect(refused.status()).toBe(302)
  expect(refused.headers()['location']).toBe(`/logga-in?redirectTo=${encodeURIComponent(href)}`)
  expect((await refused.body()).includes(Buffer.from('%PDF'))).toBe(false)
  await anonymous.dispose()

  // The project is listed under Projekt and in the home feed's Projekt tab.
  await mainNav.getByRole('link', { name: 'Projekt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible()
  await expectCard(page, title)
  await expectNoA11yViolations(page)
  await page.getByRole('link', { name: 'Samverka', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Senaste aktivitet' })).toBeVisible()
  await feedTabs.getByRole('link', { name: 'Projekt', exact: true }).click()
  await expect(feedTabs.getByRole('link', { name: 'Projekt', exact: true })).toHaveAttribute('aria-current', 'page')
  await (await expectCard(page, title)).getByRole('link', { name: title, exact: true }).click()
  await expect(page).toHaveURL((url) => url.pathname === path)
  await expectNoA11yViolations(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('material is shared: a file that is not what its name says is refused, a CSV is published and its downloads are counted', async ({
    page,
    browser,
    signUp,
  }) => {
    await signUpWithoutJavaScript(page, browser, signUp, { email: uniqueEmail('delare', 'gotland.se'), name: 'Dagny Delare', organisation: 'Gotlands kommun' })
    const title = uniqueTitle('Kravlista för upphandling av ärendehanteringssystem')
    const description = 'Våra krav från upphandlingen 2025, fria att återanvända.'
    const csv = Buffer.from(
      'Krav;Beskrivning;Prioritet\nK1;Systemet ska hantera sekretessmarkering;Skall\nK2;Ärenden ska kunna gallras enligt dokumenthanteringsplan;Bör\n',
      'utf8',
    )

    // The demo material is listed under Material.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Material', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Material', level: 1 })).toBeVisible()
    await expectCard(page, 'Mall för kravspecifikation vid upphandling av e-arkiv')
    await expectNoA11yViolationsWithoutJavaScript(page)

    await page.goto('/')
    await page.getByRole('link', { name: 'Dela material' }).click()
    await expect(page.getByRole('heading', { name: 'Dela material', level: 1 })).toBeVisible()
    const descriptionField = page.getByRole('textbox', { name: 'Beskrivning', exact: true })
    await expect(descriptionField).toHaveJSProperty('tagName', 'TEXTAREA')
    await expectNoA11yViolationsWithoutJavaScript(page)

    // An HTML page named .pdf is refused by its content.
    await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
    await descriptionField.fill(description)
    await page.getByRole('combobox', { name: 'Typ av material' }).selectOption({ label: 'Upphandlingsunderlag' })
    await page.getByRole('combobox', { name: 'Licens' }).selectOption({ label: 'CC BY 4.0 (erkännande)' })
    await page.getByLabel('Ladda upp filer').setInputFiles([
      {
        name: 'kravlista.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>', 'utf8'),
      },
    ])
    await page.getByRole('textbox', { name: 'Taggar' }).fill('Upphandling, Ärendehantering')
    await page.getByRole('button', { name: 'Publicera materialet' }).click()
    await expect(page).toHaveURL((url) => url.pathname === '/material/ny')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Filtypen för ”kravlista.pdf” är inte tillåten.')
    await expect(page.getByRole('textbox', { name: 'Rubrik' })).toHaveValue(title)
    await expect(descriptionField).toHaveValue(description)
    await expect(page.getByRole('combobox', { name: 'Typ av material' })).toHaveValue('procurement')
    await expect(page.getByRole('combobox', { name: 'Licens' })).toHaveValue('CC-BY-4.0')
    await expectNoA11yViolationsWithoutJavaScript(page)

    // A CSV file is accepted.
    await page.getByLabel('Ladda upp filer').setInputFiles([{ name: 'Kravlista.csv', mimeType: 'text/csv', buffer: csv }])
    await page.getByRole('button', { name: 'Publicera materialet' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(page).toHaveURL((url) => /^\/material\/[^/]+$/.test(url.pathname) && url.pathname !== '/material/ny')
    const path = new URL(page.url()).pathname
    const material = page.getByRole('article', { name: title, exact: true })
    await expect(material.getByText(description, { exact: true })).toBeVisible()
    await expectFacts(material, [
      ['Typ', 'Upphandlingsunderlag'],
      ['Licens', 'CC BY 4.0 (erkännande)'],
      ['Nedladdningar', '0'],
    ])
    await expect(material.getByRole('list', { name: 'Taggar' }).getByRole('link')).toHaveText(['upphandling', 'ärendehantering'])
    const files = material.getByRole('region', { name: 'Filer' })
    await expect(files.getByRole('listitem')).toHaveText([`Kravlista.csv (${csv.length} byte)`])
    await expectNoA11yViolationsWithoutJavaScript(page)

    const href = (await files.getByRole('link', { name: 'Kravlista.csv', exact: true }).getAttribute('href')) ?? ''
    const response = await page.request.get(href)
    expect(response.status()).toBe(200)
    expect(Buffer.compare(await response.body(), csv)).toBe(0)
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers()['content-disposition']).toContain('attachment; filename="Kravlista.csv"; filename*=UTF-8\'\'Kravlista.csv')
    expectNosniff(response)
    await page.reload()
    await expectFacts(material, [
      ['Typ', 'Upphandlingsunderlag'],
      ['Licens', 'CC BY 4.0 (erkännande)'],
      ['Nedladdningar', '1'],
    ])

    // Only the accepted submit created anything.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Material', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Material', level: 1 })).toBeVisible()
    await expect(page.getByRole('article', { name: title, exact: true })).toHaveCount(1)
    await (await expectCard(page, title)).getByRole('link', { name: title, exact: true }).click()
    await expect(page).toHaveURL((url) => url.pathname === path)
  })
})

test('another member likes, saves and comments on a project, and deletes the comment again', async ({ page, browser, signUp }) => {
  await signUp(page, { email: uniqueEmail('agare', 'nacka.se'), name: 'Åsa Ägare' })
  const title = uniqueTitle('Gemensam e-tjänst för färdtjänst')
  const path = await createProject(page, { title, description: 'Vi bygger en e-tjänst som fler kommuner kan använda.', seekingPartners: true })

  const { context, page: member } = await newMember(browser, signUp, {
    email: uniqueEmail('gillare', 'gotland.se'),
    name: 'Gösta Gillare',
    organisation: 'Region Gotland',
  })
  await member.goto(path)
  await expect(member.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  // Not the author: no editing or deleting.
  await expect(member.getByRole('link', { name: 'Redigera', exact: true })).toHaveCount(0)
  await expect(member.getByRole('button', { name: 'Ta bort', exact: true })).toHaveCount(0)
  const like = member.getByRole('button', { name: 'Gilla' })
  await expect(like).toHaveAttribute('aria-pressed', 'false')
  await expect(member.getByText('0 personer gillar', { exact: true })).toBeVisible()
  await expectNoA11yViolations(member)

  await like.click()
  await expect(member.getByText('1 person gillar', { exact: true })).toBeVisible()
  await expect(like).toHaveAttribute('aria-pressed', 'true')
  await member.getByRole('button', { name: 'Spara', exact: true }).click()
  const saved = member.getByRole('button', { name: 'Sparad', exact: true })
  await expect(saved).toHaveAttribute('aria-pressed', 'true')
  await expect(like).toHaveAttribute('aria-pressed', 'true')
  await expectNoA11yViolations(member)

  // Saved posts are listed under Sparat.
  await member.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sparat', exact: true }).click()
  await expect(member.getByRole('heading', { name: 'Sparat', level: 1 })).toBeVisible()
  await (await expectCard(member, title)).getByRole('link', { name: title, exact: true }).click()
  await expect(member).toHaveURL((url) => url.pathname === path)

  const comment = 'Region Gotland vill gärna vara med och testa e-tjänsten.'
  await member.getByRole('textbox', { name: 'Skriv en kommentar' }).fill(comment)
  await member.getByRole('button', { name: 'Kommentera' }).click()
  const comments = member.getByRole('region', { name: '1 kommentar' })
  await expect(comments.getByRole('listitem').filter({ hasText: comment })).toBeVisible()
  await expect(comments.getByRole('listitem').filter({ hasText: comment }).getByRole('link', { name: 'Gösta Gillare' })).toBeVisible()
  await expect(member.getByRole('textbox', { name: 'Skriv en kommentar' })).toHaveValue('')
  await expectNoA11yViolations(member)

  // The author sees the like and the comment (and cannot delete the other member's comment).
  await page.reload()
  await expect(page.getByText('1 person gillar', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Gilla' })).toHaveAttribute('aria-pressed', 'false')
  const seenByAuthor = page.getByRole('region', { name: '1 kommentar' }).getByRole('listitem').filter({ hasText: comment })
  await expect(seenByAuthor).toBeVisible()
  await expect(seenByAuthor.getByRole('button', { name: 'Ta bort kommentaren' })).toHaveCount(0)
  await expectNoA11yViolations(page)

  // The commenter deletes the comment.
  await comments.getByRole('listitem').filter({ hasText: comment }).getByRole('button', { name: 'Ta bort kommentaren' }).click()
  await expect(member.getByRole('heading', { name: 'Kommentarer', level: 2 })).toBeVisible()
  await expect(member.getByText('Inga kommentarer ännu.')).toBeVisible()
  await expect(member.getByText(comment)).toHaveCount(0)
  await expectNoA11yViolations(member)
  await context.close()

  await page.reload()
  await expect(page.getByText('Inga kommentarer ännu.')).toBeVisible()
  await expect(page.getByText(comment)).toHaveCount(0)
})

test('the author edits a project: removes the attachment and renames it', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('redigerare', 'nacka.se'), name: 'Rebecka Redigerare' })
  const title = uniqueTitle('Digital nämndhandläggning')
  const newTitle = uniqueTitle('Digital nämndhandläggning i hela kommunen')
  const pdf = minimalPdf('Plan')
  const path = await createProject(page, {
    title,
    description: 'Papperslösa nämndmöten.',
    participants: 'Lunds kommun',
    files: [{ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf }],
  })
  const project = page.getByRole('article', { name: title, exact: true })
  await expect(project.getByText(/redigerad/)).toHaveCount(0)
  const href = (await project.getByRole('region', { name: 'Filer' }).getByRole('link', { name: PDF_NAME, exact: true }).getAttribute('href')) ?? ''
  expect((await page.request.get(href)).status()).toBe(200)

  await page.getByRole('link', { name: 'Redigera', exact: true }).click()
  await expect(page).toHaveURL((url) => url.pathname === `${path}/redigera`)
  await expect(page.getByRole('heading', { name: 'Redigera projektet', level: 1 })).toBeVisible()
  const editor = await richTextEditor(page, 'Beskrivning')
  await expect(editor).toHaveText('Papperslösa nämndmöten.')
  const name = page.getByRole('textbox', { name: 'Projektets namn' })
  await expect(name).toHaveValue(title)
  await expect(page.getByRole('textbox', { name: 'Deltagande organisationer' })).toHaveValue('Lunds kommun')
  const remove = page.getByRole('group', { name: 'Filer' }).getByRole('checkbox', { name: `Ta bort ${PDF_NAME} (${pdf.length} byte)` })
  await expect(remove).not.toBeChecked()
  await expectNoA11yViolations(page)

  await remove.check()
  await name.fill(newTitle)
  await page.getByRole('button', { name: 'Spara ändringarna' }).click()
  await expect(page).toHaveURL((url) => url.pathname === path)
  await expect(page.getByRole('heading', { name: newTitle, level: 1 })).toBeVisible()
  const edited = page.getByRole('article', { name: newTitle, exact: true })
  await expect(edited.getByText(/· redigerad /)).toBeVisible()
  await expect(edited.getByText('Papperslösa nämndmöten.', { exact: true })).toBeVisible()
  await expect(edited.getByRole('region', { name: 'Filer' })).toHaveCount(0)
  await expect(edited.getByRole('link', { name: PDF_NAME })).toHaveCount(0)
  await expect(edited.getByRole('definition').getByRole('link', { name: 'Lunds kommun', exact: true })).toBeVisible()
  await expectNoA11yViolations(page)

  // The removed file is gone for members too.
  const gone = await page.request.get(href)
  expect(gone.status()).toBe(404)
  expect((await gone.body()).includes(Buffer.from('%PDF'))).toBe(false)

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Projekt', exact: true }).click()
  await expectCard(page, newTitle)
  await expect(page.getByRole('article', { name: title, exact: true })).toHaveCount(0)
  await expectNoA11yViolations(page)
})

test('a project with an end date before its start or an unknown participant is refused in Swedish, and what was typed is kept', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('felaktigt.projekt', 'nacka.se'), name: 'Fredrik Felskrivare' })
  const title = uniqueTitle('Samverkan kring skolskjuts')
  const description = 'Gemensam upphandling av skolskjuts.'
  const nameField = page.getByRole('textbox', { name: 'Projektets namn' })
  const participants = page.getByRole('textbox', { name: 'Deltagande organisationer' })
  const startDate = page.getByLabel('Startdatum (frivilligt)')
  const endDate = page.getByLabel('Slutdatum (frivilligt)')

  // An end date before the start date (checked before the participants).
  await page.getByRole('link', { name: 'Nytt projekt' }).click()
  await expect(page.getByRole('heading', { name: 'Nytt projekt', level: 1 })).toBeVisible()
  await fillProjectForm(page, { title, description, startDate: '2026-03-01', endDate: '2026-01-15', participants: 'Lunds kommun\nKommunen som inte finns' })
  await page.getByRole('button', { name: 'Publicera projektet' }).click()
  await expect(page.getByText('Slutdatum kan inte vara före startdatum.', { exact: true })).toBeVisible()
  await expect(endDate).toHaveAttribute('aria-invalid', 'true')
  await expect(endDate).toHaveAccessibleDescription(/Slutdatum kan inte vara före startdatum\./)
  await expect(page).toHaveURL((url) => url.pathname === '/projekt/ny')
  await expect(nameField).toHaveValue(title)
  await expect(startDate).toHaveValue('2026-03-01')
  await expect(endDate).toHaveValue('2026-01-15')
  await expect(participants).toHaveValue('Lunds kommun\nKommunen som inte finns')
  await expect(await richTextEditor(page, 'Beskrivning')).toHaveText(description)
  await expectNoA11yViolations(page)

  // A participant that is not in the registry, on a fresh form.
  await page.goto('/projekt/ny')
  await expect(page.getByRole('heading', { name: 'Nytt projekt', level: 1 })).toBeVisible()
  await fillProjectForm(page, { title, description, startDate: '2026-03-01', endDate: '2026-12-31', participants: 'Lunds kommun\nKommunen som inte finns' })
  await page.getByRole('button', { name: 'Publicera projektet' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Hittar inte ”Kommunen som inte finns” i organisationsregistret.')
  await expect(alert).not.toContainText('Lunds kommun')
  await expect(page).toHaveURL((url) => url.pathname === '/projekt/ny')
  await expect(nameField).toHaveValue(title)
  await expect(participants).toHaveValue('Lunds kommun\nKommunen som inte finns')
  await expect(endDate).toHaveValue('2026-12-31')
  const editor = await richTextEditor(page, 'Beskrivning')
  await expect(editor).toHaveText(description)
  await expectNoA11yViolations(page)

  // The member removes the unknown name and publishes; the description shown in the editor is what is saved.
  await participants.fill('Lunds kommun')
  await publishProject(page, title)
  const project = page.getByRole('article', { name: title, exact: true })
  await expect(project.getByText(description, { exact: true })).toBeVisible()
  await expect(project.getByRole('definition').getByRole('link', { name: 'Lunds kommun', exact: true })).toBeVisible()
  await expectNoA11yViolations(page)

  // The refused submits published nothing.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Projekt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible()
  await expect(page.getByRole('article', { name: title })).toHaveCount(1)
  await expectNoA11yViolations(page)
})

test('the author deletes a project: gone from the lists, from Sparat and for the member who saved it', async ({ page, browser, signUp }) => {
  await signUp(page, { email: uniqueEmail('borttagare', 'nacka.se'), name: 'Bo Borttagare' })
  const title = uniqueTitle('Pilot med digitala trygghetslarm')
  const path = await createProject(page, { title, description: 'Piloten är inställd.' })

  const { context, page: member } = await newMember(browser, signUp, {
    email: uniqueEmail('sparare', 'gotland.se'),
    name: 'Siv Sparare',
    organisation: 'Gotlands kommun',
  })
  await member.goto(path)
  await member.getByRole('button', { name: 'Spara', exact: true }).click()
  await expect(member.getByRole('button', { name: 'Sparad', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await member.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sparat', exact: true }).click()
  await expect(member.getByRole('heading', { name: 'Sparat', level: 1 })).toBeVisible()
  await expectCard(member, title)
  await expectNoA11yViolations(member)

  await page.getByRole('button', { name: 'Ta bort', exact: true }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/')
  await expect(page.getByRole('status').filter({ hasText: 'Inlägget är borttaget.' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Senaste aktivitet' })).toBeVisible()
  await expect(page.getByRole('article', { name: title })).toHaveCount(0)
  await expectNoA11yViolations(page)
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Projekt', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible()
  await expect(page.getByRole('article', { name: title })).toHaveCount(0)

  // For the member who saved it.
  await member.reload()
  await expect(member.getByRole('heading', { name: 'Sparat', level: 1 })).toBeVisible()
  await expect(member.getByRole('article', { name: title })).toHaveCount(0)
  await expectNoA11yViolations(member)
  await member.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Projekt', exact: true }).click()
  await expect(member.getByRole('heading', { name: 'Projekt', level: 1 })).toBeVisible()
  await expect(member.getByRole('article', { name: title })).toHaveCount(0)
  const response = await member.goto(path)
  expect(response?.status()).toBe(404)
  await expect(member.getByRole('heading', { name: 'Sidan finns inte', level: 1 })).toBeVisible()
  await expect(member.getByRole('heading', { name: title })).toHaveCount(0)
  await expectNoA11yViolations(member)
  await context.close()
})
