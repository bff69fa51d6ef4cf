import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { signUpWithoutJavaScript, uniqueTitle } from './post-helpers.ts'

/**
 * Revisions: an edit keeps the earlier version, and "redigerad …" leads to the versions with
 * what changed. Without JavaScript here (the edit form is a plain textarea, the history page
 * plain links); the answer's history is followed with JavaScript in questions.spec.ts.
 */
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('an edited question links to its versions, which show what changed', async ({ page, browser, signUp }) => {
    await signUpWithoutJavaScript(page, browser, signUp, { email: uniqueEmail('versioner', 'nacka.se'), name: 'Vide Versionsson' })
    const title = uniqueTitle('Hur diarieför ni e-post?')
    await page.goto('/fragor/ny')
    await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
    await page.getByRole('textbox', { name: 'Beskrivning', exact: true }).fill('Vi diarieför e-post för hand.')
    await page.getByRole('button', { name: 'Publicera frågan' }).click()
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
    const questionPath = new URL(page.url()).pathname
    await expect(page.getByRole('link', { name: /^redigerad / })).toHaveCount(0)

    await page.getByRole('link', { name: 'Redigera frågan' }).click()
    await page.getByRole('textbox', { name: 'Beskrivning', exact: true }).fill('Vi diarieför e-post med automatik.')
    await page.getByRole('button', { name: 'Spara ändringarna' }).click()
    await expect(page).toHaveURL((url) => url.pathname === questionPath)

    await page.getByRole('link', { name: /^redigerad / }).click()
    await expect(page).toHaveURL((url) => url.pathname === `${questionPath}/historik`)
    await expect(page.getByRole('heading', { name: `Versioner av ”${title}”`, level: 1 })).toBeVisible()
    const current = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Version 2 (nuvarande)' }) })
    await expect(current.locator('del')).toContainText('för hand')
    await expect(current.locator('ins')).toContainText('med automatik')
    await expect(current).toContainText('Vide Versionsson')
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Version 1', exact: true }) })
    await expect(first.getByText('Vi diarieför e-post för hand.')).toBeVisible()
    await expectNoA11yViolationsWithoutJavaScript(page)

    await page.getByRole('link', { name: 'Tillbaka till inlägget' }).click()
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  })
})

test('a history that does not exist is a Swedish 404', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('ingen.historik', 'nacka.se'), name: 'Hilda Historielös' })
  const response = await page.goto('/fragor/finnsinte/historik')
  expect(response?.status()).toBe(404)
  await expect(page.getByText('Inlägget finns inte.')).toBeVisible()
  await expectNoA11yViolations(page)
})
