import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'

test('a suspended member is signed out at once and cannot sign in again', async ({ page, browser, signUp, signIn, mailbox, baseURL }) => {
  const email = uniqueEmail('avstangd', 'gotland.se')
  const name = 'Sune Avstängd'
  await signUp(page, { email, name, organisation: 'Region Gotland' })

  // The member's own profile, from the header link with their name.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/\/medlemmar\/[^/]+$/)
  const profileUrl = new URL(page.url()).pathname
  await expectNoA11yViolations(page)

  // A moderator suspends the member.
  const moderatorContext = await browser.newContext()
  const moderator = await moderatorContext.newPage()
  await signIn(moderator, 'moderator@samverka.example')
  await expect(moderator.getByRole('heading', { name: 'Hej Moa Moderator!' })).toBeVisible()
  await moderator.goto(profileUrl)
  await expect(moderator.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expectNoA11yViolations(moderator)
  await moderator.getByRole('textbox', { name: 'Motivering för avstängning' }).fill('Upprepade personangrepp i diskussionerna.')
  await moderator.getByRole('button', { name: 'Stäng av medlem' }).click()
  await expect(moderator.getByRole('button', { name: 'Återaktivera medlem' })).toBeVisible()
  await expect(moderator.getByRole('button', { name: 'Stäng av medlem' })).toHaveCount(0)
  await expectNoA11yViolations(moderator)
  await moderatorContext.close()

  // The member's session ended with the suspension: the next request goes to sign-in.
  await page.goto('/')
  await expect(page).toHaveURL(`${baseURL}/logga-in`)
  await expect(page.getByRole('heading', { name: 'Logga in', exact: true })).toBeVisible()

  // Signing in again is refused after the (correct) code.
  const { isNewUser } = await signIn(page, email)
  expect(isNewUser).toBe(false)
  await expect(page).toHaveURL((url) => url.pathname === '/logga-in')
  await expect(page.getByText('Ditt konto är avstängt')).toBeVisible()
  await expectNoA11yViolations(page)
  await page.goto('/')
  await expect(page).toHaveURL(`${baseURL}/logga-in`)

  // The member was told why (the profile page promises the reason by e-mail).
  const notice = await mailbox.waitForEmail(email, { subject: 'Ditt konto i Samverka är avstängt' })
  expect(notice.text).toContain('Upprepade personangrepp i diskussionerna.')
})
