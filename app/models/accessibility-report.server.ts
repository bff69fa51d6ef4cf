import { prisma } from '#app/utils/db.server.ts'

export const ACCESSIBILITY_REPORT_PAGE_SIZE = 50

/** Open accessibility reports, oldest first, keyset-paged on (createdAt, id). */
export async function listOpenAccessibilityReports(after?: { createdAt: Date; id: string }) {
  const rows = await prisma.accessibilityReport.findMany({
    where: {
      resolvedAt: null,
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    select: { id: true, pageUrl: true, description: true, email: true, createdAt: true, reporter: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: ACCESSIBILITY_REPORT_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, ACCESSIBILITY_REPORT_PAGE_SIZE)
  const last = page[page.length - 1]
  return { reports: page, next: rows.length > ACCESSIBILITY_REPORT_PAGE_SIZE && last ? { createdAt: last.createdAt, id: last.id } : null }
}
