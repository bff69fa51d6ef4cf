import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The audit log: every moderation and sign-up decision, written in the same transaction
 * as the change it records.
 */
export type AuditActor = { id: string; name: string } | null

export type AuditEntry = {
  action: AuditAction
  targetType: 'organisation' | 'organisation-request' | 'user' | 'domain' | 'post' | 'answer' | 'comment'
  targetId: string
  targetName?: string
  reason?: string | null
  data?: Prisma.InputJsonValue
}

export const AUDIT_ACTIONS = {
  'member.signed-up': 'Medlem registrerad',
  'member.approved': 'Medlem godkänd',
  'member.rejected': 'Medlem avvisad',
  'member.suspended': 'Medlem avstängd',
  'member.reinstated': 'Medlem återinsatt',
  'member.role-changed': 'Roll ändrad',
  'organisation-request.created': 'Ny organisation begärd',
  'organisation-request.approved': 'Organisation godkänd',
  'organisation-request.rejected': 'Organisationsbegäran avvisad',
  'organisation.updated': 'Organisation ändrad',
  'organisation.domain-added': 'Domän tillagd',
  'organisation.domain-removed': 'Domän borttagen',
  'content.edited': 'Innehåll redigerat av moderator',
  'content.deleted': 'Innehåll borttaget av moderator',
  'content.restored': 'Innehåll återställt',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

export async function writeAudit(tx: Prisma.TransactionClient, actor: AuditActor, entry: AuditEntry) {
  await tx.auditLog.create({
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
  })
}
