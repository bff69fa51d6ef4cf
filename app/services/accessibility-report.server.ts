import { authorize } from '#app/policies/authorize.server.ts'
import { canModerate, type Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { writeAudit } from './audit.server.ts'

/**
 * Accessibility problems reported from the accessibility statement: anyone may report
 * (signed in or not); moderators mark them as dealt with.
 */
export async function reportAccessibilityProblem(reporterId: string | null, input: { pageUrl: string; description: string; email?: string }) {
  return prisma.accessibilityReport.create({
    data: {
      reporterId,
      // Signed-in members are answered through their account; only visitors leave an address.
      email: reporterId ? null : (input.email?.toLowerCase() ?? null),
      pageUrl: input.pageUrl,
      description: input.description,
    },
    select: { id: true },
  })
}

export async function resolveAccessibilityReport(actor: Actor, reportId: string) {
  authorize(canModerate(actor))
  await prisma.$transaction(async (tx) => {
    const report = await tx.accessibilityReport.findUnique({ where: { id: reportId }, select: { pageUrl: true } })
    invariantResponse(report, 'Rapporten finns inte.')
    const { count } = await tx.accessibilityReport.updateMany({ where: { id: reportId, resolvedAt: null }, data: { resolvedAt: new Date() } })
    if (count === 0) throw conflict('Rapporten är redan markerad som åtgärdad.')
    await writeAudit(tx, actor, {
      action: 'accessibility-report.resolved',
      targetType: 'accessibility-report',
      targetId: reportId,
      targetName: report.pageUrl,
    })
  })
}
