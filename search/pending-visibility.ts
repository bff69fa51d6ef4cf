import { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The posts whose indexed document may still show something that is no longer visible: the
 * post itself, or one of its visible answers, was hidden or deleted (also outright, as account
 * deletion with removal does) and the worker has not re-indexed the post yet. Triggers add an
 * outbox row for the post with operation 'hide' in the transaction that does it (migration
 * 20261202130000_search_hide_markers), so this reads the outbox alone and never depends on
 * rows that may be gone. Both engines leave these posts out of every result, count and
 * suggestion until the worker has processed those rows (well under a second), however many
 * they are. Uses the outbox's (processedAt, id) index: the pending rows are few.
 */
export function pendingInvisiblePostIds(): Prisma.Sql {
  return Prisma.sql`
    SELECT o."entityId" AS "postId"
    FROM "SearchOutbox" o
    WHERE o."processedAt" IS NULL AND o."entityType" = 'post' AND o."operation" = 'hide'`
}
