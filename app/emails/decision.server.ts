import type { EmailMessage } from '#app/utils/email.server.ts'
import { htmlEmail, linkButton, paragraph } from './layout.server.ts'

/** A moderator's decision about the recipient (approved, rejected, suspended …), with the reason. */
export function decisionEmail(input: {
  to: string
  subject: string
  message: string
  reason?: string | null
  link?: { href: string; label: string }
}): EmailMessage {
  const lines = [input.message]
  if (input.reason) lines.push('', `Motivering: ${input.reason}`)
  if (input.link) lines.push('', `${input.link.label}: ${input.link.href}`)
  const html = htmlEmail(
    input.subject,
    [
      paragraph(input.message),
      input.reason ? paragraph(`Motivering: ${input.reason}`) : '',
      input.link ? linkButton(input.link.href, input.link.label) : '',
    ].join('\n'),
  )
  return { to: input.to, subject: input.subject, text: lines.join('\n'), html }
}
