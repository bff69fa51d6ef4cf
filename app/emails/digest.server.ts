import type { Digest } from '#app/models/digest.server.ts'
import type { EmailMessage } from '#app/utils/email.server.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { DETAIL_STYLE, emailFooter, escapeHtml, htmlEmail, LINK_STYLE, listHeaders, paragraph } from './layout.server.ts'

/**
 * The digest e-mail: an HTML part with a heading per section and one list item per post
 * (its title is the link text, so every link makes sense on its own) and the same content
 * as plain text. No images; everything links straight to the item. The footer explains why
 * the member gets it and how to change or stop it.
 */
export type DigestEmailInput = {
  to: string
  name: string
  digest: Digest
  monthly: boolean
  /** The app's public address without a trailing slash. */
  baseUrl: string
  unsubscribeUrl: string
  messageId: string
  /** RFC 2369 mailto alternative for List-Unsubscribe. */
  unsubscribeMailto: string
}

const ITEM_STYLE = 'margin:0 0 12px'

export function digestEmail(input: DigestEmailInput): EmailMessage {
  const { digest, baseUrl } = input
  const week = digest.period.week.replace(/^\d{4}-W0?/, '')
  const letter = input.monthly ? 'månadsbrev' : 'veckobrev'
  const heading = `Ditt ${letter} från Samverka, vecka ${week}`
  const intro = `Hej ${input.name}! Här är det nya på Samverka från ${formatDate(digest.period.from)} till ${formatDate(digest.period.to)} som rör dig.`
  const settingsUrl = `${baseUrl}/installningar/veckobrev`
  const why = `Du får det här brevet eftersom du är medlem i Samverka och har ${letter}et påslaget.`
  const stop = input.monthly ? 'Avsluta månadsbrevet' : 'Avsluta veckobrevet eller få det en gång i månaden'

  const htmlSections = digest.sections.map(
    (section) => `<h2 style="font-size:18px;margin:28px 0 12px">${escapeHtml(section.heading)}</h2>
<ul style="padding-left:20px;margin:0">
${section.items
  .map(
    (item) =>
      `<li style="${ITEM_STYLE}"><a href="${escapeHtml(baseUrl + item.path)}" style="${LINK_STYLE}">${escapeHtml(item.title)}</a>${
        item.detail ? `<br><span style="${DETAIL_STYLE}">${escapeHtml(item.detail)}</span>` : ''
      }</li>`,
  )
  .join('\n')}
</ul>`,
  )
  const footer = emailFooter(why, [
    { href: settingsUrl, label: `Ändra vad ${letter}et tar med` },
    { href: input.unsubscribeUrl, label: stop },
  ])
  const html = htmlEmail(heading, [paragraph(intro), ...htmlSections, footer.html].join('\n'))

  const text = [
    heading,
    '',
    intro,
    ...digest.sections.flatMap((section) => [
      '',
      section.heading.toUpperCase(),
      ...section.items.flatMap((item) => ['', `- ${item.title}`, ...(item.detail ? [`  ${item.detail}`] : []), `  ${baseUrl}${item.path}`]),
    ]),
    '',
    ...footer.text,
  ].join('\n')

  return {
    to: input.to,
    subject: heading,
    text,
    html,
    messageId: input.messageId,
    headers: listHeaders({
      listName: 'Samverka veckobrev',
      listId: 'veckobrev',
      baseUrl,
      unsubscribeUrl: input.unsubscribeUrl,
      unsubscribeMailto: input.unsubscribeMailto,
    }),
  }
}
