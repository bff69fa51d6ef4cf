import { z } from 'zod'
import { prisma } from '#app/utils/db.server.ts'
import { parseCsvRecords } from '#app/utils/csv.ts'
import { normalizeDomain } from '#app/utils/email-domain.ts'
import { slugify, swedishSortKey } from '#app/utils/swedish.ts'

/**
 * The organisation registry import (the shipped CSV, later an admin's upload). Idempotent:
 * organisations are matched on type + code (or type + name when there is no code); names,
 * counties and numbers are updated, moderators' verified / manual-approval decisions kept,
 * and domains only added.
 */
const RegistryRow = z.object({
  type: z.enum(['kommun', 'region', 'myndighet']),
  code: z.string(),
  name: z.string().min(2),
  county: z.string(),
  org_number: z.string(),
  domain: z.string(),
})

export type RegistryImportResult = { created: number; updated: number; domainsAdded: number; errors: string[] }

export async function importRegistryCsv(csv: string): Promise<RegistryImportResult> {
  const errors: string[] = []
  const rows = parseCsvRecords(csv).flatMap((record, index) => {
    const parsed = RegistryRow.safeParse(record)
    if (!parsed.success) {
      errors.push(`Rad ${index + 2}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`)
      return []
    }
    const domain = parsed.data.domain ? normalizeDomain(parsed.data.domain) : null
    if (parsed.data.domain && !domain) {
      errors.push(`Rad ${index + 2}: ogiltig domän "${parsed.data.domain}"`)
      return []
    }
    const row = parsed.data
    return [{
      registryKey: `${row.type}:${row.code || row.name}`,
      type: row.type,
      code: row.code || null,
      name: row.name,
      sortKey: swedishSortKey(row.name),
      county: row.county || null,
      orgNumber: row.org_number || null,
      domain,
    }]
  })

  const existing = new Map(
    (await prisma.organisation.findMany({
      where: { registryKey: { in: rows.map((row) => row.registryKey) } },
      select: { id: true, registryKey: true, name: true, county: true, orgNumber: true, code: true },
    })).map((org) => [org.registryKey, org]),
  )
  const takenSlugs = new Set((await prisma.organisation.findMany({ select: { slug: true } })).map((org) => org.slug))
  const uniqueSlug = (name: string) => {
    const base = slugify(name)
    let slug = base
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`
    takenSlugs.add(slug)
    return slug
  }

  const toCreate = rows.filter((row) => !existing.has(row.registryKey))
  const toUpdate = rows.filter((row) => {
    const current = existing.get(row.registryKey)
    return current && (current.name !== row.name || current.county !== row.county || current.orgNumber !== row.orgNumber || current.code !== row.code)
  })

  return prisma.$transaction(async (tx) => {
    await tx.organisation.createMany({
      data: toCreate.map(({ domain: _domain, ...row }) => ({ ...row, slug: uniqueSlug(row.name), verified: true })),
    })
    for (const row of toUpdate) {
      await tx.organisation.update({
        where: { registryKey: row.registryKey },
        data: { name: row.name, sortKey: row.sortKey, county: row.county, orgNumber: row.orgNumber, code: row.code },
      })
    }
    const ids = new Map(
      (await tx.organisation.findMany({
        where: { registryKey: { in: rows.map((row) => row.registryKey) } },
        select: { id: true, registryKey: true },
      })).map((org) => [org.registryKey, org.id]),
    )
    const domains = rows.flatMap((row) => {
      const organisationId = ids.get(row.registryKey)
      return row.domain && organisationId ? [{ organisationId, domain: row.domain }] : []
    })
    const { count: domainsAdded } = await tx.organisationDomain.createMany({ data: domains, skipDuplicates: true })
    return { created: toCreate.length, updated: toUpdate.length, domainsAdded, errors }
  }, { timeout: 60_000 })
}
