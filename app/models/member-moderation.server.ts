import { prisma } from '#app/utils/db.server.ts'

/** Reads about moderation of one member: the warning banner and the history moderators see. */
export const HISTORY_LIMIT = 50

/** The oldest warning the member has not acknowledged (index userId, acknowledgedAt). */
export function getOpenWarning(userId: string) {
  return prisma.memberWarning.findFirst({
    where: { userId, acknowledgedAt: null },
    select: { id: true, message: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  })
}

/**
 * A member's moderation history for moderators, newest first, each list capped: reports about
 * them and their content, warnings, decisions about them (audit rows) and their appeals.
 */
export async function getMemberModerationHistory(userId: string) {
  const [member, reports, warnings, decisions, appeals] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { suspendedUntil: true } }),
    prisma.report.findMany({
      where: { targetUserId: userId },
      select: { id: true, targetType: true, targetId: true, reason: true, details: true, status: true, resolution: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: HISTORY_LIMIT,
    }),
    prisma.memberWarning.findMany({
      where: { userId },
      select: { id: true, message: true, acknowledgedAt: true, createdAt: true, moderator: { select: { name: true } } },
      orderBy: { createdAt: 'desc' },
      take: HISTORY_LIMIT,
    }),
    prisma.auditLog.findMany({
      where: { targetType: 'user', targetId: userId },
      select: { id: true, action: true, actorName: true, reason: true, createdAt: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: HISTORY_LIMIT,
    }),
    prisma.appeal.findMany({
      where: { userId },
      select: { id: true, auditLogId: true, message: true, status: true, response: true, createdAt: true, decidedAt: true },
      orderBy: { createdAt: 'desc' },
      take: HISTORY_LIMIT,
    }),
  ])
  return { suspendedUntil: member?.suspendedUntil ?? null, reports, warnings, decisions, appeals }
}
