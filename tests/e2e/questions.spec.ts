import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { expectCard, richTextEditor, signUpWithoutJavaScript, typeInEditor, uniqueTitle } from './post-helpers.ts'
import type { Page } from '@playwright/test'

/** Fails the test if the page ever opens an alert/confirm/prompt (i.e. injected script ran). */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return dialogs
}

/** From the header: Frågor → Ställ en fråga (with the editor up when JavaScript runs), checking both pages. */
async function openAskForm(page: Page, { javaScript = true } = {}) {
  const checkA11y = javaScript ? expectNoA11yViolations : expectNoA11yViolationsWithoutJavaScript
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Frågor', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Frågor', level: 1 })).toBeVisible()
  await checkA11y(page)
  await page.getByRole('link', { name: 'Ställ en fråga' }).click()
  await expect(page.getByRole('heading', { name: 'Ställ en fråga', level: 1 })).toBeVisible()
  if (javaScript) await richTextEditor(page, 'Beskrivning')
  await checkA11y(page)
}

/** Publishes the filled-in form and waits for the new question's page. */
async function publishQuestion(page: Page, title: string) {
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page).toHaveURL(/\/fragor\/[^/]+$/)
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  return new URL(page.url()).pathname
}

/** Asks a question with a plain one-paragraph description through the editor (JavaScript on). */
async function askQuestion(page: Page, title: string, description: string) {
  await openAskForm(page)
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), description)
  const path = await publishQuestion(page, title)
  await richTextEditor(page, 'Svar')
  await expectNoA11yViolations(page)
  return path
}

