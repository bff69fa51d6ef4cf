import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { signUpWithoutJavaScript } from './post-helpers.ts'

const RPA_PROJECT = /Samordnad upphandling av RPA-plattform/
const E_ARCHIVE_TEMPLATE = /Mall för kravspecifikation vid upphandling av e-arkiv/

test('a member searches from the header on another page, ticks a filter that applies at once, goes back, and opens a result', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('sokare', 'nacka.se'), name: 'Sonja Sökare' })
  await page.goto('/projekt')

  const header = page.getByRole('searchbox', { name: 'Sök i Samverka' })
  await header.fill('upphandlng')
  await header.press('Enter')
  await expect(page).toHaveURL((url) => url.pathname === '/sok' && url.searchParams.get('q') === 'upphandlng')
  await expect(page.getByRole('heading', { name: 'Sök', level: 1 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /träffar för ”upphandlng”/ })).toBeVisible()
  await expect(header).toHaveValue('upphandlng')

  const results = page.getByRole('list', { name: 'Sökresultat' })
  const project = results.getByRole('link', { name: RPA_PROJECT })
  await expect(project).toBeVisible()
  await expect(project.locator('mark').first()).toHaveText(/upphandling/i)
  await expectNoA11yViolations(page)

  // Ticking a filter searches at once (no button) and adds a history entry.
  const material = page.getByRole('group', { name: 'Typ', exact: true }).getByRole('checkbox', { name: /^Material \(\d+\)$/ })
  await material.check()
  await expect(page).toHaveURL((url) => url.searchParams.getAll('typ').join() === 'material' && url.searchParams.get('q') === 'upphandlng')
  await expect(results.getByRole('link', { name: E_ARCHIVE_TEMPLATE })).toBeVisible()
  await expect(results.getByRole('link', { name: RPA_PROJECT })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Typ: Material – ta bort filtret' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Typ av material' }).getByRole('checkbox', { name: /^Upphandlingsunderlag/ })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.goBack()
  await expect(page).toHaveURL((url) => url.searchParams.getAll('typ').length === 0 && url.searchParams.get('q') === 'upphandlng')
  await expect(results.getByRole('link', { name: RPA_PROJECT })).toBeVisible()
  await expect(material).not.toBeChecked()

  await results.getByRole('link', { name: RPA_PROJECT }).click()
  await expect(page.getByRole('heading', { name: RPA_PROJECT, level: 1 })).toBeVisible()
})

test('results come as you type, the count is announced, focus stays in the field and ArrowDown reaches the first result', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('skrivare', 'nacka.se'), name: 'Svea Skrivare' })
  await page.goto('/sok')
  const status = page.getByRole('status').filter({ hasText: /träff/ })
  await expect(status).toHaveCount(0)

  const field = page.getByRole('searchbox', { name: 'Sök', exact: true })
  await field.pressSequentially('e-arkiv')
  await expect(page.getByRole('status').filter({ hasText: /för ”e-arkiv”/ })).toHaveText(/^\d+ träffar? för ”e-arkiv”\.$/)
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'e-arkiv')
  await expect(field).toBeFocused()
  await expect(page.getByRole('list', { name: 'Sökresultat' }).getByRole('link', { name: E_ARCHIVE_TEMPLATE })).toBeVisible()
  await expectNoA11yViolations(page)

  await field.press('ArrowDown')
  await expect(page.locator('#sokresultat a').first()).toBeFocused()
})

test('organisations and members whose names match appear above the content', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('namnsok', 'nacka.se'), name: 'Nora Namnsök' })

  await page.goto('/sok?q=anna+svenson')
  const members = page.getByRole('region', { name: 'Medlemmar' })
  await expect(members.getByRole('link', { name: 'Anna Svensson' })).toBeVisible()
  await expect(members).toContainText('Digitaliseringsstrateg · Malmö kommun')
  await expectNoA11yViolations(page)

  await page.goto('/sok?q=malmo+komun')
  const organisations = page.getByRole('region', { name: 'Organisationer' })
  await expect(organisations.getByRole('link', { name: 'Malmö kommun' })).toBeVisible()
  await expect(organisations).toContainText('Kommun, Skåne län')
  await expectNoA11yViolations(page)
  await organisations.getByRole('link', { name: 'Malmö kommun' }).click()
  await expect(page).toHaveURL(/\/organisationer\/malmo-kommun$/)
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
  await expect(page.getByText('Sökningen var för lång och har kortats till 200 tecken.')).toBeVisible()
  const response = await page.goto('/sok?q=upphandling&fran=2026-13-45&sida=999999')
  expect(response?.status()).toBe(200)
  await expect(page.getByText('Datumet ”2026-13-45” finns inte')).toBeVisible()
  await expectNoA11yViolations(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same search and filter work as a plain form, with chips to remove filters', async ({ page, browser, signUp }) => {
    await signUpWithoutJavaScript(page, browser, signUp, { email: uniqueEmail('utan.js.sokare', 'nacka.se'), name: 'Uno Utan-Skript' })

    await page.getByRole('searchbox', { name: 'Sök i Samverka' }).fill('upphandlng')
    await page.getByRole('searchbox', { name: 'Sök i Samverka' }).press('Enter')
    await expect(page.getByRole('status').filter({ hasText: /träffar för ”upphandlng”/ })).toBeVisible()
    const results = page.getByRole('list', { name: 'Sökresultat' })
    await expect(results.getByRole('link', { name: RPA_PROJECT })).toBeVisible()
    await expectNoA11yViolationsWithoutJavaScript(page)

    await page
      .getByRole('group', { name: 'Typ', exact: true })
      .getByRole('checkbox', { name: /^Material/ })
      .check()
    await page.getByRole('searchbox', { name: 'Sök', exact: true }).fill('upphandling')
    await page.getByRole('button', { name: 'Använd filter' }).click()
    await expect(page).toHaveURL((url) => url.searchParams.get('typ') === 'material' && url.searchParams.get('q') === 'upphandling')
    await expect(results.getByRole('link', { name: E_ARCHIVE_TEMPLATE })).toBeVisible()
    await expect(results.getByRole('link', { name: RPA_PROJECT })).toHaveCount(0)
    await expectNoA11yViolationsWithoutJavaScript(page)

    await page.getByRole('link', { name: 'Typ: Material – ta bort filtret' }).click()
    await expect(results.getByRole('link', { name: RPA_PROJECT })).toBeVisible()
    await page.getByRole('combobox', { name: 'Sortera' }).selectOption('Nyast först')
    await page.getByRole('search', { name: 'Sök i innehållet' }).getByRole('button', { name: 'Sök', exact: true }).click()
    await expect(page).toHaveURL((url) => url.searchParams.get('sortera') === 'nyast' && url.searchParams.get('q') === 'upphandling')
    await results.getByRole('link', { name: E_ARCHIVE_TEMPLATE }).click()
    await expect(page.getByRole('heading', { name: E_ARCHIVE_TEMPLATE, level: 1 })).toBeVisible()
  })
})
