import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { beforeEach, describe, expect, test } from 'vitest'
import { insertOrganisation } from '#tests/factories.ts'
import { env, init } from '#app/utils/env.server.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { action as requestCodeAction, loader as signInLoader } from './logga-in._index.tsx'
import { action as codeAction } from './logga-in.kod.tsx'
import { action as linkAction } from './logga-in.lank.tsx'
import { action as onboardingAction, loader as onboardingLoader } from './valkommen.tsx'
import { loader as homeLoader } from './_index.tsx'
import { loader as organisationsLoader } from './organisationer._index.tsx'

const { prisma } = database
let nacka: { id: string; name: string }

beforeEach(async () => {
  mailbox.clear()
  nacka ??= await insertOrganisation(prisma, { name: 'Nacka kommun', registryKey: 'kommun:0182' }, ['nacka.se'])
})

const unique = () => `${Date.now()}${Math.random().toString(36).slice(2, 7)}`

async function requestCode(browser: Browser, email: string, redirectTo = '') {
  return call(() => requestCodeAction(routeArgs(browser.post('/logga-in?index', { email, redirectTo }))), browser)
}

async function readCode(email: string) {
  const mail = await mailbox.waitFor(email)
  const code = /Din inloggningskod är: (\d{6})/.exec(mail.text)?.[1]
  const link = /(http:\/\/localhost:3000\/logga-in\/lank\?[^\s]+)/.exec(mail.text)?.[1]
  if (!code || !link) throw new Error(`No code or link in: ${mail.text}`)
  return { code, link: new URL(link), mail }
}

const enterCode = (browser: Browser, code: string) => call(() => codeAction(routeArgs(browser.post('/logga-in/kod', { intent: 'verify', code }))), browser)

describe('password-less sign-up with a verified municipality address', () => {
  test('code by e-mail over SMTP → profile step → active member with a session', async () => {
    const browser = new Browser()
    const email = `anna.${unique()}@nacka.se`
    const requested = await requestCode(browser, email)
    expect(requested.status).toBe(302)
    expect(requested.location).toBe('/logga-in/kod')

    const { code, mail } = await readCode(email)
    expect(mail.subject).toBe(`Din inloggningskod till Samverka: ${code}`)
    expect(mail.html).toContain('lang="sv"')
    const stored = await prisma.signInCode.findFirstOrThrow({ where: { email } })
    expect(stored.codeHash).not.toContain(code)

    const verified = await enterCode(browser, code)
    expect(verified.location).toBe('/valkommen')

    const options = await call(() => onboardingLoader(routeArgs(browser.get('/valkommen'))), browser)
    expect(options.data).toMatchObject({ email, options: { kind: 'organisations', organisations: [{ name: 'Nacka kommun' }] } })

    const done = await call(
      () => onboardingAction(routeArgs(browser.post('/valkommen', { intent: 'join', name: 'Anna Berg', title: 'Arkivarie', organisationId: nacka.id }))),
      browser,
    )
    expect(done.status).toBe(302)
    expect(done.location).toBe('/')
    expect(browser.cookie('samverka_session')).toBeTruthy()

    const home = await call(() => homeLoader(routeArgs(browser.get('/'))), browser)
    expect(home.data).toMatchObject({ name: 'Anna Berg', organisation: { name: 'Nacka kommun' } })
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { status: true, organisationId: true } })
    expect(user).toEqual({ status: 'active', organisationId: nacka.id })
    expect(await prisma.auditLog.count({ where: { action: 'member.signed-up', targetName: 'Anna Berg' } })).toBe(1)
  })

  test('an existing member signs in with the link instead of the code, once', async () => {
    const email = `link.${unique()}@nacka.se`
    await prisma.user.create({ data: { email, name: 'Lina Länk', sortKey: 'lina', status: 'active', organisationId: nacka.id } })
    const browser = new Browser()
    await requestCode(browser, email)
    const { link } = await readCode(email)
    const token = link.searchParams.get('token') ?? ''
    const first = await call(() => linkAction(routeArgs(browser.post('/logga-in/lank', { token, redirectTo: '' }))), browser)
    expect(first.location).toBe('/')
    expect(browser.cookie('samverka_session')).toBeTruthy()

    const again = await call(() => linkAction(routeArgs(new Browser().post('/logga-in/lank', { token, redirectTo: '' }))))
    expect(again.status).toBe(400)
    expect(again.data).toEqual({ error: 'Koden eller länken har redan använts. Be om en ny kod.' })
  })
})