test('a member asks a question with the rich-text editor, with bold text and tags', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('fragvis', 'nacka.se'), name: 'Frida Frågvis' })
  const title = uniqueTitle('Hur gallrar ni e-post innan leverans till e-arkivet?')

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Frågor', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Frågor', level: 1 })).toBeVisible()
  const subNav = page.getByRole('navigation', { name: 'Urval' })
  await expect(subNav.getByRole('link', { name: 'Alla frågor' })).toHaveAttribute('aria-current', 'page')
  await expect(subNav.getByRole('link', { name: 'Obesvarade' })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.getByRole('link', { name: 'Ställ en fråga' }).click()
  await expect(page.getByRole('heading', { name: 'Ställ en fråga', level: 1 })).toBeVisible()
  const editor = await richTextEditor(page, 'Beskrivning')
  await expectNoA11yViolations(page)

  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await typeInEditor(page, editor, 'Vi behöver ')
  const bold = page.getByRole('toolbar', { name: 'Textformat' }).getByRole('button', { name: 'Fetstil' })
  await bold.click()
  await expect(bold).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('snabb')
  await bold.click()
  await expect(bold).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.type(' hjälp med gallringen.')
  await expect(editor.getByRole('strong')).toHaveText('snabb')
  await page.getByRole('textbox', { name: 'Taggar' }).fill('E-arkiv, Upphandling')
  await expectNoA11yViolations(page)
  const path = await publishQuestion(page, title)

  const question = page.getByRole('article', { name: title, exact: true })
  await expect(question.getByText('Vi behöver snabb hjälp med gallringen.', { exact: true })).toBeVisible()
  await expect(question.getByRole('strong')).toHaveText('snabb')
  await expect(question.getByText('Frågat av Frida Frågvis')).toBeVisible()
  const tags = question.getByRole('list', { name: 'Taggar' })
  await expect(tags.getByRole('link')).toHaveText(['e-arkiv', 'upphandling'])
  await expect(page.getByRole('heading', { name: 'Inga svar ännu' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Redigera frågan' })).toBeVisible()
  await expectNoA11yViolations(page)

  // The tag page lists it.
  await tags.getByRole('link', { name: 'upphandling', exact: true }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/taggar/upphandling')
  await expect(page.getByRole('heading', { name: 'Taggen ”upphandling”', level: 1 })).toBeVisible()
  await expectCard(page, title)
  await expectNoA11yViolations(page)
  await page.goBack()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  await page.getByRole('list', { name: 'Taggar' }).getByRole('link', { name: 'e-arkiv', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Taggen ”e-arkiv”', level: 1 })).toBeVisible()
  await expectCard(page, title)
  await expectNoA11yViolations(page)

  // The list of questions, both the full one and the unanswered ones.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Frågor', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Frågor', level: 1 })).toBeVisible()
  await expect((await expectCard(page, title)).getByText('Inga svar ännu')).toBeVisible()
  await page.getByRole('navigation', { name: 'Urval' }).getByRole('link', { name: 'Obesvarade' }).click()
  await expect(page.getByRole('navigation', { name: 'Urval' }).getByRole('link', { name: 'Obesvarade' })).toHaveAttribute('aria-current', 'page')
  await expectCard(page, title)
  await expectNoA11yViolations(page)

  // The home feed, under both tabs, links to the question.
  await page.getByRole('link', { name: 'Samverka', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Senaste aktivitet' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Ställ en fråga' })).toBeVisible()
  await expectCard(page, title)
  await expectNoA11yViolations(page)
  const feedTabs = page.getByRole('navigation', { name: 'Visa i flödet' })
  await feedTabs.getByRole('link', { name: 'Frågor', exact: true }).click()
  await expect(feedTabs.getByRole('link', { name: 'Frågor', exact: true })).toHaveAttribute('aria-current', 'page')
  await (await expectCard(page, title)).getByRole('link', { name: title, exact: true }).click()
  await expect(page).toHaveURL((url) => url.pathname === path)
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the description is a plain textarea: blank lines make paragraphs and addresses become links', async ({ page, browser, signUp }) => {
    await signUpWithoutJavaScript(page, browser, signUp, {
      email: uniqueEmail('utan.js', 'gotland.se'),
      name: 'Ulla Utan-Skript',
      organisation: 'Gotlands kommun',
    })
    const title = uniqueTitle('Vilka e-tjänster har ni för bygglov utan BankID?')
    await openAskForm(page, { javaScript: false })
    const description = page.getByRole('textbox', { name: 'Beskrivning', exact: true })
    await expect(description).toHaveJSProperty('tagName', 'TEXTAREA')
    await expect(page.getByRole('toolbar', { name: 'Textformat' })).toHaveCount(0)

    const url = 'https://www.boverket.se/sv/PBL-kunskapsbanken/'
    await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
    await description.fill(`Vi vill erbjuda bygglovsansökan för den som saknar e-legitimation.\n\nBoverkets vägledning: ${url}`)
    await page.getByRole('textbox', { name: 'Taggar' }).fill('Bygglov, E-tjänster')
    await publishQuestion(page, title)

    const question = page.getByRole('article', { name: title, exact: true })
    await expect(question.getByRole('paragraph').filter({ hasText: 'Vi vill erbjuda' })).toHaveText(
      'Vi vill erbjuda bygglovsansökan för den som saknar e-legitimation.',
    )
    const second = question.getByRole('paragraph').filter({ hasText: 'Boverkets vägledning' })
    await expect(second).toHaveText(`Boverkets vägledning: ${url}`)
    const link = second.getByRole('link', { name: url, exact: true })
    await expect(link).toHaveAttribute('href', url)
    await expect(link).toHaveAttribute('rel', /\bnofollow ugc\b/)
    await expect(question.getByRole('list', { name: 'Taggar' }).getByRole('link')).toHaveText(['bygglov', 'e-tjänster'])
    await expectNoA11yViolationsWithoutJavaScript(page)
  })

  test('markup typed into the textarea is shown as text, never run', async ({ page, browser, signUp }) => {
    await signUpWithoutJavaScript(page, browser, signUp, { email: uniqueEmail('xss.textarea', 'nacka.se'), name: 'Tore Textruta' })
    const title = uniqueTitle('Hur visar ni kod i e-tjänsterna?')
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    await openAskForm(page, { javaScript: false })
    await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
    await page.getByRole('textbox', { name: 'Beskrivning', exact: true }).fill(payload)
    const path = await publishQuestion(page, title)
    await expect(page.getByRole('article', { name: title, exact: true }).getByText(payload, { exact: true })).toBeVisible()
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await expectNoA11yViolationsWithoutJavaScript(page)

    // Read the page where scripts do run: the same session in a browser with JavaScript.
    const context = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() })
    const withScripts = await context.newPage()
    const dialogs = recordDialogs(withScripts)
    await withScripts.goto(path)
    await expect(withScripts.getByRole('heading', { name: title, level: 1 })).toBeVisible()
    const question = withScripts.getByRole('article', { name: title, exact: true })
    await expect(question.getByText(payload, { exact: true })).toBeVisible()
    await expect(withScripts.locator('img[src="x"]')).toHaveCount(0)
    await expect(withScripts.getByRole('img')).toHaveCount(0)
    // Hydrated (the answer editor is up), so any injected handler would have fired by now.
    await richTextEditor(withScripts, 'Svar')
    await expectNoA11yViolations(withScripts)
    expect(dialogs).toEqual([])
    await context.close()
  })
})

