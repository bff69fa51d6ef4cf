import type { Prisma } from '#app/generated/prisma/client.ts'
import type { AuditAction } from '#app/validation/audit.ts'

/**
 * The audit log: every moderation and sign-up decision, written in the same transaction
 * as the change it records.
 */
export type AuditActor = { id: string; name: string } | null

export type AuditEntry = {
  action: AuditAction
  targetType:
    | 'organisation'
    | 'organisation-request'
    | 'user'
    | 'domain'
    | 'post'
    | 'answer'
    | 'comment'
    | 'appeal'
    | 'site-settings'
    | 'registry'
    | 'accessibility-report'
  targetId: string
  targetName?: string
  reason?: string | null
  data?: Prisma.InputJsonValue
}

/** Returns the new row's id (a decision's id, e.g. for appealing it). */
export async function writeAudit(tx: Prisma.TransactionClient, actor: AuditActor, entry: AuditEntry): Promise<string> {
  const row = await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? 'Systemet',
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetName: entry.targetName ?? '',
      reason: entry.reason ?? null,
      data: entry.data,
    },
    select: { id: true },
  })
  return row.id
}
