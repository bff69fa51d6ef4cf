import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { Transporter, TransportOptions } from 'nodemailer'
import { dataDir, env } from './env.server.ts'

/**
 * Outgoing e-mail. SMTP_URL set: nodemailer over SMTP (pooled). Unset: every message is
 * written to DATA_DIR/mail as an .eml file plus a .json summary that the development
 * outbox page reads.
 */
export type EmailMessage = {
  to: string
  subject: string
  text: string
  html: string
  /** A stable `Message-ID` (without the angle brackets) so a resent message is recognisably the same. */
  messageId?: string
  /** Extra header lines, e.g. List-Unsubscribe. */
  headers?: Record<string, string>
}

export type StoredEmail = EmailMessage & { id: string; date: string }

declare global {
  var __samverkaMailer: { url: string; transporter: Transporter } | undefined
}

export function mailOutboxDir() {
  return dataDir('mail')
}

function smtpTransport(url: string): Transporter {
  if (globalThis.__samverkaMailer?.url !== url) {
    closeMailer()
    const transporter = nodemailer.createTransport(url, {
      pool: true,
      maxConnections: 5,
      // Bounded waits, so a stuck relay cannot hold a digest claim past its lease.
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // A plain smtp:// relay inside the network (and the tests' server) may lack TLS.
      ignoreTLS: url.startsWith('smtp://') && new URL(url).searchParams.get('starttls') !== 'required',
    } as TransportOptions)
    globalThis.__samverkaMailer = { url, transporter }
  }
  return globalThis.__samverkaMailer.transporter
}

/** Closes the pooled SMTP connections (a command-line run ends with it). */
export function closeMailer() {
  globalThis.__samverkaMailer?.transporter.close()
  globalThis.__samverkaMailer = undefined
}

/** The domain of MAIL_FROM's address, for Message-IDs. */
export function mailDomain(): string {
  return /@([^>\s]+)>?\s*$/.exec(env().MAIL_FROM)?.[1] ?? 'samverka.localhost'
}

/** The address List-Unsubscribe's mailto: points at: UNSUBSCRIBE_MAILBOX, or MAIL_FROM's address. */
export function unsubscribeMailbox(): string {
  const { UNSUBSCRIBE_MAILBOX, MAIL_FROM } = env()
  return UNSUBSCRIBE_MAILBOX ?? /<([^>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM.trim()
}

export async function sendEmail(message: EmailMessage): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env()
  const { messageId, ...rest } = message
  const mail = { from: MAIL_FROM, date: new Date(), ...rest, ...(messageId ? { messageId: `<${messageId}>` } : {}) }
  if (SMTP_URL) {
    await smtpTransport(SMTP_URL).sendMail(mail)
    return
  }
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(mail)
  const date = new Date().toISOString()
  const id = `${date.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`
  const dir = mailOutboxDir()
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${id}.eml`), info.message as Buffer)
  const stored: StoredEmail = { id, date, ...message }
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(stored, null, 2))
  if (env().NODE_ENV !== 'test') {
    console.info(`E-mail to ${message.to} ("${message.subject}") saved in ${path.join(dir, `${id}.eml`)}`)
  }
}

/**
 * An SMTP 5xx answer (the address or message was refused for good), as opposed to a
 * temporary 4xx answer or a connection problem that is worth retrying later.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'responseCode' in error ? Number(error.responseCode) : NaN
  return code >= 500 && code < 600
}

/** A short description of a failed send for logs and the member's settings page. */
export function describeSmtpFailure(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'response' in error && typeof error.response === 'string') return error.response.slice(0, 300)
  return (error instanceof Error ? error.message : String(error)).slice(0, 300)
}

/** Newest first; only used by the development outbox page. */
export function listStoredEmails(limit = 50): StoredEmail[] {
  const dir = mailOutboxDir()
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as StoredEmail)
}
