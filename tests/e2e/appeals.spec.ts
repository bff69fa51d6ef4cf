import type { Browser, Page } from '@playwright/test'
import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { richTextEditor, typeInEditor, uniqueTitle } from './post-helpers.ts'

/** YYYY-MM-DD a week from today in Stockholm: the suspension's last day. */
function inAWeek() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + 7 * 24 * 3600_000),
  )
}

async function signedInContext(browser: Browser, signIn: (page: Page, email: string) => Promise<unknown>, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return { page, close: () => context.close() }
}

test('a suspension for a period ends the member’s session at once; they appeal from the e-mail without signing in and the decision is overturned', async ({
  page,
  browser,
  signUp,
  signIn,
  mailbox,
  baseURL,
}) => {
  const email = uniqueEmail('overklagande', 'gotland.se')
  const name = 'Olle Överklagar'
  await signUp(page, { email, name, organisation: 'Region Gotland' })
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true }).click()
  await expect(page).toHaveURL(/\/medlemmar\/[^/]+$/)
  const profileUrl = new URL(page.url()).pathname

  // The admin (a moderator too) suspends the member until a week from today.
  const admin = await signedInContext(browser, signIn, 'admin@samverka.example')
  await admin.page.goto(profileUrl)
  await expect(admin.page.getByRole('heading', { name: 'Moderering', level: 2 })).toBeVisible()
  await expectNoA11yViolations(admin.page)
  await admin.page.getByRole('textbox', { name: 'Motivering för avstängning' }).fill('Delade en kollegas personuppgifter.')
  await admin.page.getByLabel('Avstängd till och med (frivilligt)').fill(inAWeek())
  await admin.page.getByRole('button', { name: 'Stäng av medlem' }).click()
  await expect(admin.page.getByRole('status').filter({ hasText: 'Medlemmen är avstängd och utloggad.' })).toBeVisible()
  await expect(admin.page.getByText(/Status: Avstängd till och med/)).toBeVisible()
  await expect(admin.page.getByRole('list', { name: 'Beslut om medlemmen' })).toContainText('Medlem avstängd')
  await expectNoA11yViolations(admin.page)

  // The member's next request finds no session; signing in again is refused with the last day.
  await page.goto('/')
  await expect(page).toHaveURL(`${baseURL}/logga-in`)
  await signIn(page, email)
  await expect(page.getByText(/Ditt konto är avstängt till och med \d+ \p{L}+ \d{4}/u)).toBeVisible()
  await expectNoA11yViolations(page)

  // The e-mail says what, why and until when, and links to the appeal form, which works signed out.
  const notice = await mailbox.waitForEmail(email, { subject: 'Ditt konto i Samverka är avstängt' })
  expect(notice.text).toContain('Delade en kollegas personuppgifter.')
  expect(notice.text).toContain('Avstängningen gäller till och med')
  const appealLink = /Överklaga beslutet: (\S+)/.exec(notice.text)?.[1] ?? ''
  await page.goto(appealLink)
  await expect(page.getByRole('heading', { name: 'Överklaga beslutet', level: 1 })).toBeVisible()
  await expect(page.getByText('Motivering: Delade en kollegas personuppgifter.')).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('textbox', { name: 'Varför borde beslutet ändras?' }).fill('Uppgifterna fanns redan på kommunens webbplats.')
  await page.getByRole('button', { name: 'Skicka överklagandet' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Ditt överklagande har kommit in.' })).toBeVisible()
  await expectNoA11yViolations(page)

  // The appeal is in the queue; the admin overturns the decision.
  await admin.page.goto('/moderering')
  const card = admin.page.getByRole('article', { name: `${name} överklagar ”Medlem avstängd”` })
  await expect(card).toContainText('Uppgifterna fanns redan på kommunens webbplats.')
  await expectNoA11yViolations(admin.page)
  await card.getByRole('textbox', { name: 'Svar till medlemmen' }).fill('Du har rätt, uppgifterna var redan offentliga.')
  await card.getByRole('button', { name: 'Ändra beslutet' }).click()
  await expect(admin.page.getByRole('status').filter({ hasText: 'Överklagandet är avgjort: beslutet är ändrat.' })).toBeVisible()
  await expectNoA11yViolations(admin.page)
  await admin.close()

  // The member is told and can sign in again; the notice is in the app too.
  const outcome = await mailbox.waitForEmail(email, { subject: 'Ditt överklagande i Samverka är prövat' })
  expect(outcome.text).toContain('Beslutet är ändrat.')
  await signIn(page, email)
  await page.goto('/notiser')
  await expect(page.getByText('Ditt överklagande är prövat: beslutet är ändrat.')).toBeVisible()
  await expectNoA11yViolations(page)
})

