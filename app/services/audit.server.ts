import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * The audit log: every moderation and sign-up decision, written in the same transaction
 * as the change it records.
 */
export type AuditActor = { id: string; name: string } | null

export type AuditEntry = {
  action: AuditAction
  targetType: 'organisation' | 'organisation-request' | 'user' | 'domain' | 'post' | 'answer' | 'comment' | 'appeal' | 'site-settings' | 'registry' | 'accessibility-report'
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
  'member.deleted-account': 'Medlem raderade sitt konto',
  'accessibility-report.resolved': 'Tillgänglighetsproblem åtgärdat',
  'member.warned': 'Medlem varnad',
  'member.warning-withdrawn': 'Varning återkallad',
  'member.suspension-ended': 'Avstängning upphörd',
  'appeal.created': 'Beslut överklagat',
  'appeal.upheld': 'Överklagande: beslutet står fast',
  'appeal.overturned': 'Överklagande: beslutet ändrat',
  'member.role-changed': 'Roll ändrad',
  'organisation-request.created': 'Ny organisation begärd',
  'organisation-request.approved': 'Organisation godkänd',
  'organisation-request.rejected': 'Organisationsbegäran avvisad',
  'organisation.updated': 'Organisation ändrad',
  'organisation.domain-added': 'Domän tillagd',
  'organisation.domain-removed': 'Domän borttagen',
  'organisation.merged': 'Organisationer sammanslagna',
  'organisation.imported': 'Organisationer importerade',
  'settings.updated': 'Webbplatsinställningar ändrade',
  'content.edited': 'Innehåll redigerat av moderator',
  'content.deleted': 'Innehåll borttaget av moderator',
  'content.restored': 'Innehåll återställt',
  'content.hidden': 'Innehåll dolt av moderator',
  'report.dismissed': 'Anmälningar avfärdade',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

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
