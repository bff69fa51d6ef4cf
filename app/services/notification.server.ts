import { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentSql } from '#app/policies/content-sql.server.ts'
import type { ActorLike } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'

/**
 * In-app notifications. The `notify*` functions run inside the transaction of the event
 * that causes them, so a notification exists exactly when its event does; each one has a
 * per-recipient `dedupeKey`, so repeating an event (accepting the same answer again) never
 * notifies twice. The actor is never notified of their own doing, and only active members
 * are notified.
 *
 * A notification of a kind the recipient gets by e-mail (`notificationMailKinds`, unless
 * e-mail to their address stopped after hard failures) is written `mailPending`, and the same
 * statement gives the recipient a `NotificationEmailBatch` due `EMAIL_NOTIFICATION_DELAY_SECONDS`
 * later, unless one is already waiting: what happens before it is due joins that e-mail
 * (app/services/notification-email.server.ts, README decision 023).
 */
type Tx = Prisma.TransactionClient

const FOLLOWING_UNREAD = 'following:unread'

/** Whether the recipient `u` gets notifications of `kind` by e-mail (SQL over "User" u). */
const emailWanted = (kind: Prisma.Sql) => Prisma.sql`(${kind}::"NotificationKind" = ANY(u."notificationMailKinds") AND u."digestStoppedReason" IS NULL)`

/**
 * Runs a notification INSERT (which must set "mailPending") and queues the e-mail batch of
 * every recipient it left pending, in one statement. Touching an existing batch (the no-op
 * update) locks it until this transaction ends, so a sender cannot take the batch away while
 * the notification it should carry is not yet committed: it either waits and skips the row,
 * or has already deleted it, and then this statement writes a new one.
 */
