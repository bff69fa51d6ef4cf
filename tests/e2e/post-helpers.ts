import type { Browser, Locator, Page } from '@playwright/test'
import { expect, expectNoA11yViolationsWithoutJavaScript } from '#tests/playwright-utils.ts'

/** Helpers the content specs share: unique titles, the Tiptap editor, post cards, no-JS sessions. */
let titleCounter = 0

/** A post title no other test (or earlier run against the same database) uses. */
export function uniqueTitle(text: string) {
  return `${text} (${Date.now()}-${++titleCounter})`
}

/**
 * The Tiptap editor of the rich-text field labelled `label`. The server sends a textarea with
 * the same label; Tiptap replaces it after hydration, so wait for the toolbar before typing.
 */
export async function richTextEditor(page: Page, label: string): Promise<Locator> {
  await expect(page.getByRole('toolbar', { name: 'Textformat' })).toBeVisible()
  const editor = page.getByRole('textbox', { name: label, exact: true })
  await expect(editor).toHaveAttribute('contenteditable', 'true')
  return editor
}

/** Types into a Tiptap editor the way a member does: click into it, then the keyboard. */
export async function typeInEditor(page: Page, editor: Locator, text: string) {
  await editor.click()
  await page.keyboard.type(text)
}

/** The list of the page's posts (a list page, a tag page, the home feed) holds a card for `title`. */
export async function expectCard(page: Page, title: string) {
  const card = page.getByRole('article', { name: title, exact: true })
  await expect(card).toBeVisible()
  await expect(card.getByRole('link', { name: title, exact: true })).toBeVisible()
  return card
}

type Member = { email: string; name: string; organisation?: string }

/**
 * Signs up in a browser with JavaScript (the sign-in helpers run axe-core, which needs it)
 * and hands the session to `page`, whose context has JavaScript disabled.
 */
export async function signUpWithoutJavaScript(page: Page, browser: Browser, signUp: (page: Page, member: Member) => Promise<void>, member: Member) {
  const context = await browser.newContext({ javaScriptEnabled: true })
  await signUp(await context.newPage(), member)
  await page.context().addCookies(await context.cookies())
  await context.close()
  await page.goto('/')
  await expect(page.getByRole('heading', { name: `Hej ${member.name}!` })).toBeVisible()
  await expectNoA11yViolationsWithoutJavaScript(page)
}
