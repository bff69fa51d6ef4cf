import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { richTextEditor, typeInEditor, uniqueTitle } from './post-helpers.ts'

test('the asker sees an answer in the header and on the Notiser page, and marks it read', async ({ page, browser, signUp }) => {
  await signUp(page, { email: uniqueEmail('notisfragare', 'nacka.se'), name: 'Nora Notis' })
  const title = uniqueTitle('Hur länge sparar ni loggar från e-tjänster?')
  await page.goto('/fragor/ny')
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), 'Vi ser över gallringen.')
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  const path = new URL(page.url()).pathname
  const header = page.getByRole('navigation', { name: 'Huvudmeny' })
  await expect(header.getByRole('link', { name: 'Notiser', exact: true })).toBeVisible()

  const answererContext = await browser.newContext()
  const answerer = await answererContext.newPage()
  await signUp(answerer, { email: uniqueEmail('notissvarare', 'gotland.se'), name: 'Sixten Svar', organisation: 'Region Gotland' })
  await answerer.goto(path)
  await typeInEditor(answerer, await richTextEditor(answerer, 'Svar'), 'Vi sparar dem i två år.')
  await answerer.getByRole('button', { name: 'Publicera svaret' }).click()
  await expect(answerer.getByRole('heading', { name: '1 svar' })).toBeVisible()
  await answererContext.close()

  await page.goto('/')
  const bell = header.getByRole('link', { name: /^Notiser\s*, 1 oläst$/ })
  await expect(bell).toBeVisible()
  await expect(page).toHaveTitle('(1) Start – Samverka')
  await expectNoA11yViolations(page)
  await bell.click()
  await expect(page.getByRole('heading', { name: 'Notiser', level: 1 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Du har 1 oläst notis.' })).toBeVisible()
  const notification = page.getByRole('list', { name: 'Notiser' }).getByRole('link', { name: `Sixten Svar svarade på din fråga ”${title}”.` })
  await expect(notification).toBeVisible()
  await expectNoA11yViolations(page)

  await page.getByRole('button', { name: 'Markera alla som lästa' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Du har inga olästa notiser.' })).toBeVisible()
  await expect(header.getByRole('link', { name: 'Notiser', exact: true })).toBeVisible()
  await expect(page).toHaveTitle('Notiser – Samverka')
  await expectNoA11yViolations(page)

  await notification.click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/#svar-/)
})
