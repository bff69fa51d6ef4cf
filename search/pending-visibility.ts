import { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The posts whose indexed document may still show something that is no longer visible:
 * the post itself, or one of its answers, changed status and the outbox row saying so has
 * not been processed yet. Both engines leave these posts out of every result, count and
 * suggestion until the worker has re-indexed them (well under a second), so nothing a
 * moderator hid can be found in the meantime. Uses the outbox's (processedAt, id) index:
 * the pending rows are few.
 */
export function pendingInvisiblePostIds(status: string): Prisma.Sql {
  return Prisma.sql`
    SELECT o."entityId" AS "postId"
    FROM "SearchOutbox" o JOIN "Post" stale_post ON stale_post."id" = o."entityId"
    WHERE o."processedAt" IS NULL AND o."entityType" = 'post' AND stale_post."status" <> ${status}::"ContentStatus"
    UNION
    SELECT stale_answer."postId" AS "postId"
    FROM "SearchOutbox" o JOIN "Answer" stale_answer ON stale_answer."id" = o."entityId"
    WHERE o."processedAt" IS NULL AND o."entityType" = 'answer' AND stale_answer."status" <> ${status}::"ContentStatus"`
}