test('markup typed into the editor is shown as text, never run', async ({ page, signUp }) => {
  const dialogs = recordDialogs(page)
  await signUp(page, { email: uniqueEmail('xss.editor', 'nacka.se'), name: 'Edvin Editor' })
  const title = uniqueTitle('Hur skyddar ni formulär mot skadlig kod?')
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
  await askQuestion(page, title, payload)

  const question = page.getByRole('article', { name: title, exact: true })
  await expect(question.getByText(payload, { exact: true })).toBeVisible()
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.getByRole('img')).toHaveCount(0)

  // A fresh load of the page (server-rendered, then hydrated) is just as inert.
  await page.reload()
  await richTextEditor(page, 'Svar')
  await expect(question.getByText(payload, { exact: true })).toBeVisible()
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(dialogs).toEqual([])
})

test('answers are accepted, voted on and edited', async ({ page, browser, signUp }) => {
  await signUp(page, { email: uniqueEmail('fragare', 'nacka.se'), name: 'Filip Frågare' })
  const title = uniqueTitle('Vilket diarium använder ni för överförmyndarärenden?')
  const path = await askQuestion(page, title, 'Vi ska byta system och vill höra om era erfarenheter.')

  // A third member answers first …
  const voterContext = await browser.newContext()
  const voter = await voterContext.newPage()
  await signUp(voter, { email: uniqueEmail('rostare', 'gotland.se'), name: 'Rut Röstare', organisation: 'Region Gotland' })
  await voter.goto(path)
  await expect(voter.getByRole('heading', { name: 'Ditt svar' })).toBeVisible()
  await typeInEditor(voter, await richTextEditor(voter, 'Svar'), 'Vi använder Platina, men det fungerar sådär.')
  await expectNoA11yViolations(voter)
  await voter.getByRole('button', { name: 'Publicera svaret' }).click()
  const votersAnswer = voter.getByRole('article', { name: 'Svar från Rut Röstare' })
  await expect(votersAnswer).toBeVisible()
  await expect(voter.getByRole('heading', { name: '1 svar' })).toBeVisible()
  // … and cannot vote on their own answer.
  await expect(votersAnswer.getByText('0 poäng')).toBeVisible()
  await expect(votersAnswer.getByRole('button', { name: 'Bra svar', exact: true })).toHaveCount(0)
  await expect(votersAnswer.getByRole('button', { name: 'Mindre bra svar' })).toHaveCount(0)
  await expectNoA11yViolations(voter)

  // Then another member answers.
  const answererContext = await browser.newContext()
  const answerer = await answererContext.newPage()
  await signUp(answerer, { email: uniqueEmail('svarare', 'nacka.se'), name: 'Svea Svarare' })
  await answerer.goto(path)
  await typeInEditor(answerer, await richTextEditor(answerer, 'Svar'), 'Vi har Public 360 för alla överförmyndarärenden sedan 2022.')
  await answerer.getByRole('button', { name: 'Publicera svaret' }).click()
  await expect(answerer.getByRole('heading', { name: '2 svar' })).toBeVisible()
  const answersSeenByAnswerer = answerer.getByRole('article', { name: /^Svar från / })
  await expect(answersSeenByAnswerer).toHaveCount(2)
  await expect(answersSeenByAnswerer.first()).toHaveAccessibleName('Svar från Rut Röstare')
  await expect(answersSeenByAnswerer.nth(1)).toHaveAccessibleName('Svar från Svea Svarare')
  await expectNoA11yViolations(answerer)

  // The asker accepts the second answer, which then comes first.
  await page.reload()
  const answers = page.getByRole('article', { name: /^Svar från / })
  await expect(answers).toHaveCount(2)
  await expect(answers.first()).toHaveAccessibleName('Svar från Rut Röstare')
  await expectNoA11yViolations(page)
  await page.getByRole('article', { name: 'Svar från Svea Svarare' }).getByRole('button', { name: 'Markera som accepterat svar' }).click()
  await expect(page.getByRole('article', { name: 'Svar från Svea Svarare' }).getByText('Accepterat svar', { exact: true })).toBeVisible()
  await expect(answers.first()).toHaveAccessibleName('Svar från Svea Svarare')
  await expect(answers.nth(1).getByText('Accepterat svar', { exact: true })).toHaveCount(0)
  await expectNoA11yViolations(page)

  // The third member votes the accepted answer up, and takes the vote back.
  await voter.reload()
  const accepted = voter.getByRole('article', { name: 'Svar från Svea Svarare' })
  await expect(voter.getByRole('article', { name: /^Svar från / }).first()).toHaveAccessibleName('Svar från Svea Svarare')
  await expect(accepted.getByText('Accepterat svar', { exact: true })).toBeVisible()
  const upvote = accepted.getByRole('button', { name: 'Bra svar', exact: true })
  await expect(upvote).toHaveAttribute('aria-pressed', 'false')
  await expect(accepted.getByText('0 poäng')).toBeVisible()
  await expectNoA11yViolations(voter)
  await upvote.click()
  await expect(accepted.getByText('1 poäng')).toBeVisible()
  await expect(upvote).toHaveAttribute('aria-pressed', 'true')
  await expect(accepted.getByRole('button', { name: 'Mindre bra svar' })).toHaveAttribute('aria-pressed', 'false')
  await expectNoA11yViolations(voter)
  await upvote.click()
  await expect(accepted.getByText('0 poäng')).toBeVisible()
  await expect(upvote).toHaveAttribute('aria-pressed', 'false')
  await voterContext.close()

  // The answer's author edits it.
  await answerer.reload()
  const own = answerer.getByRole('article', { name: 'Svar från Svea Svarare' })
  await expect(own.getByText('redigerad')).toHaveCount(0)
  await own.getByRole('link', { name: 'Redigera svaret' }).click()
  await expect(answerer).toHaveURL(/\/svar\/[^/]+\/redigera$/)
  await expect(answerer.getByRole('heading', { name: 'Redigera svaret', level: 1 })).toBeVisible()
  const editor = await richTextEditor(answerer, 'Svar')
  await expect(editor).toHaveText('Vi har Public 360 för alla överförmyndarärenden sedan 2022.')
  await expectNoA11yViolations(answerer)
  await editor.click()
  await answerer.keyboard.press('End')
  await answerer.keyboard.type(' Vi är nöjda.')
  await answerer.getByRole('button', { name: 'Spara ändringarna' }).click()
  await expect(answerer).toHaveURL((url) => url.pathname === path)
  await expect(own.getByText('Vi har Public 360 för alla överförmyndarärenden sedan 2022. Vi är nöjda.', { exact: true })).toBeVisible()
  await expect(own.getByText(/redigerad/)).toBeVisible()
  await expect(own.getByText('Accepterat svar', { exact: true })).toBeVisible()
  await expectNoA11yViolations(answerer)

  // "redigerad …" leads to the answer's versions, with what the edit added.
  await own.getByRole('link', { name: /^redigerad / }).click()
  await expect(answerer.getByRole('heading', { name: /^Versioner av ett svar på ”/, level: 1 })).toBeVisible()
  await expect(answerer.getByRole('heading', { name: 'Version 2 (nuvarande)' })).toBeVisible()
  await expect(answerer.locator('ins')).toContainText('Vi är nöjda.')
  await expectNoA11yViolations(answerer)
  await answererContext.close()
})

