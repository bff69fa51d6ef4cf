import type { Page } from '@playwright/test'
import { expect, expectNoA11yViolations, expectNoA11yViolationsWithoutJavaScript, test, uniqueEmail } from '#tests/playwright-utils.ts'
import { richTextEditor, typeInEditor, uniqueTitle } from './post-helpers.ts'

/**
 * "Har någon redan gjort detta?" while writing a question or a project, and "Liknande
 * projekt" on a project's page, against the demo content (prisma/demo-content.ts).
 */
const DEMO_PROJECT = 'Samordnad upphandling av RPA-plattform för skånska kommuner'
const DEMO_EARKIV_QUESTION = 'Hur har ni löst e-arkiv för e-post och Teams-chattar?'

const panel = (page: Page) => page.getByRole('region', { name: 'Har någon redan gjort detta?' })
const announcement = (page: Page) => page.getByRole('status').filter({ hasText: /liknande inlägg/ })

test('while writing a question, similar posts and their organisations appear and follow the title and tags', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('liknande', 'nacka.se'), name: 'Lina Liknande' })
  await page.goto('/fragor/ny')
  await expect(page.getByRole('heading', { name: 'Ställ en fråga', level: 1 })).toBeVisible()
  await richTextEditor(page, 'Beskrivning')
  await expect(panel(page)).toHaveCount(0)
  await expectNoA11yViolations(page)

  const title = page.getByRole('textbox', { name: 'Rubrik' })
  await title.fill('Hur gör vi en upphandling av en RPA-plattform?')
  const suggestions = panel(page)
  const project = suggestions.getByRole('link', { name: `${DEMO_PROJECT} (öppnas i ny flik)` })
  await expect(project).toBeVisible()
  await expect(project).toHaveAttribute('target', '_blank')
  const item = suggestions.getByRole('listitem').filter({ hasText: DEMO_PROJECT })
  await expect(item).toContainText('Projekt')
  await expect(item).toContainText('Malmö kommun')
  await expect(suggestions.getByText(/^Organisationer som arbetat med detta: /)).toBeVisible()
  const organisation = suggestions.getByRole('link', { name: 'Malmö kommun (öppnas i ny flik)' })
  await expect(organisation).toHaveAttribute('href', /^\/organisationer\/[^/]+$/)
  await expect(announcement(page)).toHaveText(/^\d+ liknande inlägg$/)
  await expectNoA11yViolations(page)

  // A suggestion opens in a new tab; the draft stays where it was.
  const [opened] = await Promise.all([page.context().waitForEvent('page'), project.click()])
  await expect(opened.getByRole('heading', { name: DEMO_PROJECT, level: 1 })).toBeVisible()
  await opened.close()
  await expect(title).toHaveValue('Hur gör vi en upphandling av en RPA-plattform?')

  // The tags count too: a title about something else, then a tag the demo question has.
  await title.fill('Hur länge sparar ni chattar?')
  await expect(suggestions.getByRole('link', { name: `${DEMO_PROJECT} (öppnas i ny flik)` })).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Taggar' }).fill('e-arkiv')
  await expect(panel(page).getByRole('link', { name: `${DEMO_EARKIV_QUESTION} (öppnas i ny flik)` })).toBeVisible()
  await expect(panel(page).getByRole('listitem').filter({ hasText: DEMO_EARKIV_QUESTION })).toContainText('Fråga')

  // Too little to compare: the panel goes, and the live region has nothing to say.
  await title.fill('')
  await expect(panel(page)).toHaveCount(0)
  await expect(announcement(page)).toHaveCount(0)
  await expectNoA11yViolations(page)

  // Published, the question's page lists the similar questions (not itself).
  const ownTitle = uniqueTitle('Hur länge sparar ni chattar?')
  await title.fill(ownTitle)
  await typeInEditor(page, await richTextEditor(page, 'Beskrivning'), 'Vi undrar hur länge chattarna ska sparas i e-arkivet.')
  await page.getByRole('button', { name: 'Publicera frågan' }).click()
  await expect(page.getByRole('heading', { name: ownTitle, level: 1 })).toBeVisible()
  const similarQuestions = page.getByRole('complementary', { name: 'Liknande frågor' })
  await expect(similarQuestions.getByRole('link', { name: DEMO_EARKIV_QUESTION, exact: true })).toBeVisible()
  await expect(similarQuestions.getByRole('link', { name: ownTitle })).toHaveCount(0)
  await expectNoA11yViolations(page)
})

test('a new project is shown similar projects while it is written, and its page lists them as Liknande projekt, also without JavaScript', async ({
  page,
  browser,
  signUp,
}) => {
  await signUp(page, { email: uniqueEmail('liknande.projekt', 'nacka.se'), name: 'Petra Projekt' })
  const title = uniqueTitle('Gemensam RPA-plattform för ekonomiprocesser')
  await page.goto('/projekt/ny')
  await expect(page.getByRole('heading', { name: 'Nytt projekt', level: 1 })).toBeVisible()
  const editor = await richTextEditor(page, 'Beskrivning')
  await page.getByRole('textbox', { name: 'Projektets namn' }).fill(title)
  await expect(panel(page).getByRole('link', { name: `${DEMO_PROJECT} (öppnas i ny flik)` })).toBeVisible()
  await expectNoA11yViolations(page)
  await typeInEditor(page, editor, 'Vi samlar ekonomiavdelningarnas robotar på en gemensam plattform.')
  await page.getByRole('textbox', { name: 'Taggar' }).fill('rpa, automatisering')
  await page.getByRole('button', { name: 'Publicera projektet' }).click()
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  const ownPath = new URL(page.url()).pathname

  const similar = page.getByRole('complementary', { name: 'Liknande projekt' })
  const demo = similar.getByRole('link', { name: DEMO_PROJECT, exact: true })
  await expect(demo).toBeVisible()
  await expect(similar.getByRole('link', { name: title })).toHaveCount(0)
  await expect(similar.getByText(/^Organisationer som arbetat med detta: /)).toContainText('Malmö kommun (1)')
  await expectNoA11yViolations(page)
  const demoPath = await demo.getAttribute('href')

  // Without JavaScript: no panel while writing, and the page's list is rendered by the server,
  // where the new project shows up once the search index has it (the worker runs every 0.5 s).
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })
  const noScript = await context.newPage()
  await noScript.goto('/fragor/ny')
  await noScript.getByRole('textbox', { name: 'Rubrik' }).fill('Hur gör vi en upphandling av en RPA-plattform?')
  await expect(panel(noScript)).toHaveCount(0)
  await expect(noScript.getByRole('button', { name: 'Publicera frågan' })).toBeVisible()
  await expect(async () => {
    await noScript.goto(demoPath ?? '/')
    await expect(noScript.getByRole('complementary', { name: 'Liknande projekt' }).getByRole('link', { name: title })).toHaveAttribute('href', ownPath)
  }).toPass()
  await expectNoA11yViolationsWithoutJavaScript(noScript)
  await context.close()
})
