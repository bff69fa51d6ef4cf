import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * Hard refusals of a member's address, shared by every e-mail they chose (the digest,
 * notification e-mails) and the e-mail outbox: each SMTP 5xx answer to a message for them
 * counts, a delivered message resets the count, and after HARD_FAILURE_LIMIT in a row e-mail
 * to them stops (`digestStoppedReason`, shown with its explanation on the settings pages;
 * saving the digest or notification settings starts it again). The columns carry the
 * digest's name because it had them first.
 */
export const HARD_FAILURE_LIMIT = 3

/** Counts a hard refusal against the member with this address (none: nothing to count). */
export async function recordHardRefusal(tx: Prisma.TransactionClient, email: string, reason: string): Promise<void> {
  const member = await tx.user.findUnique({ where: { email }, select: { id: true } })
  if (!member) return
  const { digestHardFailures } = await tx.user.update({
    where: { id: member.id },
    data: { digestHardFailures: { increment: 1 } },
    select: { digestHardFailures: true },
  })
  if (digestHardFailures >= HARD_FAILURE_LIMIT) {
    await tx.user.update({
      where: { id: member.id },
      data: { digestStoppedReason: `e-postservern avvisade brevet till ${email} ${digestHardFailures} gånger i rad (senast: ${reason}).` },
      select: { id: true },
    })
  }
}

/** A message to this address was delivered: the refusals no longer count. */
export async function recordDelivered(tx: Prisma.TransactionClient, email: string): Promise<void> {
  await tx.user.updateMany({ where: { email, digestHardFailures: { gt: 0 } }, data: { digestHardFailures: 0 } })
}
