import { expect, expectNoA11yViolations, test } from '#tests/playwright-utils.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/logga-in')
  await expect(page.getByRole('heading', { name: 'Logga in', exact: true })).toBeVisible()
  // Once hydrated, Conform turns off the browser's own validation, so the server decides.
  await expect(page.locator('form#sign-in')).toHaveAttribute('novalidate', '')
  await expectNoA11yViolations(page)
})

test('a free-mail address is refused with a Swedish explanation', async ({ page }) => {
  const field = page.getByRole('textbox', { name: 'E-postadress i jobbet' })
  await field.fill('someone@gmail.com')
  await page.getByRole('button', { name: 'Skicka kod' }).click()

  await expect(page.getByText('Använd e-postadressen du har i jobbet')).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(/Använd e-postadressen du har i jobbet/)
  // Still on the sign-in page (a hydrated submit adds ?index to the URL).
  await expect(page).toHaveURL((url) => url.pathname === '/logga-in')
  await expectNoA11yViolations(page)
})

test('a malformed address is refused', async ({ page }) => {
  const field = page.getByRole('textbox', { name: 'E-postadress i jobbet' })
  await field.fill('anna.svensson.malmo.se')
  await page.getByRole('button', { name: 'Skicka kod' }).click()

  await expect(page.getByText('Det där ser inte ut som en e-postadress')).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  // Still on the sign-in page (a hydrated submit adds ?index to the URL).
  await expect(page).toHaveURL((url) => url.pathname === '/logga-in')
  await expectNoA11yViolations(page)
})
