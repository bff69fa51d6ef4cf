import type { Browser, Page } from '@playwright/test'
import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { richTextEditor, typeInEditor, uniqueTitle } from './post-helpers.ts'

async function reportQuestion(page: Page, path: string, reason: string, details: string) {
  await page.goto(path)
  await page.getByRole('link', { name: 'Anmäl inlägget' }).click()
  await expect(page.getByRole('heading', { name: 'Anmäl inlägget', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('combobox', { name: 'Anledning' }).selectOption({ label: reason })
  await page.getByRole('textbox', { name: 'Beskrivning' }).fill(details)
  await page.getByRole('button', { name: 'Skicka anmälan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Tack! En moderator tittar på din anmälan.' })).toBeVisible()
  await expectNoA11yViolations(page)
}

async function newMember(browser: Browser, signUp: (page: Page, member: { email: string; name: string }) => Promise<void>, local: string, name: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signUp(page, { email: uniqueEmail(local, 'nacka.se'), name })
  return { page, close: () => context.close() }
}

test('two members report a question; the moderator sees one card with 2 reports and hides it; the author is told why', async ({
  page,
  browser,
  signUp,
  signIn,
}) => {
  await signUp(page, { email: uniqueEmail('anmaldforfattare', 'nacka.se'), name: 'Frida Frågvis' })
  const title = uniqueTitle('Köp vår tjänst för e-arkiv till rabatterat pris')
  await page.goto('/fragor/ny')
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), 'Ring oss för ett erbjudande.')
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  const path = new URL(page.url()).pathname
  // No "Anmäl" on your own content.
  await expect(page.getByRole('link', { name: 'Anmäl inlägget' })).toHaveCount(0)

  const first = await newMember(browser, signUp, 'anmalare1', 'Anton Anmälare')
  await reportQuestion(first.page, path, 'Spam eller reklam', '')
  await first.close()
  const second = await newMember(browser, signUp, 'anmalare2', 'Berit Anmälare')
  await reportQuestion(second.page, path, 'Annat', 'Det här är en annons, inte en fråga.')
  await second.close()

  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()
  await signIn(moderator, 'moderator@samverka.example')
  await moderator.goto('/moderering')
  await expect(moderator.getByRole('heading', { name: 'Anmälningar', level: 2 })).toBeVisible()
  const card = moderator.getByRole('article', { name: `Inlägg: ${title}` })
  await expect(card.getByText('2 anmälningar')).toBeVisible()
  await expect(card.getByRole('list', { name: 'Anledningar' })).toContainText('Spam eller reklam: 1')
  await expect(card.getByRole('list', { name: 'Anledningar' })).toContainText('Annat: 1')
  await expectNoA11yViolations(moderator)
  await card.getByRole('textbox', { name: 'Motivering' }).fill('Reklam hör inte hemma bland frågorna.')
  await card.getByRole('button', { name: 'Dölj' }).click()
  await expect(moderator.getByRole('status').filter({ hasText: 'Innehållet är dolt och författaren har fått besked.' })).toBeVisible()
  await expect(moderator.getByRole('article', { name: `Inlägg: ${title}` })).toHaveCount(0)
  await expectNoA11yViolations(moderator)
  await moderatorContext.close()

  await page.goto('/notiser')
  await expect(page.getByRole('heading', { name: 'Notiser', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: `En moderator dolde ditt inlägg ”${title}”.` })).toBeVisible()
  await expect(page.getByText('Reklam hör inte hemma bland frågorna.')).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('link', { name: `En moderator dolde ditt inlägg ”${title}”.` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Dolt av en moderator: Reklam hör inte hemma bland frågorna.' })).toBeVisible()
  await expectNoA11yViolations(page)
})
