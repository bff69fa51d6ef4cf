import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'

test('an employee of a registry municipality signs up with the e-mailed code and signs out', async ({ page, signIn, baseURL }) => {
  const email = uniqueEmail('ny.medlem', 'nacka.se')

  const { isNewUser, email: message } = await signIn(page, email)
  expect(message.subject).toBe(`Din inloggningskod till Samverka: ${message.code}`)
  expect(message.text).toContain(`Din inloggningskod är: ${message.code}`)
  expect(message.signInLink.startsWith(`${baseURL}/logga-in/lank?token=`)).toBe(true)
  expect(isNewUser).toBe(true)

  await expect(page.getByRole('heading', { name: 'Välkommen till Samverka' })).toBeVisible()
  await expect(page.getByText('Du blir medlem som anställd i Nacka kommun')).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Nora Nackabo')
  await page.getByRole('textbox', { name: 'Titel eller roll (frivilligt)' }).fill('Verksamhetsutvecklare')
  await page.getByRole('button', { name: 'Skapa konto' }).click()

  await expect(page).toHaveURL(`${baseURL}/`)
  await expect(page.getByRole('heading', { name: 'Hej Nora Nackabo!' })).toBeVisible()
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' })
  for (const link of ['Organisationer', 'Notiser', 'Nora Nackabo', 'Inställningar']) {
    await expect(menu.getByRole('link', { name: link, exact: true })).toBeVisible()
  }
  await expect(menu.getByRole('link', { name: 'Moderering' })).toHaveCount(0)
  await expectNoA11yViolations(page)

  await menu.getByRole('button', { name: 'Logga ut' }).click()
  await expect(page).toHaveURL(/\/logga-in/)
  await expect(page.getByText('Du är utloggad.')).toBeVisible()
  await expectNoA11yViolations(page)

  // Signed out for real: the home page now asks for sign-in.
  await page.goto('/')
  await expect(page).toHaveURL(`${baseURL}/logga-in`)
  await expect(page.getByRole('heading', { name: 'Logga in', exact: true })).toBeVisible()
})

test('an address on a domain that two organisations share asks which one', async ({ page, signIn }) => {
  const { isNewUser } = await signIn(page, uniqueEmail('gute', 'gotland.se'))
  expect(isNewUser).toBe(true)

  const choice = page.getByRole('group', { name: 'Vilken organisation arbetar du i?' })
  await expect(choice.getByRole('radio', { name: 'Gotlands kommun' })).toBeVisible()
  await expect(choice.getByRole('radio', { name: 'Region Gotland' })).toBeVisible()
  await expectNoA11yViolations(page)

  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Gunnar Gute')
  await choice.getByRole('radio', { name: 'Region Gotland' }).check()
  await page.getByRole('button', { name: 'Skapa konto' }).click()

  await expect(page.getByRole('heading', { name: 'Hej Gunnar Gute!' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Din organisation' }).getByRole('link', { name: 'Region Gotland' })).toBeVisible()
  await expectNoA11yViolations(page)
})
