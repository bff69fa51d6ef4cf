import fs from 'node:fs/promises'
import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { richTextEditor, typeInEditor, uniqueTitle } from './post-helpers.ts'

test('a member downloads their data, deletes the account keeping their question anonymised, and signs up afresh', async ({ page, signUp }) => {
  // Two sign-ups, a download and a deletion, with axe-core on every page.
  test.slow()
  const email = uniqueEmail('integritet', 'nacka.se')
  await signUp(page, { email, name: 'Ingrid Integritet' })
  const title = uniqueTitle('Hur gallrar ni e-post i diariet?')
  await page.goto('/fragor/ny')
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), 'Vi behöver en rutin.')
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  const questionPath = new URL(page.url()).pathname

  await page.goto('/installningar')
  await page.getByRole('navigation', { name: 'Inställningar' }).getByRole('link', { name: 'Mina uppgifter' }).click()
  await expect(page.getByRole('heading', { name: 'Mina uppgifter' })).toBeVisible()
  await expectNoA11yViolations(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner mina uppgifter' }).click()])
  expect(download.suggestedFilename()).toMatch(/^samverka-mina-uppgifter-\d{4}-\d{2}-\d{2}\.json$/)
  const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8')) as { profile: { email: string }; posts: Array<{ title: string }> }
  expect(exported.profile.email).toBe(email)
  expect(exported.posts.map((post) => post.title)).toEqual([title])

  await page.getByRole('navigation', { name: 'Inställningar' }).getByRole('link', { name: 'Radera konto' }).click()
  await expect(page.getByRole('heading', { name: 'Radera konto' })).toBeVisible()
  await expectNoA11yViolations(page)
  await expect(page.getByRole('radio', { name: /Anonymisera mina inlägg/ })).toBeChecked()
  const confirm = page.getByRole('textbox', { name: 'Skriv din e-postadress för att bekräfta' })
  await confirm.fill('fel.adress@nacka.se')
  await page.getByRole('button', { name: 'Radera mitt konto' }).click()
  await expect(page.getByText('E-postadressen stämmer inte med ditt konto.')).toBeVisible()
  await expect(confirm).toHaveAttribute('aria-invalid', 'true')
  await expectNoA11yViolations(page)
  await confirm.fill(email)
  await page.getByRole('button', { name: 'Radera mitt konto' }).click()
  await expect(page.getByRole('heading', { name: 'Ditt konto är raderat' })).toBeVisible()
  await expectNoA11yViolations(page)

  // Signing in again with the address starts a new sign-up (signUp checks it lands on /valkommen).
  await signUp(page, { email, name: 'Ingrid Igen' })
  await page.goto(questionPath)
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  await expect(page.getByRole('main').getByText('Tidigare medlem')).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'Ingrid Integritet' })).toHaveCount(0)
  await expectNoA11yViolations(page)
})

test('a visitor who is not signed in reports an accessibility problem from the footer', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
  await expect(page.getByRole('heading', { name: 'Tillgänglighetsredogörelse', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.getByRole('button', { name: 'Skicka rapporten' }).click()
  await expect(page.getByText('Beskriv problemet.', { exact: true })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.getByRole('textbox', { name: 'Sidans adress (frivilligt)' }).fill('/sok')
  await page.getByRole('textbox', { name: 'Beskriv problemet' }).fill('Sökrutan saknar synlig fokusmarkering.')
  await page.getByRole('textbox', { name: 'Din e-postadress (frivilligt)' }).fill('besokare@example.se')
  await page.getByRole('button', { name: 'Skicka rapporten' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Tack! Vi har tagit emot din rapport' })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.getByRole('contentinfo').getByRole('link', { name: 'Integritet och personuppgifter' }).click()
  await expect(page.getByRole('heading', { name: 'Integritet och personuppgifter', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
})
