import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { candidateDomains, longestDomainMatches } from '#app/utils/email-domain.ts'

export const organisationSummarySelect = {
  id: true,
  name: true,
  slug: true,
  type: true,
  county: true,
  verified: true,
  manualApproval: true,
} satisfies Prisma.OrganisationSelect

export type OrganisationSummary = Prisma.OrganisationGetPayload<{ select: typeof organisationSummarySelect }>

/**
 * The registry organisations an e-mail domain belongs to: the longest matching registry
 * domain wins (`ifau.uu.se` before `uu.se`); several when organisations share it.
 */
export async function listOrganisationsForDomain(domain: string): Promise<OrganisationSummary[]> {
  const rows = await prisma.organisationDomain.findMany({
    where: { domain: { in: candidateDomains(domain) } },
    select: { domain: true, organisation: { select: organisationSummarySelect } },
  })
  return longestDomainMatches(rows)
    .map((row) => row.organisation)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
}

export async function getOrganisationBySlug(slug: string) {
  return prisma.organisation.findUnique({
    where: { slug },
    select: {
      ...organisationSummarySelect,
      code: true,
      orgNumber: true,
      domains: { select: { id: true, domain: true }, orderBy: { domain: 'asc' } },
      mergedInto: { select: { slug: true } },
    },
  })
}

export async function getOrganisationForEditing(id: string) {
  return prisma.organisation.findUnique({
    where: { id },
    select: {
      ...organisationSummarySelect,
      code: true,
      orgNumber: true,
      domains: { select: { id: true, domain: true }, orderBy: { domain: 'asc' } },
    },
  })
}

export const ORGANISATION_PAGE_SIZE = 50

/** Registry list in Swedish alphabetical order, keyset-paged on (sortKey, id). */
export async function listOrganisations(input: {
  query?: string
  type?: 'kommun' | 'region' | 'myndighet' | 'annan'
  after?: { sortKey: string; id: string }
}) {
  const where: Prisma.OrganisationWhereInput = {
    mergedIntoId: null,
    ...(input.type ? { type: input.type } : {}),
    ...(input.query ? { name: { contains: input.query, mode: 'insensitive' } } : {}),
    ...(input.after
      ? {
          OR: [{ sortKey: { gt: input.after.sortKey } }, { sortKey: input.after.sortKey, id: { gt: input.after.id } }],
        }
      : {}),
  }
  const rows = await prisma.organisation.findMany({
    where,
    select: { ...organisationSummarySelect, sortKey: true },
    orderBy: [{ sortKey: 'asc' }, { id: 'asc' }],
    take: ORGANISATION_PAGE_SIZE + 1,
  })
  const hasMore = rows.length > ORGANISATION_PAGE_SIZE
  const page = rows.slice(0, ORGANISATION_PAGE_SIZE)
  const last = page[page.length - 1]
  return { organisations: page, next: hasMore && last ? { sortKey: last.sortKey, id: last.id } : null }
}

/** Every registry organisation (not merged into another) as a select option, in Swedish alphabetical order. */
export async function listOrganisationOptions() {
  return prisma.organisation.findMany({ where: { mergedIntoId: null }, select: { id: true, name: true }, orderBy: [{ sortKey: 'asc' }, { id: 'asc' }] })
}

/** The name of an organisation (a post's owner, a member's organisation), or null for none. */
export async function getOrganisationName(id: string | null) {
  if (!id) return null
  return prisma.organisation.findUnique({ where: { id }, select: { id: true, name: true } })
}
