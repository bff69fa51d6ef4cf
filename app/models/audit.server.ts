import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

export const AUDIT_PAGE_SIZE = 50

export type AuditFilter = {
  action?: string
  actor?: string
  target?: string
  from?: Date
  to?: Date
  before?: { createdAt: Date; id: string }
}

/** The audit log, newest first, filtered, keyset-paged on (createdAt, id). */
export async function listAuditLog(filter: AuditFilter) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorName: { contains: filter.actor, mode: 'insensitive' } } : {}),
    ...(filter.target ? { targetName: { contains: filter.target, mode: 'insensitive' } } : {}),
    createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) },
    ...(filter.before
      ? {
          OR: [
            { createdAt: { lt: filter.before.createdAt } },
            { createdAt: filter.before.createdAt, id: { lt: filter.before.id } },
          ],
        }
      : {}),
  }
  const rows = await prisma.auditLog.findMany({
    where,
    select: {
      id: true,
      createdAt: true,
      actorName: true,
      action: true,
      targetType: true,
      targetId: true,
      targetName: true,
      reason: true,
      data: true,
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: AUDIT_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, AUDIT_PAGE_SIZE)
  const last = page[page.length - 1]
  return {
    entries: page,
    next: rows.length > AUDIT_PAGE_SIZE && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  }
}