test('a question with an empty description or a too short title is refused in Swedish', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('felaktig.fraga', 'nacka.se'), name: 'Fabian Felskrivare' })
  const title = uniqueTitle('Hur har ni upphandlat tolktjänster?')
  await openAskForm(page)
  const titleField = page.getByRole('textbox', { name: 'Rubrik' })
  const editor = await richTextEditor(page, 'Beskrivning')

  // No description.
  await titleField.fill(title)
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByText('Skriv en text.', { exact: true })).toBeVisible()
  await expect(editor).toHaveAccessibleDescription(/Skriv en text\./)
  await expect(editor).toHaveAttribute('aria-invalid', 'true')
  await expect(titleField).toHaveValue(title)
  await expect(page).toHaveURL((url) => url.pathname === '/fragor/ny')
  await expectNoA11yViolations(page)

  // A title that is too short.
  await titleField.fill('Tolkar')
  await typeInEditor(page, editor, 'Vi söker ett ramavtal för språktolkning.')
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByText('Rubriken behöver minst 8 tecken.', { exact: true })).toBeVisible()
  await expect(titleField).toHaveAccessibleDescription(/Rubriken behöver minst 8 tecken\./)
  await expect(titleField).toHaveAttribute('aria-invalid', 'true')
  await expect(titleField).toHaveValue('Tolkar')
  await expect(page.getByText('Skriv en text.', { exact: true })).toHaveCount(0)
  await expect(page).toHaveURL((url) => url.pathname === '/fragor/ny')
  await expectNoA11yViolations(page)

  // Nothing was published.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Frågor', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Frågor', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Tolkar', exact: true })).toHaveCount(0)
  await expectNoA11yViolations(page)
})

