import { expect, expectNoA11yViolations, test, uniqueEmail } from '#tests/playwright-utils.ts'
import type { Page } from '@playwright/test'

async function requestCode(page: Page, email: string) {
  await page.goto('/logga-in')
  await page.getByRole('textbox', { name: 'E-postadress i jobbet' }).fill(email)
  await page.getByRole('button', { name: 'Skicka kod' }).click()
  await expect(page.getByRole('heading', { name: 'Ange koden' })).toBeVisible()
}

/** Types a code and waits for the server's answer, so attempts never overlap. */
async function enterCode(page: Page, code: string) {
  await page.getByRole('textbox', { name: 'Kod från e-postmeddelandet' }).fill(code)
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/logga-in/kod'))
  await page.getByRole('button', { name: 'Logga in', exact: true }).click()
  await answered
}

function otherCode(code: string, offset: number) {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0')
}

test('wrong codes are refused, and after five of them even the right code is', async ({ page, mailbox }) => {
  const email = uniqueEmail('fel.kod', 'nacka.se')
  await requestCode(page, email)
  const { code } = await mailbox.waitForSignInCode(email)

  await enterCode(page, otherCode(code, 1))
  await expect(page.getByText('Koden stämmer inte')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Kod från e-postmeddelandet' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoA11yViolations(page)

  for (const offset of [2, 3, 4, 5]) {
    await enterCode(page, otherCode(code, offset))
    await expect(page.getByText('Koden stämmer inte')).toBeVisible()
  }
  await enterCode(page, code)
  await expect(page.getByText('För många felaktiga försök. Be om en ny kod.')).toBeVisible()
  await expect(page).toHaveURL((url) => url.pathname === '/logga-in/kod')
  await expectNoA11yViolations(page)
})

test('a sign-in link works once', async ({ page, mailbox, baseURL }) => {
  const email = uniqueEmail('lank', 'gotland.se')
  await requestCode(page, email)
  const { signInLink } = await mailbox.waitForSignInCode(email)

  await page.goto(signInLink)
  await expect(page.getByRole('heading', { name: 'Logga in med länk' })).toBeVisible()
  await expectNoA11yViolations(page)
  await page.getByRole('button', { name: 'Logga in', exact: true }).click()
  await expect(page).toHaveURL(`${baseURL}/valkommen`)
  await expect(page.getByRole('heading', { name: 'Välkommen till Samverka' })).toBeVisible()

  // The same link again, from a browser without any of the cookies set on the way.
  await page.context().clearCookies()
  await page.goto(signInLink)
  await page.getByRole('button', { name: 'Logga in', exact: true }).click()
  await expect(page.getByText('Koden eller länken har redan använts. Be om en ny kod.')).toBeVisible()
  await expectNoA11yViolations(page)
})

test('a cross-site form post is refused', async ({ page, mailbox }) => {
  const email = uniqueEmail('csrf', 'nacka.se')
  await page.goto('/logga-in')
  await expect(page.getByRole('heading', { name: 'Logga in', exact: true })).toBeVisible()
  await expectNoA11yViolations(page)
  const token = await page.locator('form#sign-in input[name="csrf"]').inputValue()
  expect(token).not.toBe('')

  const withoutToken = await page.request.post('/logga-in', { form: { email }, maxRedirects: 0 })
  expect.soft(withoutToken.status(), 'no CSRF token').toBe(403)
  const fromOtherSite = await page.request.post('/logga-in', {
    form: { email, csrf: token },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  })
  expect.soft(fromOtherSite.status(), 'Origin: https://evil.example').toBe(403)
  const wrongToken = await page.request.post('/logga-in', { form: { email, csrf: `x${token.slice(1)}` }, maxRedirects: 0 })
  expect.soft(wrongToken.status(), 'wrong CSRF token').toBe(403)

  // The same post with the page's own token is accepted, so the refusals were about CSRF.
  const ownForm = await page.request.post('/logga-in?index', { form: { email, csrf: token }, maxRedirects: 0 })
  expect(ownForm.status()).toBe(302)
  expect(ownForm.headers()['location']).toBe('/logga-in/kod')
  const sent = await mailbox.waitForSignInCode(email)
  expect(sent.code).toMatch(/^\d{6}$/)
})

test('a redirect to another site after sign-in is ignored', async ({ page, signIn, baseURL }) => {
  await page.goto('/logga-in?redirectTo=//evil.example')
  await signIn(page, 'anna.svensson@malmo.example')
  await expect(page).toHaveURL(`${baseURL}/`)
  await expect(page.getByRole('heading', { name: 'Hej Anna Svensson!' })).toBeVisible()
  await expectNoA11yViolations(page)
})

test('an anonymous visitor is sent to sign in and then on to the page they asked for', async ({ page, signIn, baseURL }) => {
  await page.goto('/organisationer')
  await expect(page).toHaveURL(`${baseURL}/logga-in?redirectTo=%2Forganisationer`)
  await signIn(page, 'erik.lindqvist@skane.example')
  await expect(page).toHaveURL(`${baseURL}/organisationer`)
  await expect(page.getByRole('heading', { name: 'Organisationer', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
})

test('search engines are kept out', async ({ request }) => {
  const robots = await request.get('/robots.txt')
  expect(robots.status()).toBe(200)
  expect(await robots.text()).toContain('Disallow: /')

  for (const path of ['/robots.txt', '/healthz', '/logga-in', '/integritet', '/favicon.svg', '/organisationer', '/finns-inte']) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBeLessThan(500)
    expect(response.headers()['x-robots-tag'], path).toContain('noindex')
  }
})

test('the legal pages are public', async ({ page, baseURL }) => {
  await page.goto('/logga-in')
  for (const title of ['Integritet och personuppgifter', 'Tillgänglighetsredogörelse', 'Användarvillkor']) {
    await page.getByRole('contentinfo').getByRole('link', { name: title }).click()
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
    await expect(page).not.toHaveURL(`${baseURL}/logga-in`)
    await expectNoA11yViolations(page)
  }
})

test('a NUL character in an address is a 400 in Swedish, never a 500', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('nolltecken', 'nacka.se'), name: 'Nils Nolltecken' })
  for (const path of [
    '/fragor/%00',
    '/medlemmar/%00',
    '/organisationer/%00',
    '/projekt/a%00b',
    '/anmal?typ=post&id=%00',
    '/sok?q=%00',
    '/material?efter=%00',
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 })
    expect.soft(response.status(), path).toBe(400)
    expect.soft(await response.text(), path).toBe('Adressen innehåller otillåtna tecken. Kontrollera länken och försök igen.')
  }
  // An encoded "%00" is only text.
  expect((await page.request.get('/sok?q=%2500', { maxRedirects: 0 })).status()).toBe(200)
})

