import { prisma } from './db.server.ts'
import { tooManyRequests } from './errors.server.ts'
import { getClientAddress } from './request.server.ts'

/**
 * Rate limits with their counters in PostgreSQL, so several app instances share them.
 * Fixed windows, one atomic upsert per check. Sign-in keys on the e-mail address strictly
 * and on the IP address generously: a whole municipality may sit behind one proxy.
 */
export const RATE_LIMITS = {
  /** Asking for a sign-in code, per e-mail address. */
  'sign-in-email': { max: 5, windowSeconds: 15 * 60 },
  /** Asking for a sign-in code, per IP address (shared municipal proxies: generous). */
  'sign-in-ip': { max: 300, windowSeconds: 15 * 60 },
  /** Entering codes, per IP address (each code also has its own 5 attempts). */
  'verify-ip': { max: 200, windowSeconds: 15 * 60 },
  /** Organisation requests and other sign-up writes, per IP address. */
  'sign-up-ip': { max: 100, windowSeconds: 60 * 60 },
  /** Reports of accessibility problems from visitors, per IP address. */
  'accessibility-report-ip': { max: 20, windowSeconds: 60 * 60 },
  /** Posting questions, answers and other content, per member. */
  posting: { max: 30, windowSeconds: 10 * 60 },
  /** Any other mutation, per member. */
  general: { max: 600, windowSeconds: 60 },
} as const

export type RateLimitName = keyof typeof RATE_LIMITS

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }

/** Counts one hit on `name:subject` and tells whether it is within the limit. */
export async function hitRateLimit(name: RateLimitName, subject: string, now = new Date()): Promise<RateLimitResult> {
  const { max, windowSeconds } = RATE_LIMITS[name]
  const key = `${name}:${subject}`
  const rows = await prisma.$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${now}::timestamp - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${now}::timestamp - make_interval(secs => ${windowSeconds})
                     THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`
  const row = rows[0]
  if (!row) throw new Error('Rate limit upsert returned no row')
  const windowEnds = row.windowStart.getTime() + windowSeconds * 1000
  return {
    allowed: row.count <= max,
    remaining: Math.max(0, max - row.count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  }
}

/** Throws a 429 Response when the limit for this subject is used up. */
export async function enforceRateLimit(name: RateLimitName, subject: string) {
  const result = await hitRateLimit(name, subject)
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds)
}

/** Per-IP limit for the request's client address. */
export async function enforceIpRateLimit(request: Request, name: RateLimitName) {
  await enforceRateLimit(name, getClientAddress(request))
}

/** Old windows are useless; delete them now and then. */
export async function pruneRateLimits(now = new Date()) {
  const longest = Math.max(...Object.values(RATE_LIMITS).map((limit) => limit.windowSeconds))
  await prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - longest * 1000) } } })
}