test('the author deletes a question, and then it is gone for everybody', async ({ page, browser, signUp }) => {
  await signUp(page, { email: uniqueEmail('angrare', 'nacka.se'), name: 'Ante Ångrare' })
  const title = uniqueTitle('Fråga som ska tas bort om nämndadministration')
  const path = await askQuestion(page, title, 'Den här frågan blev fel och ska bort.')
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Frågor', exact: true }).click()
  await expectNoA11yViolations(page)
  await (await expectCard(page, title)).getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()

  await page.getByRole('button', { name: 'Ta bort frågan' }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/')
  await expect(page.getByRole('heading', { name: 'Senaste aktivitet' })).toBeVisible()
  await expect(page.getByRole('article', { name: title })).toHaveCount(0)
  await expectNoA11yViolations(page)
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Frågor', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Frågor', level: 1 })).toBeVisible()
  await expect(page.getByRole('article', { name: title })).toHaveCount(0)
  await expectNoA11yViolations(page)

  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await signUp(other, { email: uniqueEmail('nyfiken', 'gotland.se'), name: 'Nils Nyfiken', organisation: 'Gotlands kommun' })
  const response = await other.goto(path)
  expect(response?.status()).toBe(404)
  await expect(other.getByRole('heading', { name: 'Sidan finns inte', level: 1 })).toBeVisible()
  await expect(other.getByRole('heading', { name: title })).toHaveCount(0)
  await expectNoA11yViolations(other)
  await otherContext.close()
})