function withEmailBatch(insert: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH written AS (${insert} RETURNING "userId", "mailPending")
    INSERT INTO "NotificationEmailBatch" ("id", "userId", "dueAt", "createdAt")
    SELECT 'b' || replace(gen_random_uuid()::text, '-', ''), pending."userId",
           (now() AT TIME ZONE 'UTC') + ${env().EMAIL_NOTIFICATION_DELAY_SECONDS}::int * interval '1 second', now() AT TIME ZONE 'UTC'
    FROM (SELECT DISTINCT "userId" FROM written WHERE "mailPending") AS pending
    ON CONFLICT ("userId") DO UPDATE SET "userId" = excluded."userId"`
}

async function notifyOne(
  tx: Tx,
  input: { userId: string | null; actorId: string; kind: 'answer' | 'comment' | 'accepted'; postId: string; subjectId: string },
) {
  if (!input.userId || input.userId === input.actorId) return
  const wanted = emailWanted(Prisma.sql`${input.kind}`)
  await tx.$executeRaw(
    withEmailBatch(Prisma.sql`
      INSERT INTO "Notification" ("id", "userId", "kind", "actorId", "postId", "subjectId", "dedupeKey", "createdAt", "lastEventAt", "mailPending")
      SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), u."id", ${input.kind}::"NotificationKind", ${input.actorId}, ${input.postId},
             ${input.subjectId}, ${`${input.kind}:${input.subjectId}`}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${wanted}
      FROM "User" u WHERE u."id" = ${input.userId} AND u."status" = 'active'
      ON CONFLICT ("userId", "dedupeKey") DO NOTHING`),
  )
}

/**
 * Adds one event to the unread "following" batch of every active member who follows the
 * post, one of its tags or its organisation — except the actor and `except` (members told
 * individually). One statement, whatever the number of followers. With `answer`, the event is
 * a new answer: members who follow the question itself get it by e-mail if they chose so
 * (news from followed tags and organisations is left to the digest).
 */
async function notifyFollowers(tx: Tx, input: { postId: string; actorId: string; except?: (string | null)[]; answer?: boolean }) {
  const except = input.except?.filter((id): id is string => id !== null) ?? []
  const wanted = emailWanted(Prisma.sql`'following'`)
  await tx.$executeRaw(
    withEmailBatch(Prisma.sql`
      INSERT INTO "Notification" ("id", "userId", "kind", "postId", "dedupeKey", "createdAt", "lastEventAt", "mailPending")
      SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), followers."userId", 'following', ${input.postId}, ${FOLLOWING_UNREAD},
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${input.answer ?? false}::boolean AND followers."followsPost" AND ${wanted}
      FROM (
        SELECT "userId", bool_or("followsPost") AS "followsPost" FROM (
          SELECT f."userId", TRUE AS "followsPost" FROM "Follow" f WHERE f."postId" = ${input.postId}
          UNION ALL
          SELECT f."userId", FALSE FROM "Follow" f JOIN "PostTag" pt ON pt."tagId" = f."tagId" WHERE pt."postId" = ${input.postId}
          UNION ALL
          SELECT f."userId", FALSE FROM "Follow" f JOIN "Post" p ON p."organisationId" = f."organisationId" WHERE p."id" = ${input.postId}
        ) AS follows GROUP BY "userId"
      ) AS followers
      JOIN "User" u ON u."id" = followers."userId" AND u."status" = 'active'
      WHERE followers."userId" <> ${input.actorId} AND NOT (followers."userId" = ANY(${except}::text[]))
      ON CONFLICT ("userId", "dedupeKey") DO UPDATE
        SET "count" = "Notification"."count" + 1, "postId" = excluded."postId", "lastEventAt" = excluded."lastEventAt",
            "mailPending" = "Notification"."mailPending" OR excluded."mailPending",
            "mailedAt" = CASE WHEN excluded."mailPending" THEN NULL ELSE "Notification"."mailedAt" END`),
  )
}

/** A new project, question or artifact: its followers (by tag and organisation) hear of it, batched. */
export async function notifyNewPost(tx: Tx, input: { postId: string; actorId: string }) {
  await notifyFollowers(tx, input)
}

/** The asker hears of the answer; the question's other followers get it in their batch. */
export async function notifyAnswer(tx: Tx, input: { questionId: string; askerId: string | null; answerId: string; actorId: string }) {
  await notifyOne(tx, { userId: input.askerId, actorId: input.actorId, kind: 'answer', postId: input.questionId, subjectId: input.answerId })
  await notifyFollowers(tx, { postId: input.questionId, actorId: input.actorId, except: [input.askerId], answer: true })
}

/** The post's author hears of the comment; the post's other followers get it in their batch. */
export async function notifyComment(tx: Tx, input: { postId: string; authorId: string | null; commentId: string; actorId: string }) {
  await notifyOne(tx, { userId: input.authorId, actorId: input.actorId, kind: 'comment', postId: input.postId, subjectId: input.commentId })
  await notifyFollowers(tx, { postId: input.postId, actorId: input.actorId, except: [input.authorId] })
}

export async function notifyAccepted(tx: Tx, input: { questionId: string; answerAuthorId: string | null; answerId: string; actorId: string }) {
  await notifyOne(tx, { userId: input.answerAuthorId, actorId: input.actorId, kind: 'accepted', postId: input.questionId, subjectId: input.answerId })
}

/**
 * Members mentioned in a post or an answer (`answerId`) hear of it once per post or answer:
 * the key is per recipient and subject, so saving an edit notifies only members it newly
 * mentions. Only active members, never the actor, and only while the post (and the answer)
 * is visible: every active member may see visible content.
 */
export async function notifyMention(tx: Tx, input: { userIds: string[]; actorId: string; postId: string; answerId?: string }) {
  if (input.userIds.length === 0) return
  const answerId = input.answerId ?? null
  const dedupeKey = answerId ? `mention:answer:${answerId}` : `mention:post:${input.postId}`
  const wanted = emailWanted(Prisma.sql`'mention'`)
  await tx.$executeRaw(
    withEmailBatch(Prisma.sql`
      INSERT INTO "Notification" ("id", "userId", "kind", "actorId", "postId", "subjectId", "dedupeKey", "createdAt", "lastEventAt", "mailPending")
      SELECT 'n' || replace(gen_random_uuid()::text, '-', ''), u."id", 'mention', ${input.actorId}, ${input.postId},
             ${answerId}, ${dedupeKey}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${wanted}
      FROM "User" u
      WHERE u."id" = ANY(${input.userIds}::text[]) AND u."status" = 'active' AND u."id" <> ${input.actorId}
        AND EXISTS (SELECT 1 FROM "Post" p WHERE p."id" = ${input.postId} AND ${visibleContentSql('p')})
        AND (${answerId}::text IS NULL OR EXISTS (SELECT 1 FROM "Answer" a WHERE a."id" = ${answerId} AND ${visibleContentSql('a')}))
      ON CONFLICT ("userId", "dedupeKey") DO NOTHING`),
  )
}

export type ModerationNotice = {
  action: 'deleted' | 'restored' | 'hidden' | 'edited'
  target: 'post' | 'answer' | 'comment'
  title: string
  reason: string | null
  /** The decision's audit row, when the member may appeal it ("Överklaga beslutet"). */
  auditLogId?: string
}

/** A moderator's decision about the member themself, or the outcome of their appeal. */
export type MemberNotice = {
  action: 'approved' | 'rejected' | 'warned' | 'suspended' | 'reinstated' | 'suspension-ended' | 'appeal-upheld' | 'appeal-overturned'
  target: 'member'
  reason: string | null
  /** A suspension's last day (YYYY-MM-DD, Stockholm); null when indefinite. */
  until?: string | null
  /** The decision's audit row, when the member may appeal it. */
  auditLogId?: string
}

/**
 * Tells the member of a decision about them (`decisionId`: its audit row), whatever their
 * status: a suspended member reads it when back.
 */
export async function notifyMemberDecision(tx: Tx, input: { userId: string; actorId: string | null; decisionId: string; notice: MemberNotice }) {
  await tx.notification.create({
    data: {
      userId: input.userId,
      kind: 'moderation',
      actorId: input.actorId,
      data: input.notice,
      dedupeKey: `moderation:member:${input.decisionId}`,
    },
    select: { id: true },
  })
}

/** A moderator hid, removed, restored or edited something of the member's (not their own doing). */
export async function notifyModeration(tx: Tx, input: { userId: string | null; actorId: string; postId: string; subjectId: string; notice: ModerationNotice }) {
  if (!input.userId || input.userId === input.actorId) return
  await tx.notification.create({
    data: {
      userId: input.userId,
      kind: 'moderation',
      actorId: input.actorId,
      // A removed post is not linked: the member can no longer open it (a hidden one they still can).
      postId: input.notice.action !== 'deleted' || input.notice.target !== 'post' ? input.postId : null,
      subjectId: input.subjectId,
      data: input.notice,
      dedupeKey: `moderation:${input.notice.target}:${input.subjectId}:${input.notice.action}:${Date.now()}`,
    },
    select: { id: true },
  })
}

/**
 * Marks one notification (or all) read. A read "following" batch gets a key of its own, so
 * the next event starts a new batch. Only the member's own notifications are touched.
 */
export async function markNotificationsRead(member: ActorLike, notificationId: string | 'all') {
  await prisma.$executeRaw`
    UPDATE "Notification"
    SET "readAt" = now() AT TIME ZONE 'UTC',
        "dedupeKey" = CASE WHEN "dedupeKey" = ${FOLLOWING_UNREAD} THEN 'following:read:' || "id" ELSE "dedupeKey" END
    WHERE "userId" = ${member.id} AND "readAt" IS NULL AND (${notificationId} = 'all' OR "id" = ${notificationId})`
}
