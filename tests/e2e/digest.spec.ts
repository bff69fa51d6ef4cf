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

  await page.getByRole('link', { name: 'Förhandsgranska mitt veckobrev' }).click()
  await expect(page.getByRole('heading', { name: 'Förhandsgranska mitt veckobrev', level: 1 })).toBeVisible()
  await expect(page.getByText('Du har stängt av veckobrevet, så det skickas inte till dig.')).toBeVisible()
  await expectNoA11yViolations(page)
})
