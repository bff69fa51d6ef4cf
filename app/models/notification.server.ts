import { z } from 'zod'
import { prisma } from '#app/utils/db.server.ts'

/** Reads of a member's notifications: the header's unread count and the "Notiser" page. */
export const NOTIFICATIONS_PAGE_SIZE = 30

export type NotificationCursor = { lastEventAt: string; id: string }

/** Through the partial index of unread rows. */
export function countUnreadNotifications(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } })
}

const moderationNoticeSchema = z.object({
  action: z.enum(['deleted', 'restored']),
  target: z.enum(['post', 'answer', 'comment']),
  title: z.string(),
  reason: z.string().nullable(),
})

export async function listNotifications(userId: string, after?: NotificationCursor) {
  const lastEventAt = after ? new Date(after.lastEventAt) : null
  const rows = await prisma.notification.findMany({
    where: {
      userId,
      ...(after && lastEventAt && !Number.isNaN(lastEventAt.getTime())
        ? { OR: [{ lastEventAt: { lt: lastEventAt } }, { lastEventAt, id: { lt: after.id } }] }
        : {}),
    },
    select: {
      id: true,
      kind: true,
      count: true,
      data: true,
      subjectId: true,
      readAt: true,
      lastEventAt: true,
      actor: { select: { id: true, name: true } },
      post: { select: { id: true, type: true, title: true, status: true } },
    },
    orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE)
  const last = rows.length > NOTIFICATIONS_PAGE_SIZE ? page[page.length - 1] : undefined
  return {
    notifications: page.map((row) => {
      const notice = row.kind === 'moderation' ? moderationNoticeSchema.safeParse(row.data) : null
      return {
        ...row,
        // A post removed since is not shown (its title may be what was removed).
        post: row.post?.status === 'visible' ? row.post : null,
        moderation: notice?.success ? notice.data : null,
      }
    }),
    next: last ? { lastEventAt: last.lastEventAt.toISOString(), id: last.id } : null,
  }
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['notifications'][number]
