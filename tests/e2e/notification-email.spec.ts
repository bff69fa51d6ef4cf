import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { richTextEditor, signUpWithoutJavaScript, typeInEditor, uniqueTitle } from './post-helpers.ts'

const KINDS = {
  answer: 'Svar på mina frågor',
  comment: 'Kommentarer på mina inlägg',
  accepted: 'När mitt svar väljs som bästa svar',
  mention: 'När någon nämner mig',
  following: 'Nya svar på frågor jag följer',
}

test('a member chooses which notifications come by e-mail', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('notisval', 'nacka.se'), name: 'Nora Notisval' })
  await page.goto('/installningar/notiser')
  await expect(page.getByRole('heading', { name: 'Notiser med e-post', level: 2 })).toBeVisible()
  for (const label of [KINDS.answer, KINDS.comment, KINDS.accepted, KINDS.mention]) await expect(page.getByRole('checkbox', { name: label })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: KINDS.following })).not.toBeChecked()
  await expectNoA11yViolations(page)

  await page.getByRole('checkbox', { name: KINDS.comment }).uncheck()
  await page.getByRole('checkbox', { name: KINDS.following }).check()
  await page.getByRole('button', { name: 'Spara' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Inställningarna för notiser är sparade.' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: KINDS.comment })).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: KINDS.following })).toBeChecked()
  await expectNoA11yViolations(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the settings save without JavaScript, and an answer to my question arrives by e-mail with a link to it', async ({ page, browser, signUp, mailbox }) => {
    const askerEmail = uniqueEmail('fragestallare', 'nacka.se')
    await signUpWithoutJavaScript(page, browser, signUp, { email: askerEmail, name: 'Frej Frågeställare' })
    await page.goto('/installningar/notiser')
    await page.getByRole('checkbox', { name: KINDS.mention }).uncheck()
    await page.getByRole('button', { name: 'Spara' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Inställningarna för notiser är sparade.' })).toBeVisible()
    await expect(page).toHaveURL(/\/installningar\/notiser$/)
    await expect(page.getByRole('checkbox', { name: KINDS.mention })).not.toBeChecked()
    await expect(page.getByRole('checkbox', { name: KINDS.answer })).toBeChecked()
    await expectNoA11yViolationsWithoutJavaScript(page)
    // Shown once: reloading the page (or opening its address again) does not say it again.
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Notiser med e-post', level: 2 })).toBeVisible()
    await expect(page.getByText('Inställningarna för notiser är sparade.')).toHaveCount(0)
    await expect(page.getByRole('checkbox', { name: KINDS.mention })).not.toBeChecked()

    const title = uniqueTitle('Hur arkiverar ni e-post från förtroendevalda')
    await page.goto('/fragor/ny')
    await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
    await page.getByRole('textbox', { name: 'Beskrivning' }).fill('Vi behöver en rutin före valet.')
    await page.getByRole('button', { name: 'Publicera frågan' }).click()
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
    const path = new URL(page.url()).pathname

    // Another member answers (with JavaScript, in a browser of their own).
    const context = await browser.newContext({ javaScriptEnabled: true })
    try {
      const answerer = await context.newPage()
      await signUp(answerer, { email: uniqueEmail('besvarare', 'nacka.se'), name: 'Bo Besvarare' })
      await answerer.goto(path)
      await typeInEditor(answerer, await richTextEditor(answerer, 'Svar'), 'Vi diarieför dem i ärendesystemet.')
      await answerer.getByRole('button', { name: 'Publicera svaret' }).click()
      await expect(answerer.getByRole('heading', { name: '1 svar' })).toBeVisible()
    } finally {
      await context.close()
    }

    const email = await mailbox.waitForEmail(askerEmail, { subject: `Samverka: ${title}` })
    expect(email.text).toContain('Bo Besvarare svarade på din fråga')
    expect(email.text).toMatch(new RegExp(`${new URL(page.url()).origin}${path}#svar-\\S+`))
  })
})
