import { prisma } from '#app/utils/db.server.ts'
import { pruneRateLimits } from '#app/utils/rate-limit.server.ts'
import { pruneSignInCodes } from './sign-in.server.ts'

/** Housekeeping the server runs hourly: expired sessions, old codes and rate-limit windows. */
export async function runMaintenance(now = new Date()) {
  await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } })
  await pruneSignInCodes(now)
  await pruneRateLimits(now)
}
