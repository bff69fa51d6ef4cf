import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { enqueueEmails, type OutboxEmail, sendPendingEmails } from './email-outbox.server.ts'

/**
 * Use cases that combine (README, decision 018). A use case's core takes the transaction and
 * returns its result together with the effects that belong after the commit; it writes
 * nothing outside the transaction and sends nothing. `runUseCase` runs one core in one
 * transaction, then its effects. A use case that calls another's core inside its own
 * transaction gets that core's effects back and decides which to keep (an appeal that
 * restores content tells the member once, in its own words). Work that rolls back therefore
 * has no effects.
 */
export type Tx = Prisma.TransactionClient

/**
 * What happens after the commit. An e-mail is durable: its row is written to the e-mail
 * outbox in the transaction, sent right after the commit and retried by the outbox worker.
 */
export type Effect = { type: 'email' } & OutboxEmail

export type WithEffects<R> = { result: R; effects: Effect[] }

export const emailEffect = (kind: OutboxEmail['kind'], message: OutboxEmail['message']): Effect => ({ type: 'email', kind, message })

/** Runs a core in one transaction, then its effects; returns the core's result. */
export async function runUseCase<R>(core: (tx: Tx) => Promise<WithEffects<R>>): Promise<R> {
  const { result, emailIds } = await prisma.$transaction(async (tx) => {
    const { result, effects } = await core(tx)
    const emailIds = await enqueueEmails(
      tx,
      effects.filter((effect) => effect.type === 'email'),
    )
    return { result, emailIds }
  })
  // The decision stands whatever the relay says: a message that cannot go now stays in the
  // outbox, and the worker sends it later.
  await sendPendingEmails({ ids: emailIds }).catch((error: unknown) => {
    console.error(`E-mail outbox: could not send after commit (the worker will): ${error instanceof Error ? error.message : String(error)}`)
  })
  return result
}
