import type { EmailMessage } from '#app/utils/email.server.ts'
import { EMAIL_NOTIFICATION_LABELS, type EmailNotificationKind } from '#app/validation/notification-email.ts'
import { emailFooter, escapeHtml, htmlEmail, LINK_STYLE, listHeaders, paragraph } from './layout.server.ts'

/**
 * A member's notification e-mail: the notifications of one batch, each one sentence that is
 * its own link to the item (the answer's or comment's anchor), as HTML and plain text, with
 * the digest's frame and footer. Mails about one question share a thread: `threadId` is the
 * question's stable id, given as In-Reply-To and References, and the subject is the
 * question's title.
 */
export type NotificationEmailInput = {
  to: string
  name: string
  items: ReadonlyArray<{ text: string; href: string }>
  /** The kinds the message tells of: named in the footer, turned off by its unsubscribe link. */
  kinds: readonly EmailNotificationKind[]
  /** When every item is about one post: its title and its thread's Message-ID (without brackets). */
  thread: { title: string; messageId: string } | null
  /** The app's public address without a trailing slash. */
  baseUrl: string
  unsubscribeUrl: string
  unsubscribeMailto: string
}

export function notificationEmail(input: NotificationEmailInput): Omit<EmailMessage, 'messageId'> {
  const { items, baseUrl } = input
  const heading = items.length === 1 ? 'Ny notis från Samverka' : `${items.length} nya notiser från Samverka`
  const subject = input.thread ? `Samverka: ${input.thread.title}` : `Samverka: ${items.length} nya notiser`
  const intro = `Hej ${input.name}! Det här har hänt sedan du var inne senast.`
  const chosen = input.kinds.map((kind) => EMAIL_NOTIFICATION_LABELS[kind].toLowerCase()).join(', ')
  const footer = emailFooter(`Du får det här brevet eftersom du har valt att få e-post om ${chosen}.`, [
    { href: `${baseUrl}/notiser`, label: 'Alla dina notiser' },
    { href: `${baseUrl}/installningar/notiser`, label: 'Välj vilka notiser du får med e-post' },
    { href: input.unsubscribeUrl, label: 'Sluta få e-post om det här' },
  ])
  const list = `<ul style="padding-left:20px;margin:0">
${items
  .map((item) => `<li style="margin:0 0 12px"><a href="${escapeHtml(baseUrl + item.href)}" style="${LINK_STYLE}">${escapeHtml(item.text)}</a></li>`)
  .join('\n')}
</ul>`
  const text = [heading, '', intro, ...items.flatMap((item) => ['', `- ${item.text}`, `  ${baseUrl}${item.href}`]), '', ...footer.text].join('\n')
  const thread: Record<string, string> = input.thread ? { 'In-Reply-To': `<${input.thread.messageId}>`, References: `<${input.thread.messageId}>` } : {}
  return {
    to: input.to,
    subject,
    html: htmlEmail(heading, [paragraph(intro), list, footer.html].join('\n')),
    text,
    headers: {
      ...listHeaders({
        listName: 'Samverka notiser',
        listId: 'notiser',
        baseUrl,
        unsubscribeUrl: input.unsubscribeUrl,
        unsubscribeMailto: input.unsubscribeMailto,
      }),
      ...thread,
    },
  }
}
