import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'

test('a member finds demo content with a typo from the header search, filters by type, and sees only visible posts', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('sokare', 'nacka.se'), name: 'Sonja Sökare' })

  await page.getByRole('searchbox', { name: 'Sök i Samverka' }).fill('upphandlng')
  await page.getByRole('searchbox', { name: 'Sök i Samverka' }).press('Enter')
  await expect(page).toHaveURL((url) => url.pathname === '/sok' && url.searchParams.get('q') === 'upphandlng')
  await expect(page.getByRole('heading', { name: 'Sök', level: 1 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'för ”upphandlng”' })).toBeVisible()

  const results = page.getByRole('list', { name: 'Sökresultat' })
  const project = results.getByRole('link', { name: /Samordnad upphandling av RPA-plattform/ })
  await expect(project).toBeVisible()
  await expect(project.locator('mark').first()).toHaveText(/upphandling/i)
  await expectNoA11yViolations(page)

  await page.getByRole('navigation', { name: 'Filtrera på typ' }).getByRole('link', { name: /Material/ }).click()
  await expect(results.getByRole('link', { name: /Mall för kravspecifikation vid upphandling av e-arkiv/ })).toBeVisible()
  await expect(results.getByRole('link', { name: /Samordnad upphandling av RPA-plattform/ })).toHaveCount(0)
  await expectNoA11yViolations(page)
})

test('abbreviations find their long forms, and hostile input gets an answer, not an error', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('forkortning', 'nacka.se'), name: 'Folke Förkortning' })

  await page.goto('/sok?q=LSS')
  await expect(page.getByRole('list', { name: 'Sökresultat' }).getByRole('link', { name: /digital signering av beslut enligt SoL och LSS/ })).toBeVisible()
  await expectNoA11yViolations(page)

  for (const query of [`"' OR 1=1 --`, 'status = hidden OR type = question', '🙂 مرحبا', 'x'.repeat(10_000)]) {
    const response = await page.goto(`/sok?q=${encodeURIComponent(query)}`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { name: 'Sök', level: 1 })).toBeVisible()
  }
  await expectNoA11yViolations(page)
})
