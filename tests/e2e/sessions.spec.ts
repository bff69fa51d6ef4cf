import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'

test('a member signs out another device from the list of sign-ins', async ({ page, browser, signUp, signIn, baseURL }) => {
  const email = uniqueEmail('tva.enheter', 'gotland.se')
  await signUp(page, { email, name: 'Tove Tvåenheter', organisation: 'Gotlands kommun' })

  // The same member on a second device.
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  const { isNewUser } = await signIn(other, email)
  expect(isNewUser).toBe(false)
  await expect(other.getByRole('heading', { name: 'Hej Tove Tvåenheter!' })).toBeVisible()
  await expectNoA11yViolations(other)

  await page.goto('/installningar/inloggningar')
  await expect(page.getByRole('heading', { name: 'Dina inloggningar' })).toBeVisible()
  const sessions = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Logga ut / }) })
  await expect(sessions).toHaveCount(2)
  await expect(sessions.filter({ hasText: 'Den här enheten' })).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Logga ut alla andra enheter' })).toBeVisible()
  await expectNoA11yViolations(page)

  await sessions
    .filter({ hasNotText: 'Den här enheten' })
    .getByRole('button', { name: /^Logga ut / })
    .click()
  await expect(page.getByRole('status')).toHaveText('Enheten är utloggad.')
  await expect(sessions).toHaveCount(1)
  await expect(sessions).toContainText('Den här enheten')
  await expectNoA11yViolations(page)

  // The other device's next request is sent to sign in; this one is still signed in.
  await other.goto('/installningar')
  await expect(other).toHaveURL(`${baseURL}/logga-in?redirectTo=%2Finstallningar`)
  await expect(other.getByRole('heading', { name: 'Logga in', exact: true })).toBeVisible()
  await expectNoA11yViolations(other)
  await otherContext.close()

  await page.goto('/installningar')
  await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
})
