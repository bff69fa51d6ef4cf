import { z } from 'zod'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { parseCsvRecords } from '#app/utils/csv.ts'
import { normalizeDomain } from '#app/utils/email-domain.ts'
import { slugify, swedishSortKey } from '#app/utils/swedish.ts'
import { singleLine } from '#app/validation/text.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'

/**
 * The organisation registry import: the shipped CSV (the seed) and an admin's upload
 * (app/services/organisation-import.server.ts) share this parser and writer. Idempotent:
 * organisations are matched on type + code (or type + name when there is no code); names,
 * counties and numbers are updated, moderators' verified / manual-approval decisions kept,
 * and domains only added. Organisations merged into another are left alone.
 */
export const REGISTRY_COLUMNS = ['type', 'code', 'name', 'county', 'org_number', 'domain'] as const

// Every text field is one clean line, as when a moderator types it (app/validation/text.ts).
const RegistryRecord = z.object({
  type: z.enum(['kommun', 'region', 'myndighet'], { errorMap: () => ({ message: 'typen ska vara kommun, region eller myndighet' }) }),
  code: singleLine(z.string()),
  name: singleLine(z.string().min(2, 'namnet saknas eller är kortare än 2 tecken')),
  county: singleLine(z.string()),
  org_number: singleLine(z.string()),
  domain: singleLine(z.string()),
})

export type RegistryRow = {
  /** The row number in the file (the header is row 1). */
  line: number
  registryKey: string
  type: 'kommun' | 'region' | 'myndighet'
  code: string | null
  name: string
  sortKey: string
  county: string | null
  orgNumber: string | null
  domain: string | null
}

export type RegistryRowError = { line: number; name: string; message: string }

export type ParsedRegistry = { rows: RegistryRow[]; errors: RegistryRowError[]; missingColumns: string[] }

export function parseRegistryCsv(csv: string): ParsedRegistry {
  const records = parseCsvRecords(csv)
  const columns = new Set(Object.keys(records[0] ?? {}))
  const missingColumns = records.length ? REGISTRY_COLUMNS.filter((column) => !columns.has(column)) : []
  const errors: RegistryRowError[] = []
  const seen = new Map<string, number>()
  const rows = records.flatMap((record, index): RegistryRow[] => {
    const line = index + 2
    const fail = (message: string) => {
      errors.push({ line, name: record.name ?? '', message })
      return []
    }
    const parsed = RegistryRecord.safeParse(record)
    if (!parsed.success) return fail(parsed.error.issues.map((issue) => issue.message).join('; '))
    const row = parsed.data
    const domain = row.domain ? normalizeDomain(row.domain) : null
    if (row.domain && !domain) return fail(`ogiltig domän "${row.domain}"`)
    const registryKey = `${row.type}:${row.code || row.name}`
    const earlier = seen.get(registryKey)
    if (earlier) return fail(`samma organisation som rad ${earlier}`)
    seen.set(registryKey, line)
    return [
      {
        line,
        registryKey,
        type: row.type,
        code: row.code || null,
        name: row.name,
        sortKey: swedishSortKey(row.name),
        county: row.county || null,
        orgNumber: row.org_number || null,
        domain,
      },
    ]
  })
  return { rows, errors, missingColumns }
}

export const existingRegistrySelect = {
  id: true,
  registryKey: true,
  name: true,
  county: true,
  orgNumber: true,
  code: true,
  mergedIntoId: true,
  domains: { select: { domain: true } },
} satisfies Prisma.OrganisationSelect

export type ExistingRegistryOrganisation = Prisma.OrganisationGetPayload<{ select: typeof existingRegistrySelect }>

/** The registry's organisations for these rows, by registry key. */
export async function findRegistryOrganisations(db: Prisma.TransactionClient, rows: RegistryRow[]) {
  const found = await db.organisation.findMany({ where: { registryKey: { in: rows.map((row) => row.registryKey) } }, select: existingRegistrySelect })
  return new Map(found.map((org) => [org.registryKey, org]))
}

export type RegistryField = 'name' | 'county' | 'orgNumber' | 'code' | 'domain'

/** What importing the row would change on the existing organisation (a new domain included). */
export function registryChanges(row: RegistryRow, current: ExistingRegistryOrganisation): RegistryField[] {
  const fields = (['name', 'county', 'orgNumber', 'code'] as const).filter((field) => current[field] !== row[field])
  const newDomain = row.domain !== null && !current.domains.some((domain) => domain.domain === row.domain)
  return newDomain ? [...fields, 'domain'] : fields
}

export type RegistryWriteResult = { created: number; updated: number; domainsAdded: number }

/** Creates and updates the rows' organisations and adds their domains, inside the caller's transaction. */
export async function writeRegistryRows(tx: Prisma.TransactionClient, rows: RegistryRow[]): Promise<RegistryWriteResult> {
  const existing = await findRegistryOrganisations(tx, rows)
  const takenSlugs = new Set((await tx.organisation.findMany({ select: { slug: true } })).map((org) => org.slug))
  const uniqueSlug = (name: string) => {
    const base = slugify(name)
    let slug = base
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`
    takenSlugs.add(slug)
    return slug
  }

  const writable = rows.filter((row) => !existing.get(row.registryKey)?.mergedIntoId)
  const toCreate = writable.filter((row) => !existing.has(row.registryKey))
  const toUpdate = writable.filter((row) => {
    const current = existing.get(row.registryKey)
    return current && registryChanges(row, current).some((field) => field !== 'domain')
  })

  await tx.organisation.createMany({
    data: toCreate.map((row) => ({
      registryKey: row.registryKey,
      type: row.type,
      code: row.code,
      name: row.name,
      sortKey: row.sortKey,
      county: row.county,
      orgNumber: row.orgNumber,
      slug: uniqueSlug(row.name),
      verified: true,
    })),
  })
  for (const row of toUpdate) {
    const { id } = await tx.organisation.update({
      where: { registryKey: row.registryKey },
      data: { name: row.name, sortKey: row.sortKey, county: row.county, orgNumber: row.orgNumber, code: row.code },
      select: { id: true },
    })
    // Its posts' search documents carry the organisation's name.
    await enqueueSearchUpdate(tx, 'organisation', id)
  }
  const ids = new Map(
    (
      await tx.organisation.findMany({
        where: { registryKey: { in: writable.map((row) => row.registryKey) } },
        select: { id: true, registryKey: true },
      })
    ).map((org) => [org.registryKey, org.id]),
  )
  const domains = writable.flatMap((row) => {
    const organisationId = ids.get(row.registryKey)
    return row.domain && organisationId ? [{ organisationId, domain: row.domain }] : []
  })
  const { count: domainsAdded } = await tx.organisationDomain.createMany({ data: domains, skipDuplicates: true })
  return { created: toCreate.length, updated: toUpdate.length, domainsAdded }
}

export type RegistryImportResult = RegistryWriteResult & { errors: string[] }

/** The seed's import of the shipped registry; bad rows are reported and skipped. */
export async function importRegistryCsv(csv: string): Promise<RegistryImportResult> {
  const { rows, errors } = parseRegistryCsv(csv)
  const result = await prisma.$transaction((tx) => writeRegistryRows(tx, rows), { timeout: 60_000 })
  return { ...result, errors: errors.map((error) => `Rad ${error.line}: ${error.message}`) }
}
