import path from 'node:path'
import { z } from 'zod'
import type { DigestSchedule } from './digest-schedule.ts'

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The public address (https://samverka.example.se): the base of every link in e-mails. Required with DATABASE_URL. */
  APP_URL: z
    .string()
    .url('APP_URL must be a URL such as https://samverka.example.se')
    .refine((value) => /^https?:\/\//.test(value), 'APP_URL must start with https:// (or http://)')
    .optional(),
  /** Everything embedded mode writes: PGlite data, the local mail outbox, uploads. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Unset: embedded PGlite under DATA_DIR. Set: that PostgreSQL server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Unset: e-mails are written to DATA_DIR/mail. Set: sent over SMTP with nodemailer. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Samverka <no-reply@samverka.localhost>'),
  /** Where List-Unsubscribe's mailto: goes (someone must read it); default MAIL_FROM's address. */
  UNSUBSCRIBE_MAILBOX: z.string().email('UNSUBSCRIBE_MAILBOX must be an e-mail address').optional(),
  /** Secret for signing cookies and CSRF tokens; required in production with a real database. */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** Load the demo members on an empty database (the registry is always loaded). */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a load balancer in front. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** When digests go out: ISO weekday (1 = Monday) and hour in DIGEST_TIME_ZONE. */
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  DIGEST_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('sv-SE', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'DIGEST_TIME_ZONE must be an IANA time zone such as Europe/Stockholm')
    .default('Europe/Stockholm'),
  /** Digests built and handed to SMTP at once by one run (lower it for a slow relay). */
  DIGEST_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  /** How long notifications wait before their e-mail goes, so that what follows within it joins the same e-mail. */
  EMAIL_NOTIFICATION_DELAY_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  /** Send due digests from the app process too (safe next to `npm run digest:send`: deliveries are claimed). */
  DIGEST_SCHEDULER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Largest accepted upload per file, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(500).default(25),
})

export type Env = z.infer<typeof schema>

let parsed: Env | undefined

/** Validates process.env once; throws with every problem listed. */
export function init(): Env {
  const result = schema.safeParse(process.env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid environment variables:\n${problems}`)
  }
  parsed = result.data
  return parsed
}

export function env(): Env {
  return parsed ?? init()
}

export function dataDir(...segments: string[]): string {
  return path.resolve(env().DATA_DIR, ...segments)
}

/**
 * The public address of the app, the only base of every absolute URL the app writes (links
 * in e-mails). It comes from configuration, never from a request's Host or X-Forwarded-*
 * headers: APP_URL, or in embedded mode without it, this machine's port.
 */
export function appBaseUrl(): string {
  return (env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/+$/, '')
}

/** An absolute URL on this app for a path such as `/logga-in/lank`. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${appBaseUrl()}/`).toString()
}

/**
 * Configuration a server deployment cannot run without, as one line per problem. With a
 * PostgreSQL server (DATABASE_URL) the app is reachable by others, so APP_URL must say where.
 */
export function deploymentProblems(config: Env = env()): string[] {
  const problems: string[] = []
  if (config.DATABASE_URL && !config.APP_URL) {
    problems.push('APP_URL must be set when DATABASE_URL is: it is the public address (https://samverka.example.se) that every link in e-mails points at.')
  }
  return problems
}

export function digestSchedule(): DigestSchedule {
  const { DIGEST_WEEKDAY, DIGEST_HOUR, DIGEST_TIME_ZONE } = env()
  return { weekday: DIGEST_WEEKDAY, hour: DIGEST_HOUR, timeZone: DIGEST_TIME_ZONE }
}

export function isEmbeddedDatabase(): boolean {
  return !env().DATABASE_URL
}

/** The public keys sent to the browser as window.ENV. Nothing secret here. */
export function getPublicEnv() {
  return { MODE: env().NODE_ENV }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace NodeJS {
    interface ProcessEnv {
      PORT?: string
      APP_URL?: string
      DATA_DIR?: string
      DATABASE_URL?: string
      DATABASE_POOL_MAX?: string
      SMTP_URL?: string
      MAIL_FROM?: string
      UNSUBSCRIBE_MAILBOX?: string
      SESSION_SECRET?: string
      SEED_DEMO?: string
      TRUST_PROXY?: string
      UPLOAD_MAX_MB?: string
      DIGEST_WEEKDAY?: string
      DIGEST_HOUR?: string
      DIGEST_TIME_ZONE?: string
      DIGEST_SCHEDULER?: string
      DIGEST_CONCURRENCY?: string
      EMAIL_NOTIFICATION_DELAY_SECONDS?: string
    }
  }
  interface Window {
    ENV: ReturnType<typeof getPublicEnv>
  }
}
