import { listOrganisationsForDomain, type OrganisationSummary } from '#app/models/organisation.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { candidateDomains, longestDomainMatches, parseEmail } from '#app/utils/email-domain.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { swedishSortKey } from '#app/utils/swedish.ts'
import { joinsActive } from '#app/policies/member.ts'
import { writeAudit } from './audit.server.ts'

/**
 * What happens after a newcomer proves their address: the domain decides. A verified
 * organisation → active; manual approval or an unverified organisation → pending; an unknown
 * domain → the user asks for their organisation to be added and waits as pending.
 */
export type SignUpOptions =
  | { kind: 'organisations'; organisations: OrganisationSummary[] }
  | { kind: 'unknown-domain'; domain: string; pendingRequest: { name: string; type: string } | null }

export async function getSignUpOptions(email: string): Promise<SignUpOptions> {
  const parsed = parseEmail(email)
  if (!parsed) throw badRequest('Ogiltig e-postadress.')
  const organisations = await listOrganisationsForDomain(parsed.domain)
  if (organisations.length > 0) return { kind: 'organisations', organisations }
  const pendingRequest = await findPendingRequest(prisma, parsed.domain)
  return {
    kind: 'unknown-domain',
    domain: parsed.domain,
    pendingRequest: pendingRequest ? { name: pendingRequest.name, type: pendingRequest.type } : null,
  }
}

/** A pending request for the domain or a parent of it (colleagues at it.x.se join x.se's). */
async function findPendingRequest(client: Pick<Prisma.TransactionClient, 'organisationRequest'>, domain: string) {
  const requests = await client.organisationRequest.findMany({
    where: { domain: { in: candidateDomains(domain) }, status: 'pending' },
    select: { id: true, name: true, type: true, domain: true },
    orderBy: { createdAt: 'asc' },
  })
  return longestDomainMatches(requests)[0] ?? null
}

type Profile = { email: string; name: string; title: string }

export type SignUpResult = { userId: string; status: 'active' | 'pending' }

/** Creates the member of a registry organisation that their domain matches. */
export async function joinOrganisation(input: Profile & { organisationId: string }): Promise<SignUpResult> {
  const options = await getSignUpOptions(input.email)
  const organisation = options.kind === 'organisations' ? options.organisations.find((org) => org.id === input.organisationId) : undefined
  if (!organisation) throw badRequest('Organisationen matchar inte din e-postadress.')
  const status = joinsActive(organisation) ? 'active' : 'pending'
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        sortKey: swedishSortKey(input.name),
        title: input.title,
        status,
        organisationId: organisation.id,
      },
      select: { id: true },
    })
    await writeAudit(
      tx,
      { id: user.id, name: input.name },
      {
        action: 'member.signed-up',
        targetType: 'user',
        targetId: user.id,
        targetName: input.name,
        data: { organisation: organisation.name, status },
      },
    )
    return { userId: user.id, status }
  })
}

/**
 * Creates a pending member waiting on a request for their organisation to be added; joins
 * an already pending request for the same domain instead of filing a duplicate.
 */
export async function requestOrganisation(
  input: Profile & { organisationName: string; organisationType: 'kommun' | 'region' | 'myndighet' | 'annan'; motivation: string },
): Promise<SignUpResult> {
  const options = await getSignUpOptions(input.email)
  if (options.kind !== 'unknown-domain') throw badRequest('Din organisation finns redan i registret.')
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, sortKey: swedishSortKey(input.name), title: input.title, status: 'pending' },
      select: { id: true },
    })
    const actor = { id: user.id, name: input.name }
    const existing = await findPendingRequest(tx, options.domain)
    const request =
      existing ??
      (await tx.organisationRequest.create({
        data: {
          name: input.organisationName,
          type: input.organisationType,
          domain: options.domain,
          motivation: input.motivation,
          requestedById: user.id,
        },
        select: { id: true },
      }))
    await tx.user.update({ where: { id: user.id }, data: { organisationRequestId: request.id } })
    if (!existing) {
      await writeAudit(tx, actor, {
        action: 'organisation-request.created',
        targetType: 'organisation-request',
        targetId: request.id,
        targetName: input.organisationName,
        data: { domain: options.domain, type: input.organisationType },
      })
    }
    await writeAudit(tx, actor, {
      action: 'member.signed-up',
      targetType: 'user',
      targetId: user.id,
      targetName: input.name,
      data: { organisationRequest: request.id, status: 'pending' },
    })
    return { userId: user.id, status: 'pending' as const }
  })
}
