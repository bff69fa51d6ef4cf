import { decisionEmail } from '#app/emails/decision.server.ts'
import { canModerate, type Actor } from '#app/policies/member.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { absoluteUrl } from '#app/utils/env.server.ts'
import { conflict } from '#app/utils/errors.server.ts'
import { slugify, swedishSortKey } from '#app/utils/swedish.ts'
import { writeAudit } from './audit.server.ts'
import { emailEffect, runUseCase, type Tx } from './unit-of-work.server.ts'

/**
 * Moderators' decisions on requests to add an organisation (filed at sign-up from an unknown
 * domain). Each: authorize → one transaction that claims the pending request, makes the
 * change (approving creates the organisation and activates everyone waiting on it; rejecting
 * rejects them) and its audit row → everyone waiting is told by e-mail (through the e-mail
 * outbox).
 */
type OrganisationType = 'kommun' | 'region' | 'myndighet' | 'annan'

async function uniqueSlug(tx: Tx, name: string) {
  const base = slugify(name)
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const taken = await tx.organisation.findUnique({ where: { slug }, select: { id: true } })
    if (!taken) return slug
  }
}

export async function approveOrganisationRequest(
  actor: Actor,
  input: { requestId: string; name: string; type: OrganisationType; county?: string | null; reason?: string | null },
) {
  authorize(canModerate(actor))
  return runUseCase(async (tx) => {
    const claimed = await tx.organisationRequest.updateMany({
      where: { id: input.requestId, status: 'pending' },
      data: { status: 'approved', decidedById: actor.id, decidedAt: new Date(), decisionReason: input.reason ?? null },
    })
    if (claimed.count === 0) throw conflict('Begäran är redan avgjord.')
    const request = await tx.organisationRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      select: { domain: true },
    })
    const slug = await uniqueSlug(tx, input.name)
    const organisation = await tx.organisation.create({
      data: {
        registryKey: `${input.type}:${input.name}`,
        type: input.type,
        name: input.name,
        sortKey: swedishSortKey(input.name),
        slug,
        county: input.county || null,
        verified: true,
        domains: { create: { domain: request.domain } },
      },
      select: { id: true, name: true, slug: true },
    })
    await tx.organisationRequest.update({ where: { id: input.requestId }, data: { organisationId: organisation.id } })
    const waiters = await tx.user.findMany({
      where: { organisationRequestId: input.requestId, status: 'pending' },
      select: { id: true, email: true, name: true },
    })
    await tx.user.updateMany({
      where: { id: { in: waiters.map((user) => user.id) } },
      data: { status: 'active', organisationId: organisation.id, organisationRequestId: null },
    })
    await writeAudit(tx, actor, {
      action: 'organisation-request.approved',
      targetType: 'organisation-request',
      targetId: input.requestId,
      targetName: input.name,
      reason: input.reason,
      data: { organisationId: organisation.id, domain: request.domain, activatedMembers: waiters.length },
    })
    const mails = waiters.map((user) =>
      decisionEmail({
        to: user.email,
        subject: 'Din organisation är godkänd i Samverka',
        message: `${organisation.name} är nu verifierad och ditt konto är aktivt. Välkommen!`,
        reason: input.reason,
        link: { href: absoluteUrl('/'), label: 'Gå till Samverka' },
      }),
    )
    return { result: organisation, effects: mails.map((mail) => emailEffect('organisation-request-decision', mail)) }
  })
}

export async function rejectOrganisationRequest(actor: Actor, input: { requestId: string; reason: string }) {
  authorize(canModerate(actor))
  await runUseCase(async (tx) => {
    const claimed = await tx.organisationRequest.updateMany({
      where: { id: input.requestId, status: 'pending' },
      data: { status: 'rejected', decidedById: actor.id, decidedAt: new Date(), decisionReason: input.reason },
    })
    if (claimed.count === 0) throw conflict('Begäran är redan avgjord.')
    const request = await tx.organisationRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      select: { name: true, domain: true },
    })
    const waiters = await tx.user.findMany({
      where: { organisationRequestId: input.requestId, status: 'pending' },
      select: { id: true, email: true },
    })
    await tx.user.updateMany({
      where: { id: { in: waiters.map((user) => user.id) } },
      data: { status: 'rejected', statusReason: input.reason },
    })
    await tx.session.deleteMany({ where: { userId: { in: waiters.map((user) => user.id) } } })
    await writeAudit(tx, actor, {
      action: 'organisation-request.rejected',
      targetType: 'organisation-request',
      targetId: input.requestId,
      targetName: request.name,
      reason: input.reason,
      data: { domain: request.domain, rejectedMembers: waiters.length },
    })
    const mails = waiters.map((user) =>
      decisionEmail({
        to: user.email,
        subject: 'Din ansökan till Samverka har avslagits',
        message: `Begäran om att lägga till ${request.name} i Samverka har avslagits, så ditt konto har inte aktiverats.`,
        reason: input.reason,
      }),
    )
    return { result: undefined, effects: mails.map((mail) => emailEffect('organisation-request-decision', mail)) }
  })
}
