import { z } from 'zod'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { prisma } from '#app/utils/db.server.ts'

/** Reads of a member's notifications: the header's unread count and the "Notiser" page. */
export const NOTIFICATIONS_PAGE_SIZE = 30

export type NotificationCursor = { lastEventAt: string; id: string }

/** Through the partial index of unread rows. */
export function countUnreadNotifications(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } })
}

const contentNoticeSchema = z.object({
  action: z.enum(['deleted', 'restored', 'hidden', 'edited']),
  target: z.enum(['post', 'answer', 'comment']),
  title: z.string(),
  reason: z.string().nullable(),
  auditLogId: z.string().optional(),
})

const memberNoticeSchema = z.object({
  action: z.enum(['approved', 'rejected', 'warned', 'suspended', 'reinstated', 'suspension-ended', 'appeal-upheld', 'appeal-overturned']),
  target: z.literal('member'),
  reason: z.string().nullable(),
  until: z.string().nullable().optional(),
  auditLogId: z.string().optional(),
})

const moderationNoticeSchema = z.union([contentNoticeSchema, memberNoticeSchema])

const notificationRowSelect = {
  id: true,
  kind: true,
  count: true,
  data: true,
  subjectId: true,
  readAt: true,
  lastEventAt: true,
  actor: { select: { id: true, name: true } },
  post: { select: { id: true, type: true, title: true, status: true } },
} satisfies Prisma.NotificationSelect

type SelectedNotification = Prisma.NotificationGetPayload<{ select: typeof notificationRowSelect }>

function toNotificationRow(row: SelectedNotification) {
  const notice = row.kind === 'moderation' ? moderationNoticeSchema.safeParse(row.data) : null
  return {
    ...row,
    // A post removed since is not shown (its title may be what was removed); the author of a
    // hidden post (the only one told of its moderation) still sees it.
    post: row.post?.status === 'visible' || (row.kind === 'moderation' && row.post?.status === 'hidden') ? row.post : null,
    moderation: notice?.success ? notice.data : null,
  }
}

export async function listNotifications(userId: string, after?: NotificationCursor) {
  const lastEventAt = after ? new Date(after.lastEventAt) : null
  const rows = await prisma.notification.findMany({
    where: {
      userId,
      ...(after && lastEventAt && !Number.isNaN(lastEventAt.getTime())
        ? { OR: [{ lastEventAt: { lt: lastEventAt } }, { lastEventAt, id: { lt: after.id } }] }
        : {}),
    },
    select: notificationRowSelect,
    orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE)
  const last = rows.length > NOTIFICATIONS_PAGE_SIZE ? page[page.length - 1] : undefined
  const withdrawn = await withdrawnSubjects(prisma, page)
  return {
    notifications: page.filter((row) => !withdrawn.has(row.id)).map(toNotificationRow),
    next: last ? { lastEventAt: last.lastEventAt.toISOString(), id: last.id } : null,
  }
}

/**
 * The notifications (`ids`, waiting for an e-mail) that an e-mail may tell of now: unread, of
 * a kind the member gets by e-mail, not of their own doing, and about a post (and answer or
 * comment) that is still visible. Read inside the sender's transaction (`db`).
 */
export async function listEmailableNotifications(db: Prisma.TransactionClient, ids: string[], { userId, kinds }: { userId: string; kinds: readonly string[] }) {
  const rows = await db.notification.findMany({
    where: {
      id: { in: ids },
      userId,
      readAt: null,
      kind: { in: kinds.filter((kind): kind is SelectedNotification['kind'] => kind !== 'moderation') },
      OR: [{ actorId: null }, { actorId: { not: userId } }],
      post: visibleContentWhere,
    },
    select: notificationRowSelect,
    orderBy: [{ lastEventAt: 'asc' }, { id: 'asc' }],
  })
  const withdrawn = await withdrawnSubjects(db, rows)
  return rows.filter((row) => !withdrawn.has(row.id)).map(toNotificationRow)
}

const ANSWER_SUBJECT_KINDS: ReadonlySet<string> = new Set(['answer', 'accepted', 'mention'])

/**
 * The notifications (by id) about an answer or a comment that is no longer visible (hidden or
 * removed): left out until it is restored. Two indexed look-ups per page.
 */
async function withdrawnSubjects(db: Prisma.TransactionClient, rows: Array<{ id: string; kind: string; subjectId: string | null }>) {
  const subjects = (kinds: (kind: string) => boolean) => rows.flatMap((row) => (row.subjectId && kinds(row.kind) ? [row.subjectId] : []))
  const answerIds = subjects((kind) => ANSWER_SUBJECT_KINDS.has(kind))
  const commentIds = subjects((kind) => kind === 'comment')
  const [answers, comments] = await Promise.all([
    answerIds.length > 0 ? db.answer.findMany({ where: { id: { in: answerIds }, NOT: visibleContentWhere }, select: { id: true } }) : [],
    commentIds.length > 0 ? db.comment.findMany({ where: { id: { in: commentIds }, NOT: visibleContentWhere }, select: { id: true } }) : [],
  ])
  const gone = new Set([...answers, ...comments].map((subject) => subject.id))
  return new Set(rows.filter((row) => row.kind !== 'moderation' && row.subjectId && gone.has(row.subjectId)).map((row) => row.id))
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['notifications'][number]