describe('bad input at sign-in', () => {
  test.each([
    ['anna@', 'Det där ser inte ut som en e-postadress'],
    ['anna svensson@nacka.se', 'Det där ser inte ut som en e-postadress'],
    ['someone@gmail.com', 'Använd e-postadressen du har i jobbet'],
    ['someone@mail.hotmail.se', 'Använd e-postadressen du har i jobbet'],
    [`${'a'.repeat(300)}@nacka.se`, 'högst 254 tecken'],
    ['', 'Ange din e-postadress i jobbet.'],
  ])('%j is refused with a Swedish message and no e-mail is sent', async (email, message) => {
    const result = await requestCode(new Browser(), email)
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain(message)
    expect(mailbox.messages).toHaveLength(0)
  })

  /** A browser that asked for a code for a new address: the code, and a guess that is wrong. */
  async function waitingForCode(local: string) {
    const browser = new Browser()
    const email = `${local}.${unique()}@nacka.se`
    await requestCode(browser, email)
    const { code } = await readCode(email)
    return { browser, email, code, wrong: code === '000000' ? '111111' : '000000' }
  }

  test('a wrong code is refused; after five wrong attempts even the right code is refused', async () => {
    const { browser, code, wrong } = await waitingForCode('typo')
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await enterCode(browser, wrong)
      expect(result.status).toBe(400)
      expect(JSON.stringify(result.data)).toContain('Koden stämmer inte')
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await enterCode(browser, attempt === 0 ? code : wrong)
      expect(JSON.stringify(result.data)).toContain('För många felaktiga försök')
    }
    expect(browser.cookie('samverka_session')).toBeUndefined()
  })

  test('thirty guesses sent at once are counted before they are compared: at most five are checked', async () => {
    const { browser, email, code, wrong } = await waitingForCode('racer')
    const results = await Promise.all(Array.from({ length: 30 }, () => enterCode(browser, wrong)))
    const checked = results.filter((result) => JSON.stringify(result.data).includes('Koden stämmer inte'))
    const refused = results.filter((result) => JSON.stringify(result.data).includes('För många felaktiga försök'))
    expect(checked.length).toBeLessThanOrEqual(5)
    expect(checked.length + refused.length).toBe(30)
    expect(await prisma.signInCode.findFirstOrThrow({ where: { email }, select: { attempts: true } })).toEqual({ attempts: 5 })
    expect(JSON.stringify((await enterCode(browser, code)).data)).toContain('För många felaktiga försök')
  })

  test('an expired code is refused', async () => {
    const browser = new Browser()
    const email = `late.${unique()}@nacka.se`
    await requestCode(browser, email)
    const { code } = await readCode(email)
    await prisma.signInCode.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const result = await enterCode(browser, code)
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain('Koden har gått ut')
  })

  test('asking again invalidates the previous code', async () => {
    const browser = new Browser()
    const email = `twice.${unique()}@nacka.se`
    await requestCode(browser, email)
    const first = await readCode(email)
    mailbox.clear()
    await requestCode(browser, email)
    const second = await readCode(email)
    if (first.code !== second.code) {
      const old = await enterCode(browser, first.code)
      expect(old.status).toBe(400)
    }
    const oldLink = await call(() => linkAction(routeArgs(browser.post('/logga-in/lank', { token: first.link.searchParams.get('token') ?? '' }))))
    expect(oldLink.status).toBe(400)
    expect((await enterCode(browser, second.code)).location).toBe('/valkommen')
  })

  test('a code typed without having asked for one sends you back to the start', async () => {
    const result = await enterCode(new Browser(), '123456')
    expect(result.location).toBe('/logga-in')
  })

  test('the sixth code request for one address within 15 minutes is refused with 429', async () => {
    const email = `many.${unique()}@nacka.se`
    for (let i = 0; i < 5; i++) expect((await requestCode(new Browser(), email)).status).toBe(302)
    const refused = await requestCode(new Browser(), email)
    expect(refused.status).toBe(429)
    expect(refused.response?.headers.get('Retry-After')).toBeTruthy()
  })

  test('redirectTo survives sign-in but only for paths on this site', async () => {
    const email = `redirect.${unique()}@nacka.se`
    await prisma.user.create({ data: { email, name: 'Rut Redirect', sortKey: 'rut', status: 'active', organisationId: nacka.id } })
    for (const [target, expected] of [
      ['/organisationer?typ=kommun', '/organisationer?typ=kommun'],
      ['//evil.example/phish', '/'],
      ['https://evil.example', '/'],
    ] as const) {
      mailbox.clear()
      const browser = new Browser()
      await requestCode(browser, email, target)
      const { code } = await readCode(email)
      expect((await enterCode(browser, code)).location).toBe(expected)
    }
  })
})

describe('CSRF and spam protection on every mutation', () => {
  test('a POST without the token is refused with 403', async () => {
    const result = await call(() => requestCodeAction(routeArgs(new Browser().post('/logga-in?index', { email: 'x@nacka.se' }, { csrf: false }))))
    expect(result.status).toBe(403)
    expect(mailbox.messages).toHaveLength(0)
  })

  test('a cross-site POST with a stolen token is refused by the Origin check', async () => {
    const browser = new Browser()
    const result = await call(() =>
      requestCodeAction(routeArgs(browser.post('/logga-in?index', { email: 'x@nacka.se' }, { headers: { Origin: 'https://evil.example' } }))),
    )
    expect(result.status).toBe(403)
  })

  test('a form posted to another Host, with that Origin, still links to the configured address only', async () => {
    // The embedded default: no APP_URL. Before, the link was built from the request's Host.
    const configured = process.env.APP_URL
    delete process.env.APP_URL
    init()
    try {
      const email = `victim.${unique()}@nacka.se`
      const browser = new Browser()
      const result = await call(() => requestCodeAction(routeArgs(browser.post('/logga-in?index', { email }, { site: 'http://evil.example' }))), browser)
      expect(result.status).toBe(302)
      const mail = await mailbox.waitFor(email)
      expect(mail.text).not.toContain('evil.example')
      expect(mail.text).toContain(`http://localhost:${env().PORT}/logga-in/lank?token=`)
    } finally {
      process.env.APP_URL = configured
      init()
    }
  })

  test('a filled honeypot field is refused', async () => {
    const result = await call(() => requestCodeAction(routeArgs(new Browser().post('/logga-in?index', { email: 'x@nacka.se', website: 'spam' }))))
    expect(result.status).toBe(403)
  })
})

describe('closed by default', () => {
  test('anonymous visitors are sent to sign-in, keeping where they wanted to go', async () => {
    const result = await call(() => organisationsLoader(routeArgs(new Browser().get('/organisationer?typ=region'))))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/logga-in?redirectTo=%2Forganisationer%3Ftyp%3Dregion')
  })

  test('the sign-in page itself is public and offers no member data', async () => {
    const result = await call(() => signInLoader(routeArgs(new Browser().get('/logga-in'))))
    expect(result.status).toBe(200)
  })
})
