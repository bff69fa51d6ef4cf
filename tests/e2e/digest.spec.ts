import { createUnsubscribeToken } from '#app/utils/unsubscribe-token.server.ts'
import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'

test('a member chooses what the weekly digest holds, turns it off, and the preview says so', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('veckobrev', 'nacka.se'), name: 'Vera Veckobrev' })
  await page.goto('/installningar/veckobrev')
  await expect(page.getByRole('heading', { name: 'Veckobrev', level: 2 })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Varje vecka' })).toBeChecked()
  const colleagues = page.getByRole('checkbox', { name: 'Nya medlemmar från din organisation' })
  await expect(colleagues).toBeChecked()
  await expectNoA11yViolations(page)

  await colleagues.uncheck()
  await page.getByRole('radio', { name: 'Aldrig' }).check()
  await page.getByRole('button', { name: 'Spara' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Inställningarna för veckobrevet är sparade.' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Aldrig' })).toBeChecked()
  await expect(colleagues).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Nytt i det du följer' })).toBeChecked()
  await expectNoA11yViolations(page)

  // The message belongs to the page it came with: a link elsewhere leaves it behind.
  await page.getByRole('link', { name: 'Förhandsgranska mitt veckobrev' }).click()
  await expect(page.getByRole('heading', { name: 'Förhandsgranska mitt veckobrev', level: 1 })).toBeVisible()
  await expect(page.getByText('Inställningarna för veckobrevet är sparade.')).toHaveCount(0)
  await expect(page.getByText('Du har stängt av veckobrevet, så det skickas inte till dig.')).toBeVisible()
  await expectNoA11yViolations(page)
})

test('the unsubscribe link in a digest works without signing in: it offers never or monthly and acts only on the button', async ({ page, browser, signUp }) => {
  await signUp(page, { email: uniqueEmail('avsluta', 'nacka.se'), name: 'Aron Avslutare' })
  const profileHref = await page.getByRole('link', { name: 'Aron Avslutare' }).getAttribute('href')
  const memberId = profileHref?.split('/').pop() ?? ''
  const link = `/veckobrev/avsluta?token=${encodeURIComponent(createUnsubscribeToken(memberId))}`

  // A fresh browser without the member's cookies, as when the link is opened from the mail.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin })
  const anonymous = await context.newPage()
  try {
    await anonymous.goto(link)
    await expect(anonymous.getByRole('heading', { name: 'Avsluta veckobrevet', level: 1 })).toBeVisible()
    await expect(anonymous.getByText('Just nu får du veckobrevet varje vecka.')).toBeVisible()
    await expect(anonymous.getByRole('radio', { name: 'Skicka inga fler veckobrev' })).toBeChecked()
    await expectNoA11yViolations(anonymous)
    await anonymous.getByRole('radio', { name: 'Skicka bara en sammanfattning i månaden' }).check()
    await anonymous.getByRole('button', { name: 'Spara' }).click()
    await expect(anonymous.getByRole('status').filter({ hasText: 'Klart.' })).toHaveText('Klart. Du får veckobrevet en gång i månaden.')
    await expectNoA11yViolations(anonymous)

    await anonymous.goto('/veckobrev/avsluta?token=forfalskad.0000')
    await expect(anonymous.getByRole('alert')).toHaveText('Länken fungerar inte. Kontrollera att du har kopierat hela länken från e-postbrevet.')
    await expectNoA11yViolations(anonymous)
  } finally {
    await context.close()
  }

  await page.goto('/installningar/veckobrev')
  await expect(page.getByRole('radio', { name: 'En gång i månaden' })).toBeChecked()
})
