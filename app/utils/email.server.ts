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
export type EmailMessage = { to: string; subject: string; text: string; html: string }

export type StoredEmail = EmailMessage & { id: string; date: string }

declare global {
  var __samverkaMailer: Transporter | undefined
}

export function mailOutboxDir() {
  return dataDir('mail')
}

function smtpTransport(url: string): Transporter {
  globalThis.__samverkaMailer ??= nodemailer.createTransport(url, {
    pool: true,
    maxConnections: 3,
    // A plain smtp:// relay inside the network (and the tests' server) may lack TLS.
    ignoreTLS: url.startsWith('smtp://') && new URL(url).searchParams.get('starttls') !== 'required',
  } as TransportOptions)
  return globalThis.__samverkaMailer
}

export async function sendEmail(message: EmailMessage): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env()
  const mail = { from: MAIL_FROM, ...message }
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
