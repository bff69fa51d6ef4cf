import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

/** Reads for appeals: the decision a member appeals, and the open appeals in the queue. */

/** Decisions against a member or their content that they may appeal (audit actions). */
export const APPEALABLE_ACTIONS: readonly string[] = ['member.warned', 'member.suspended', 'member.rejected', 'content.hidden', 'content.deleted']

export const decisionSelect = {
  id: true,
  action: true,
  actorName: true,
  targetType: true,
  targetId: true,
  targetName: true,
  reason: true,
  data: true,
  createdAt: true,
} satisfies Prisma.AuditLogSelect

export type Decision = Prisma.AuditLogGetPayload<{ select: typeof decisionSelect }>

/** Who a decision is about: the member, or the author of the content. */
async function decisionSubjectId(decision: Decision): Promise<string | null> {
  const where = { where: { id: decision.targetId }, select: { authorId: true } }
  switch (decision.targetType) {
    case 'user':
      return decision.targetId
    case 'post':
      return (await prisma.post.findUnique(where))?.authorId ?? null
    case 'answer':
      return (await prisma.answer.findUnique(where))?.authorId ?? null
    case 'comment':
      return (await prisma.comment.findUnique(where))?.authorId ?? null
    default:
      return null
  }
}

/**
 * A decision the member may appeal — it exists, is of an appealable kind and is about them
 * or their content — with their appeal of it, if any. Null otherwise.
 */
export async function getAppealableDecision(userId: string, auditLogId: string) {
  const decision = await prisma.auditLog.findUnique({ where: { id: auditLogId }, select: decisionSelect })
  if (!decision || !APPEALABLE_ACTIONS.includes(decision.action) || (await decisionSubjectId(decision)) !== userId) return null
  const appeal = await prisma.appeal.findUnique({
    where: { userId_auditLogId: { userId, auditLogId } },
    select: { id: true, status: true, response: true, createdAt: true },
  })
  return { decision, appeal }
}

export const APPEALS_PAGE_SIZE = 50

export type AppealCursor = { createdAt: string; id: string }

/** Open appeals, oldest first (index status, createdAt, id), each with the decision appealed. */
export async function listOpenAppeals(after?: AppealCursor) {
  const afterDate = after ? new Date(after.createdAt) : null
  const rows = await prisma.appeal.findMany({
    where: {
      status: 'open',
      ...(after && afterDate && !Number.isNaN(afterDate.getTime())
        ? { OR: [{ createdAt: { gt: afterDate } }, { createdAt: afterDate, id: { gt: after.id } }] }
        : {}),
    },
    select: { id: true, message: true, createdAt: true, auditLogId: true, user: { select: { id: true, name: true, status: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: APPEALS_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, APPEALS_PAGE_SIZE)
  const decisions = await prisma.auditLog.findMany({ where: { id: { in: page.map((row) => row.auditLogId) } }, select: decisionSelect })
  const byId = new Map(decisions.map((decision) => [decision.id, decision]))
  const last = page[page.length - 1]
  return {
    appeals: page.map((row) => ({ ...row, decision: byId.get(row.auditLogId) ?? null })),
    next: rows.length > APPEALS_PAGE_SIZE && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  }
}

/** The member an appeal link's token names (any status: suspended members appeal too). */
export function getAppellant(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { id: true, name: true } })
}
