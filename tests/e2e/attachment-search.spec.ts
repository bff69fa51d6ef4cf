import { PDFDocument, StandardFonts } from 'pdf-lib'
import { expect, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { signUpWithoutJavaScript, uniqueTitle } from './post-helpers.ts'

test.use({ javaScriptEnabled: false })

async function pdf(lines: string[]): Promise<Buffer> {
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  const page = document.addPage()
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 750 - index * 20, size: 12, font }))
  return Buffer.from(await document.save())
}

test('shared material is found by a word that is only in its attached PDF', async ({ page, browser, signUp }) => {
  await signUpWithoutJavaScript(page, browser, signUp, {
    email: uniqueEmail('arkivarie', 'gotland.se'),
    name: 'Alma Arkivarie',
    organisation: 'Gotlands kommun',
  })
  const title = uniqueTitle('Plan för bevarande')
  const word = 'dokumenthanteringsplanen'

  await page.goto('/material/ny')
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await page.getByRole('textbox', { name: 'Beskrivning', exact: true }).fill('Vår plan, se bilagan.')
  await page.getByRole('combobox', { name: 'Typ av material' }).selectOption({ label: 'Mall' })
  await page.getByRole('combobox', { name: 'Licens' }).selectOption({ label: 'CC BY 4.0 (erkännande)' })
  await page
    .getByLabel('Ladda upp filer')
    .setInputFiles([{ name: 'Bevarandeplan.pdf', mimeType: 'application/pdf', buffer: await pdf(['Bilaga till', `${word} för Gotlands kommun`]) }])
  await page.getByRole('button', { name: 'Publicera materialet' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  // The text is extracted and indexed in the background: search until the material turns up.
  const result = page
    .getByRole('list', { name: 'Sökresultat' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title }) })
  await expect(async () => {
    await page.goto(`/sok?q=${word}`)
    await expect(result).toBeVisible({ timeout: 1000 })
  }).toPass()
  await expect(result.locator('mark')).toHaveText([word])
  await expectNoA11yViolationsWithoutJavaScript(page)
})
