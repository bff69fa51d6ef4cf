import fs from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { type AddressObject, simpleParser } from 'mailparser'
import { e2eMailDir } from './e2e/global-setup.ts'
import { ENVELOPE_HEADER } from './mailbox.ts'

/**
 * What every end-to-end spec imports instead of @playwright/test:
 * - `mailbox`: reads what the app sent to the test SMTP server (see e2e/global-setup.ts);
 * - `signIn(page, email)` / `signUp(page, { email, name })`: the real sign-in flow in the
 *   browser, with the code taken from the e-mail;
 * - `expectNoA11yViolations(page)`: axe-core with the WCAG 2.1 A and AA rules;
 * - `uniqueEmail(...)`: a fresh address per test, so tests never depend on each other.
 */
export { expect }

export type ReceivedEmail = {
  file: string
  to: string[]
  subject: string
  text: string
  html: string
  headers: Map<string, unknown>
  /** The 6-digit sign-in code, when the message carries one. */
  code: string | null
  /** The sign-in link (…/logga-in/lank?token=…), when the message carries one. */
  signInLink: string | null
}

const MAIL_WAIT_MS = 60_000
const MAIL_POLL_MS = 100

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : []
  return list.flatMap((object) => object.value.map((entry) => entry.address?.toLowerCase() ?? ''))
}

/**
 * The messages the app sent during this run. A mailbox only returns messages that arrived
 * after it was created and that it has not returned before, so a test never picks up an
 * older code (the demo moderator gets one in several tests).
 */
export class Mailbox {
  private readonly seen = new Set<string>()
  private readonly parsed = new Map<string, ReceivedEmail>()

  constructor(private readonly dir = e2eMailDir) {
    for (const file of this.files()) this.seen.add(file)
  }

  private files(): string[] {
    return fs.existsSync(this.dir)
      ? fs
          .readdirSync(this.dir)
          .filter((name) => name.endsWith('.eml'))
          .sort()
      : []
  }

  private async read(file: string): Promise<ReceivedEmail> {
    const cached = this.parsed.get(file)
    if (cached) return cached
    const mail = await simpleParser(fs.readFileSync(path.join(this.dir, file)))
    const envelope = String(mail.headers.get(ENVELOPE_HEADER.toLowerCase()) ?? '')
      .split(',')
      .map((address) => address.trim().toLowerCase())
      .filter(Boolean)
    const text = mail.text ?? ''
    const email: ReceivedEmail = {
      file,
      to: [...new Set([...envelope, ...addresses(mail.to)])],
      subject: mail.subject ?? '',
      text,
      html: typeof mail.html === 'string' ? mail.html : '',
      headers: mail.headers,
      code: /Din inloggningskod är: (\d{6})/.exec(text)?.[1] ?? null,
      signInLink: /(https?:\/\/\S+\/logga-in\/lank\?token=\S+)/.exec(text)?.[1] ?? null,
    }
    this.parsed.set(file, email)
    return email
  }