test('pages for a signed-in member are never cached', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('cache', 'nacka.se'), name: 'Carl Cache' })
  for (const path of ['/', '/fragor', '/installningar/inloggningar']) {
    const response = await page.goto(path)
    expect.soft(response?.headers()['cache-control'], path).toBe('private, no-store')
  }
  await expectNoA11yViolations(page)
})

test('a very long search reaches the search page and its notice; a longer address gets a Swedish page', async ({ page, signUp }) => {
  await signUp(page, { email: uniqueEmail('langsokning', 'nacka.se'), name: 'Lena Långsökning' })
  // 10,000 characters, 20 kB of UTF-8, 60 kB in the address.
  await page.goto(`/sok?q=${encodeURIComponent('å'.repeat(10_000))}`)
  await expect(page.getByText('Sökningen var för lång och har kortats till 200 tecken.')).toBeVisible()
  await expectNoA11yViolations(page)

  const tooLong = await page.request.get(`/sok?q=${encodeURIComponent('å'.repeat(30_000))}`)
  expect(tooLong.status()).toBe(431)
  expect(tooLong.headers()['content-type']).toBe('text/html; charset=utf-8')
  await page.setContent(await tooLong.text())
  await expect(page.getByRole('heading', { name: 'Adressen är för lång', level: 1 })).toBeVisible()
  await expectNoA11yViolations(page)
})
