import { expect, expectNoA11yViolations, test } from '#tests/playwright-utils.ts'

test('a newcomer from an unknown domain asks for their organisation and a moderator approves it', async ({ page, browser, signIn, mailbox, baseURL }) => {
  const stamp = Date.now()
  const applicant = `it.chef@kommunalforbundet-${stamp}.se`
  const organisationName = `Kommunalförbundet Test ${stamp}`

  // The applicant asks for the organisation and is told to wait.
  const { isNewUser } = await signIn(page, applicant)
  expect(isNewUser).toBe(true)
  await expect(page.getByRole('heading', { name: 'Välkommen till Samverka' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Ivar Itchef')
  await page.getByRole('textbox', { name: 'Titel eller roll (frivilligt)' }).fill('IT-chef')
  await page.getByRole('textbox', { name: 'Organisationens namn' }).fill(organisationName)
  await page.getByRole('combobox', { name: 'Typ av organisation' }).selectOption({ label: 'Annan offentlig organisation' })
  await page.getByRole('textbox', { name: 'Varför hör organisationen hemma i Samverka?' }).fill('Kommunalförbund som driver IT för fem kommuner.')
  await expectNoA11yViolations(page)
  await page.getByRole('button', { name: 'Skicka begäran' }).click()

  await expect(page).toHaveURL(`${baseURL}/vantar`)
  await expect(page.getByRole('heading', { name: 'Ditt konto väntar på godkännande' })).toBeVisible()
  await expect(page.getByText(organisationName)).toBeVisible()
  await expectNoA11yViolations(page)
  // A pending account cannot reach member pages yet.
  await page.goto('/organisationer')
  await expect(page).toHaveURL(`${baseURL}/vantar`)
  await page.getByRole('button', { name: 'Logga ut' }).click()
  await expect(page.getByText('Du är utloggad.')).toBeVisible()

  // A moderator approves the organisation.
  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()
  await signIn(moderator, 'moderator@samverka.example')
  await expect(moderator.getByRole('heading', { name: 'Hej Moa Moderator!' })).toBeVisible()
  await expectNoA11yViolations(moderator)
  await moderator.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Moderering' }).click()
  await expect(moderator.getByRole('heading', { name: 'Moderering', level: 1 })).toBeVisible()
  await expect(moderator.getByRole('heading', { name: 'Organisationer som väntar' })).toBeVisible()
  await expect(moderator.getByRole('heading', { name: 'Medlemmar som väntar' })).toBeVisible()
  await expectNoA11yViolations(moderator)

  const request = moderator.getByRole('article', { name: organisationName })
  await expect(request.getByRole('textbox', { name: 'Namn i registret' })).toHaveValue(organisationName)
  await request.getByRole('combobox', { name: 'Typ', exact: true }).selectOption({ label: 'Annan offentlig organisation' })
  await request.getByRole('textbox', { name: 'Län (frivilligt)' }).fill('Västra Götalands län')
  await request.getByRole('textbox', { name: 'Motivering till beslut (frivillig vid godkännande)' }).fill('Kommunalförbund ägt av medlemskommunerna.')
  await request.getByRole('button', { name: 'Godkänn organisation' }).click()
  await expect(moderator.getByRole('status')).toContainText('Organisationen är godkänd')
  await expect(moderator.getByRole('article', { name: organisationName })).toHaveCount(0)
  await expectNoA11yViolations(moderator)

  // The decision is in the audit log.
  await moderator.goto('/moderering/logg')
  await expect(moderator.getByRole('heading', { name: 'Granskningslogg' })).toBeVisible()
  for (const column of ['Tid', 'Vem', 'Åtgärd', 'Gäller', 'Motivering']) {
    await expect(moderator.getByRole('columnheader', { name: column, exact: true })).toBeVisible()
  }
  const decision = moderator.getByRole('row').filter({ hasText: organisationName }).filter({ hasText: 'Kommunalförbund ägt av medlemskommunerna.' })
  await expect(decision).toHaveCount(1)
  await expect(decision).toContainText('Moa Moderator')
  await expectNoA11yViolations(moderator)
  await moderatorContext.close()

  // The applicant is told by e-mail and, signing in again, is an active member.
  const approval = await mailbox.waitForEmail(applicant, { subject: 'Din organisation är godkänd i Samverka' })
  expect(approval.text).toContain(organisationName)
  const again = await signIn(page, applicant)
  expect(again.isNewUser).toBe(false)
  await expect(page).toHaveURL(`${baseURL}/`)
  await expect(page.getByRole('heading', { name: 'Hej Ivar Itchef!' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Din organisation' }).getByRole('link', { name: organisationName })).toBeVisible()
  await expectNoA11yViolations(page)
})