  /**
   * Waits (polling, at most 15 s) for the newest new message to `to`, optionally with a
   * subject containing `subject`, and marks it as read.
   */
  async waitForEmail(to: string, { subject }: { subject?: string | RegExp } = {}): Promise<ReceivedEmail> {
    const address = to.toLowerCase()
    const deadline = Date.now() + MAIL_WAIT_MS
    for (;;) {
      const unseen = this.files()
        .filter((file) => !this.seen.has(file))
        .reverse()
      for (const file of unseen) {
        const email = await this.read(file)
        const subjectMatches = subject === undefined || (typeof subject === 'string' ? email.subject.includes(subject) : subject.test(email.subject))
        if (email.to.includes(address) && subjectMatches) {
          this.seen.add(file)
          return email
        }
      }
      if (Date.now() > deadline) {
        const received = await Promise.all(
          this.files()
            .slice(-10)
            .map((file) => this.read(file)),
        )
        throw new Error(
          `No new e-mail to ${to}${subject ? ` with subject ${String(subject)}` : ''} within ${MAIL_WAIT_MS / 1000} s. ` +
            `Last messages received:\n${received.map((email) => `  ${email.file} to ${email.to.join(', ')}: ${email.subject}`).join('\n')}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_MS))
    }
  }

  /** The code from the newest new sign-in e-mail to `to`. */
  async waitForSignInCode(to: string): Promise<ReceivedEmail & { code: string; signInLink: string }> {
    const email = await this.waitForEmail(to, { subject: 'Din inloggningskod till Samverka' })
    if (!email.code || !email.signInLink) {
      throw new Error(`The sign-in e-mail to ${to} has no code or link:\n${email.text}`)
    }
    return { ...email, code: email.code, signInLink: email.signInLink }
  }
}

/** Asserts that axe-core finds no WCAG 2.0/2.1 A or AA violations on the page as it is now. */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
  )
  expect(violations, `Accessibility violations on ${page.url()}`).toEqual([])
}

/**
 * expectNoA11yViolations for a page whose context has JavaScript disabled, where axe-core cannot
 * run (no timer ever fires there). The page's current HTML without its <script> elements is
 * served at the same URL to a fresh page with JavaScript (stylesheets and images still load
 * from the app) and checked there, so the result is that of the page without JavaScript.
 */
export async function expectNoA11yViolationsWithoutJavaScript(page: Page) {
  const browser = page.context().browser()
  if (!browser) throw new Error('expectNoA11yViolationsWithoutJavaScript needs a page of a launched browser')
  const url = page.url()
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  const context = await browser.newContext({ javaScriptEnabled: true })
  try {
    const copy = await context.newPage()
    await copy.route(
      (target) => target.href === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    )
    await copy.goto(url)
    await expectNoA11yViolations(copy)
  } finally {
    await context.close()
  }
}

let emailCounter = 0

/** A fresh address, e.g. `ny.medlem-1763855000000-1@nacka.se`. */
export function uniqueEmail(local: string, domain: string) {
  return `${local}-${Date.now()}-${++emailCounter}@${domain}`
}

export type SignInResult = {
  /** The code e-mail that was used. */
  email: ReceivedEmail & { code: string; signInLink: string }
  /** True when the address had no account: the browser is on /valkommen. */
  isNewUser: boolean
}

type Fixtures = {
  mailbox: Mailbox
  /**
   * Signs in through the UI: types the address on /logga-in (stays on the current page when
   * it already is /logga-in, so a redirectTo is kept), reads the code from the mailbox and
   * types it. Resolves once the browser has left /logga-in/kod. Checks accessibility of both
   * sign-in pages on the way.
   */
  signIn: (page: Page, email: string) => Promise<SignInResult>
  /**
   * Signs up a new member of a registry organisation and lands on the home page. For a
   * domain that several organisations share (e.g. @gotland.se) `organisation` names the one to pick.
   */
  signUp: (page: Page, member: { email: string; name: string; title?: string; organisation?: string }) => Promise<void>
}

export const test = base.extend<Fixtures>({
  mailbox: async ({}, use) => {
    await use(new Mailbox())
  },

  signIn: async ({ mailbox }, use) => {
    await use(async (page, email) => {
      if (new URL(page.url(), 'http://localhost').pathname !== '/logga-in') await page.goto('/logga-in')
      await expect(page.getByRole('heading', { name: 'Logga in', exact: true })).toBeVisible()
      await expectNoA11yViolations(page)
      await page.getByRole('textbox', { name: 'E-postadress i jobbet' }).fill(email)
      await page.getByRole('button', { name: 'Skicka kod' }).click()

      await expect(page.getByRole('heading', { name: 'Ange koden' })).toBeVisible()
      await expectNoA11yViolations(page)
      const message = await mailbox.waitForSignInCode(email)
      await page.getByRole('textbox', { name: 'Kod från e-postmeddelandet' }).fill(message.code)
      await page.getByRole('button', { name: 'Logga in', exact: true }).click()
      await expect(page).not.toHaveURL(/\/logga-in\/kod/)
      return { email: message, isNewUser: new URL(page.url()).pathname === '/valkommen' }
    })
  },

  signUp: async ({ signIn }, use) => {
    await use(async (page, { email, name, title, organisation }) => {
      const { isNewUser } = await signIn(page, email)
      expect(isNewUser, `${email} should be a new user`).toBe(true)
      await expect(page.getByRole('heading', { name: 'Välkommen till Samverka' })).toBeVisible()
      await expectNoA11yViolations(page)
      await page.getByRole('textbox', { name: 'Namn', exact: true }).fill(name)
      if (title) await page.getByRole('textbox', { name: 'Titel eller roll (frivilligt)' }).fill(title)
      if (organisation) {
        await page.getByRole('group', { name: 'Vilken organisation arbetar du i?' }).getByRole('radio', { name: organisation, exact: true }).check()
      }
      await page.getByRole('button', { name: 'Skapa konto' }).click()
      await expect(page.getByRole('heading', { name: `Hej ${name}!` })).toBeVisible()
      await expectNoA11yViolations(page)
    })
  },
})
