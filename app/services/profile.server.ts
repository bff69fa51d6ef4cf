import type { DigestFrequencyChoice } from '#app/validation/digest.ts'
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
