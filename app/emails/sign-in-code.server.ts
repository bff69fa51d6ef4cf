import type { EmailMessage } from '#app/utils/email.server.ts'
import { htmlEmail, linkButton, paragraph } from './layout.server.ts'

export function signInCodeEmail(to: string, code: string, link: string, validMinutes: number): EmailMessage {
  const subject = `Din inloggningskod till Samverka: ${code}`
  const text = [
    `Din inloggningskod är: ${code}`,
    '',
    `Du kan också logga in med länken: ${link}`,
    '',
    `Koden och länken gäller i ${validMinutes} minuter och kan bara användas en gång.`,
    'Om du inte försökte logga in kan du bortse från det här meddelandet.',
  ].join('\n')
  const html = htmlEmail(
    'Logga in på Samverka',
    [
      paragraph('Din inloggningskod är:'),
      `<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${code}</p>`,
      linkButton(link, 'Logga in på Samverka med länken'),
      paragraph(`Koden och länken gäller i ${validMinutes} minuter och kan bara användas en gång.`),
      paragraph('Om du inte försökte logga in kan du bortse från det här meddelandet.'),
    ].join('\n'),
  )
  return { to, subject, text, html }
}
