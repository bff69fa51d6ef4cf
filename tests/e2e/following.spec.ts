import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { signUpWithoutJavaScript } from './post-helpers.ts'

const EARKIV_PROJECT = 'Mall för kravspecifikation vid upphandling av e-arkiv'
const EARKIV_QUESTION = 'Hur har ni löst e-arkiv för e-post och Teams-chattar?'
const SIGNING_QUESTION = 'Erfarenheter av digital signering av beslut enligt SoL och LSS?'

test('a member follows a tag and a question, reads "Det jag följer" and unfollows in the settings', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('foljare', 'nacka.se'), name: 'Frida Följare' })
  const feed = page.getByRole('main')

  await page.getByRole('link', { name: 'Det jag följer' }).click()
  await expect(page.getByText('Inget här ännu. Följ taggar, organisationer eller inlägg')).toBeVisible()
  await expectNoA11yViolations(page)

  await page.goto('/taggar/e-arkiv')
  await page.getByRole('button', { name: 'Följ taggen e-arkiv' }).click()
  await expect(page.getByText('Du följer taggen e-arkiv.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sluta följa taggen e-arkiv' })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.goto('/?visa=foljer')
  await expect(feed.getByRole('link', { name: EARKIV_PROJECT })).toBeVisible()
  await expect(feed.getByRole('link', { name: EARKIV_QUESTION })).toBeVisible()
  await expect(feed.getByRole('link', { name: SIGNING_QUESTION })).toHaveCount(0)

  // A single question, from its own page.
  await page.goto('/?visa=fragor')
  await page.getByRole('link', { name: SIGNING_QUESTION }).click()
  await page.getByRole('button', { name: `Följ ”${SIGNING_QUESTION}”` }).click()
  await expect(page.getByRole('button', { name: `Sluta följa ”${SIGNING_QUESTION}”` })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.goto('/?visa=foljer')
  await expect(feed.getByRole('link', { name: SIGNING_QUESTION })).toBeVisible()

  await page.goto('/installningar/foljer')
  await expect(page.getByRole('heading', { name: 'Följer', level: 2 })).toBeVisible()
  const tags = page.getByRole('region', { name: 'Taggar' })
  const posts = page.getByRole('region', { name: 'Projekt, frågor och material' })
  await expect(tags.getByRole('link', { name: 'e-arkiv' })).toBeVisible()
  await expect(posts.getByRole('link', { name: SIGNING_QUESTION })).toBeVisible()
  await expectNoA11yViolations(page)

  // The digest being collected for next Monday has the week's news from the followed tag.
  await page.getByRole('link', { name: 'förhandsgranska mitt veckobrev' }).click()
  await expect(page.getByRole('heading', { name: 'Förhandsgranska mitt veckobrev', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Nytt i det du följer' }).getByRole('link', { name: EARKIV_PROJECT })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.goto('/installningar/foljer')

  await tags.getByRole('button', { name: 'Sluta följa taggen e-arkiv' }).click()
  await expect(tags.getByText('Du följer inga taggar.')).toBeVisible()
  await expect(page).toHaveURL(/\/installningar\/foljer$/)
  await page.goto('/?visa=foljer')
  await expect(feed.getByRole('link', { name: EARKIV_PROJECT })).toHaveCount(0)
  await expect(feed.getByRole('link', { name: SIGNING_QUESTION })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a member follows an organisation and sees it in the settings', async ({ page, browser, signUp }) => {
    await signUpWithoutJavaScript(page, browser, signUp, { email: uniqueEmail('utan.js.foljare', 'nacka.se'), name: 'Nils Nojs' })
    await page.goto('/organisationer/malmo-kommun')
    await page.getByRole('button', { name: 'Följ Malmö kommun' }).click()
    await expect(page.getByText('Du följer Malmö kommun.')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Malmö kommun' })).toBeVisible()
    await expectNoA11yViolationsWithoutJavaScript(page)

    await page.goto('/installningar/foljer')
    const organisations = page.getByRole('region', { name: 'Organisationer' })
    await expect(organisations.getByRole('link', { name: 'Malmö kommun' })).toBeVisible()
    await expectNoA11yViolationsWithoutJavaScript(page)
    await organisations.getByRole('button', { name: 'Sluta följa Malmö kommun' }).click()
    await expect(organisations.getByText('Du följer inga organisationer.')).toBeVisible()
  })
})
