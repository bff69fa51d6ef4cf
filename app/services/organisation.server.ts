import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canModerate } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { normalizeDomain, isFreeMailDomain } from '#app/utils/email-domain.ts'
import { badRequest, conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { swedishSortKey } from '#app/utils/swedish.ts'
import { writeAudit } from './audit.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'
import type { Actor } from '#app/policies/member.ts'

/** Moderators edit the registry: details, verified / manual-approval flags, domains. */
const editableSelect = {
  id: true,
  name: true,
  type: true,
  county: true,
  verified: true,
  manualApproval: true,
} satisfies Prisma.OrganisationSelect

export async function updateOrganisation(
  actor: Actor,
  input: {
    organisationId: string
    name: string
    type: 'kommun' | 'region' | 'myndighet' | 'annan'
    county: string | null
    verified: boolean
    manualApproval: boolean
    reason: string | null
  },
) {
  authorize(canModerate(actor))
  await prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: editableSelect })
    invariantResponse(before, 'Organisationen finns inte.')
    const after = await tx.organisation.update({
      where: { id: input.organisationId },
      data: {
        name: input.name,
        sortKey: swedishSortKey(input.name),
        type: input.type,
        county: input.county,
        verified: input.verified,
        manualApproval: input.manualApproval,
      },
      select: editableSelect,
    })
    // Its posts carry the organisation's name, type and county in the search index.
    await enqueueSearchUpdate(tx, 'organisation', after.id)
    await writeAudit(tx, actor, {
      action: 'organisation.updated',
      targetType: 'organisation',
      targetId: after.id,
      targetName: after.name,
      reason: input.reason,
      data: { before, after },
    })
  })
}

export async function addOrganisationDomain(actor: Actor, input: { organisationId: string; domain: string; reason: string | null }) {
  authorize(canModerate(actor))
  const domain = normalizeDomain(input.domain)
  if (!domain) throw badRequest('Ogiltig domän. Skriv till exempel malmo.se.')
  if (isFreeMailDomain(domain)) throw badRequest('Domäner för privat e-post kan inte kopplas till en organisation.')
  await prisma.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } })
    invariantResponse(organisation, 'Organisationen finns inte.')
    const existing = await tx.organisationDomain.findUnique({
      where: { organisationId_domain: { organisationId: organisation.id, domain } },
      select: { id: true },
    })
    if (existing) throw conflict(`Domänen ${domain} finns redan för organisationen.`)
    const created = await tx.organisationDomain.create({ data: { organisationId: organisation.id, domain }, select: { id: true } })
    await writeAudit(tx, actor, {
      action: 'organisation.domain-added',
      targetType: 'organisation',
      targetId: organisation.id,
      targetName: organisation.name,
      reason: input.reason,
      data: { domain, domainId: created.id },
    })
  })
  return domain
}

export async function removeOrganisationDomain(actor: Actor, input: { organisationId: string; domainId: string; reason: string | null }) {
  authorize(canModerate(actor))
  await prisma.$transaction(async (tx) => {
    const row = await tx.organisationDomain.findFirst({
      where: { id: input.domainId, organisationId: input.organisationId },
      select: { id: true, domain: true, organisation: { select: { id: true, name: true } } },
    })
    invariantResponse(row, 'Domänen finns inte.')
    await tx.organisationDomain.delete({ where: { id: row.id } })
    await writeAudit(tx, actor, {
      action: 'organisation.domain-removed',
      targetType: 'organisation',
      targetId: row.organisation.id,
      targetName: row.organisation.name,
      reason: input.reason,
      data: { domain: row.domain },
    })
  })
}
