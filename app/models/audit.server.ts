import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { stockholmDayStart } from '#app/utils/stockholm-date.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { AuditFilterSchema, type AuditFilterInput } from '#app/validation/moderation.ts'

export const AUDIT_PAGE_SIZE = 50

/**
 * Filters of the audit log. `actor` and `target` match a name (any part, any case) or an id
 * exactly; `targetType` narrows the target; the period is [from, to).
 */
export type AuditFilter = {
  action?: string
  actor?: string
  targetType?: string
  target?: string
  from?: Date
  to?: Date
}

type AuditCursor = { createdAt: Date; id: string }

export type AuditFilterFields = 'action' | 'actor' | 'targetType' | 'target' | 'from' | 'to'

/**
 * The filters of the page and of the export from the query string: what was typed (to show
 * it again) and either the filter or Swedish messages per field.
 */
export function readAuditFilter(
  params: URLSearchParams,
):
  | { ok: true; input: AuditFilterInput; filter: AuditFilter }
  | { ok: false; input: Partial<Record<AuditFilterFields, string>>; errors: Partial<Record<AuditFilterFields, string[]>> } {
  const raw = Object.fromEntries(['action', 'actor', 'targetType', 'target', 'from', 'to'].map((key) => [key, params.get(key) ?? undefined]))
  const parsed = AuditFilterSchema.safeParse(raw)
  const unknownAction = parsed.success && parsed.data.action !== undefined && !(parsed.data.action in AUDIT_ACTIONS)
  if (!parsed.success || unknownAction) {
    const errors: Partial<Record<AuditFilterFields, string[]>> = parsed.success
      ? {}
      : (parsed.error.flatten().fieldErrors as Partial<Record<AuditFilterFields, string[]>>)
    if (unknownAction) errors.action = ['Okänd åtgärd.']
    return { ok: false, input: raw, errors }
  }
  const input = parsed.data
  return {
    ok: true,
    input,
    filter: {
      action: input.action,
      actor: input.actor,
      targetType: input.targetType,
      target: input.target,
      from: input.from ? stockholmDayStart(input.from) : undefined,
      to: input.to ? stockholmDayStart(input.to, 1) : undefined,
    },
  }
}

const auditEntrySelect = {
  id: true,
  createdAt: true,
  actorId: true,
  actorName: true,
  action: true,
  targetType: true,
  targetId: true,
  targetName: true,
  reason: true,
  data: true,
} satisfies Prisma.AuditLogSelect

export type AuditEntry = Prisma.AuditLogGetPayload<{ select: typeof auditEntrySelect }>

function auditWhere(filter: AuditFilter, before?: AuditCursor): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = []
  if (filter.action) and.push({ action: filter.action })
  if (filter.actor) and.push({ OR: [{ actorId: filter.actor }, { actorName: { contains: filter.actor, mode: 'insensitive' } }] })
  if (filter.targetType) and.push({ targetType: filter.targetType })
  if (filter.target) and.push({ OR: [{ targetId: filter.target }, { targetName: { contains: filter.target, mode: 'insensitive' } }] })
  if (filter.from || filter.to) and.push({ createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } })
  if (before) and.push({ OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] })
  return { AND: and }
}

async function auditPage(filter: AuditFilter, take: number, before?: AuditCursor) {
  return prisma.auditLog.findMany({
    where: auditWhere(filter, before),
    select: auditEntrySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

/** The audit log, newest first, filtered, keyset-paged on (createdAt, id). */
export async function listAuditLog(filter: AuditFilter, before?: AuditCursor) {
  const rows = await auditPage(filter, AUDIT_PAGE_SIZE + 1, before)
  const page = rows.slice(0, AUDIT_PAGE_SIZE)
  const last = page[page.length - 1]
  return {
    entries: page,
    next: rows.length > AUDIT_PAGE_SIZE && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  }
}

/** Every matching entry, newest first, read in keyset batches: never the whole log in memory. */
export async function* iterateAuditLog(filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditEntry> {
  let before: AuditCursor | undefined
  for (;;) {
    const rows = await auditPage(filter, batchSize, before)
    yield* rows
    const last = rows[rows.length - 1]
    if (rows.length < batchSize || !last) return
    before = { createdAt: last.createdAt, id: last.id }
  }
}
