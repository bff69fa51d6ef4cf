import { prisma } from '#app/utils/db.server.ts'
import { pruneEmailOutbox } from './email-outbox.server.ts'
import { deleteUntiedImages } from './inline-images.server.ts'
import { endExpiredSuspensions } from './member-moderation.server.ts'
import { pruneRateLimits } from '#app/utils/rate-limit.server.ts'
import { pruneSignInCodes } from './sign-in.server.ts'

/**
 * Housekeeping the server runs hourly: expired sessions, old codes and rate-limit windows,
 * suspensions whose last day is over, images no saved text shows, and e-mails sent or
 * given up more than 30 days ago.
 */
export async function runMaintenance(now = new Date()) {
  await endExpiredSuspensions(now)
  await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } })
  await pruneSignInCodes(now)
  await pruneRateLimits(now)
  await deleteUntiedImages(now)
  await pruneEmailOutbox(now)
}
