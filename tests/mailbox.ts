import fs from 'node:fs'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server on a loopback port that keeps what it receives, for tests that check
 * the e-mail the app sends over the socket. With `saveDir`, each message is also written
 * as an .eml file (for readers in other processes, like the Playwright workers), before the
 * server acknowledges it.
 */
/** Prepended to each saved message so file readers can match the SMTP envelope too. */
export const ENVELOPE_HEADER = 'X-E2E-Envelope-To'

export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; headers: ParsedMail['headers']; raw: Buffer }

/** A header as the message carries it (unfolded), for headers the parser turns into objects (List-*). */
export const rawHeader = (mail: ReceivedMail, name: string) =>
  new RegExp(`^${name}:(.*(?:\r\n[ \t].*)*)`, 'im')
    .exec(mail.raw.toString('utf8'))?.[1]
    ?.replace(/\r\n[ \t]+/g, ' ')
    .trim()

/** An SMTP answer other than 250 for one message, e.g. { code: 451, message: 'Try again later' }. */
export type SmtpRefusal = { code: number; message: string }

export type Mailbox = {
  url: string
  port: number
  messages: ReceivedMail[]
  waitFor(to: string, predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>
  clear(): void
  close(): Promise<void>
}

/**
 * `refuse` decides per message (with its 0-based arrival number, refused ones included)
 * whether the server answers with an error instead of 250; a refused message is not kept.
 * It may answer with a promise: the server then holds its answer until it settles (a slow server).
 */
export async function startMailbox({
  saveDir,
  refuse,
}: { saveDir?: string; refuse?: (mail: ReceivedMail, arrival: number) => SmtpRefusal | undefined | Promise<SmtpRefusal | undefined> } = {}): Promise<Mailbox> {
  const messages: ReceivedMail[] = []
  let sequence = 0
  let arrivals = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        if (saveDir) {
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ')
          const name = `${String(++sequence).padStart(6, '0')}.eml`
          fs.writeFileSync(path.join(saveDir, name), Buffer.concat([Buffer.from(`${ENVELOPE_HEADER}: ${recipients}\r\n`), raw]))
        }
        simpleParser(raw)
          .then(async (parsed) => {
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              raw,
            }
            const refusal = await refuse?.(mail, arrivals++)
            if (refusal) {
              callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
              return
            }
            messages.push(mail)
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    async waitFor(to, predicate = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.findLast((mail) => mail.to.includes(to.toLowerCase()) && predicate(mail))
        if (found) return found
        if (Date.now() > deadline) throw new Error(`No e-mail to ${to} arrived within ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    clear() {
      messages.length = 0
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
