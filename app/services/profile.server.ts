import type { DigestFrequencyChoice } from '#app/validation/digest.ts'
import type { EmailNotificationKind } from '#app/validation/notification-email.ts'
import { prisma } from '#app/utils/db.server.ts'
import { swedishSortKey } from '#app/utils/swedish.ts'

/** A member edits their own profile; the where clause makes it their own. */
export async function updateProfile(userId: string, input: { name: string; title: string; interests: string[] }) {
  await prisma.user.update({
    where: { id: userId },
    data: { name: input.name, sortKey: swedishSortKey(input.name), title: input.title, interests: input.interests },
    select: { id: true },
  })
}

/**
 * A member's digest: how often, and the sections they turned off. Saving also restarts
 * digests that stopped after repeated refusals (the member has seen why and chose again).
 */
export async function updateDigestPreferences(userId: string, input: { frequency: DigestFrequencyChoice; sectionsOff: string[] }) {
  await prisma.user.update({
    where: { id: userId },
    data: { digestFrequency: input.frequency, digestSectionsOff: input.sectionsOff, digestStoppedReason: null, digestHardFailures: 0 },
    select: { id: true },
  })
}

/**
 * The unsubscribe page (no sign-in, a signed token names the member): only the frequency
 * changes. False when the member no longer exists.
 */
export async function setDigestFrequency(userId: string, frequency: DigestFrequencyChoice): Promise<boolean> {
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { digestFrequency: frequency } })
  return count === 1
}

/**
 * The notification kinds a member also gets by e-mail. Like the digest settings, saving
 * restarts e-mail that stopped after repeated refusals. Kinds turned off take effect for
 * notifications already waiting for their e-mail too (the sender reads the current choice).
 */
export async function updateNotificationEmailKinds(userId: string, kinds: EmailNotificationKind[]) {
  await prisma.user.update({
    where: { id: userId },
    data: { notificationMailKinds: kinds, digestStoppedReason: null, digestHardFailures: 0 },
    select: { id: true },
  })
}

/** The unsubscribe link of a notification e-mail (no sign-in): turns `kinds` off. False when the member no longer exists. */
export async function turnOffNotificationEmails(userId: string, kinds: EmailNotificationKind[]): Promise<boolean> {
  const count = await prisma.$executeRaw`
    UPDATE "User" SET "notificationMailKinds" = ARRAY(SELECT kind FROM unnest("notificationMailKinds") AS kind WHERE NOT (kind::text = ANY(${kinds}::text[])))
    WHERE "id" = ${userId}`
  return count === 1
}