test('report → the moderator hides the question → the author is notified and appeals → the moderator overturns → the question is back', async ({
  page,
  browser,
  signUp,
  signIn,
}) => {
  await signUp(page, { email: uniqueEmail('doldforfattare', 'nacka.se'), name: 'Dora Dold' })
  const title = uniqueTitle('Hur räknar ni ut taxan för bygglov')
  await page.goto('/fragor/ny')
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(title)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), 'Vi ser över vår taxa och undrar hur ni gör.')
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  const path = new URL(page.url()).pathname

  // Another member reports it.
  const reporterContext = await browser.newContext()
  const reporter = await reporterContext.newPage()
  await signUp(reporter, { email: uniqueEmail('anmalarentill', 'nacka.se'), name: 'Rune Rapport' })
  await reporter.goto(path)
  await reporter.getByRole('link', { name: 'Anmäl inlägget' }).click()
  await reporter.getByRole('combobox', { name: 'Anledning' }).selectOption({ label: 'Felaktig information' })
  await reporter.getByRole('button', { name: 'Skicka anmälan' }).click()
  await expect(reporter.getByRole('status').filter({ hasText: 'Tack! En moderator tittar på din anmälan.' })).toBeVisible()
  await expectNoA11yViolations(reporter)

  // The moderator hides it with a reason.
  const moderator = await signedInContext(browser, signIn, 'moderator@samverka.example')
  await moderator.page.goto('/moderering')
  const reportCard = moderator.page.getByRole('article', { name: `Inlägg: ${title}` })
  await reportCard.getByRole('textbox', { name: 'Motivering' }).fill('Frågan verkar felaktig.')
  await reportCard.getByRole('button', { name: 'Dölj' }).click()
  await expect(moderator.page.getByRole('status').filter({ hasText: 'Innehållet är dolt och författaren har fått besked.' })).toBeVisible()
  await expectNoA11yViolations(moderator.page)

  // The author is notified with the reason and appeals from the notification.
  await page.goto('/notiser')
  await expect(page.getByText('Frågan verkar felaktig.')).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('link', { name: 'Överklaga beslutet' }).first().click()
  await expect(page.getByRole('heading', { name: 'Överklaga beslutet', level: 1 })).toBeVisible()
  await expect(page.getByText(`Beslutet gäller ditt inlägg ”${title}”`)).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('textbox', { name: 'Varför borde beslutet ändras?' }).fill('Frågan är korrekt, vi undrar på riktigt.')
  await page.getByRole('button', { name: 'Skicka överklagandet' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Ditt överklagande har kommit in.' })).toBeVisible()

  // The moderator overturns the decision: the question is back for everyone.
  await moderator.page.goto('/moderering')
  const appealCard = moderator.page.getByRole('article', { name: 'Dora Dold överklagar ”Innehåll dolt av moderator”' })
  await expect(appealCard).toContainText('Frågan är korrekt, vi undrar på riktigt.')
  await expectNoA11yViolations(moderator.page)
  await appealCard.getByRole('textbox', { name: 'Svar till medlemmen' }).fill('Vi läste fel, frågan är tillbaka.')
  await appealCard.getByRole('button', { name: 'Ändra beslutet' }).click()
  await expect(moderator.page.getByRole('status').filter({ hasText: 'Överklagandet är avgjort: beslutet är ändrat.' })).toBeVisible()
  await moderator.close()

  await reporter.goto(path)
  await expect(reporter.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  await expectNoA11yViolations(reporter)
  await reporterContext.close()
  await page.goto('/notiser')
  await expect(page.getByText('Ditt överklagande är prövat: beslutet är ändrat.')).toBeVisible()
  await expectNoA11yViolations(page)
})
