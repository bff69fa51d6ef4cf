import { decisionEmail } from '#app/emails/decision.server.ts'
import { canModerate, canModerateMember, type Actor } from '#app/policies/member.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { sendEmail, type EmailMessage } from '#app/utils/email.server.ts'
import { conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { slugify, swedishSortKey } from '#app/utils/swedish.ts'
import { writeAudit } from './audit.server.ts'

/**
 * Moderators' decisions on organisation requests and members. Each: authorize → one
 * transaction with the change and its audit row → tell the people affected by e-mail.
 */
type OrganisationType = 'kommun' | 'region' | 'myndighet' | 'annan'

async function sendAll(messages: EmailMessage[]) {
  // Decisions are committed before mail goes out; a failing relay must not undo them.
  const results = await Promise.allSettled(messages.map((message) => sendEmail(message)))
  for (const result of results) {
    if (result.status === 'rejected') console.error(`Could not send decision e-mail: ${String(result.reason)}`)
  }
}

async function uniqueSlug(name: string) {
  const base = slugify(name)
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const taken = await prisma.organisation.findUnique({ where: { slug }, select: { id: true } })
    if (!taken) return slug
  }
}

export async function approveOrganisationRequest(
  actor: Actor,
  input: { requestId: string; name: string; type: OrganisationType; county?: string | null; reason?: string | null; baseUrl: string },
) {
  authorize(canModerate(actor))
  const slug = await uniqueSlug(input.name)
  const { waiters, organisation } = await prisma.$transaction(async (tx) => {
    const claimed = await tx.organisationRequest.updateMany({
      where: { id: input.requestId, status: 'pending' },
      data: { status: 'approved', decidedById: actor.id, decidedAt: new Date(), decisionReason: input.reason ?? null },
    })
    if (claimed.count === 0) throw conflict('Begäran är redan avgjord.')
    const request = await tx.organisationRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      select: { domain: true },
    })
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
    return { waiters, organisation }
  })
  await sendAll(
    waiters.map((user) =>
      decisionEmail({
        to: user.email,
        subject: 'Din organisation är godkänd i Samverka',
        message: `${organisation.name} är nu verifierad och ditt konto är aktivt. Välkommen!`,
        reason: input.reason,
        link: { href: new URL('/', input.baseUrl).toString(), label: 'Gå till Samverka' },
      }),
    ),
  )
  return organisation
}

export async function rejectOrganisationRequest(
  actor: Actor,
  input: { requestId: string; reason: string },
) {
  authorize(canModerate(actor))
  const { waiters, request } = await prisma.$transaction(async (tx) => {
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
    return { waiters, request }
  })
  await sendAll(
    waiters.map((user) =>
      decisionEmail({
        to: user.email,
        subject: 'Din ansökan till Samverka har avslagits',
        message: `Begäran om att lägga till ${request.name} i Samverka har avslagits, så ditt konto har inte aktiverats.`,
        reason: input.reason,
      }),
    ),
  )
}

async function loadTargetMember(userId: string) {
  const target = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, status: true },
  })
  invariantResponse(target, 'Medlemmen finns inte.')
  return target
}

type MemberDecision = {
  from: readonly ('pending' | 'active' | 'rejected' | 'suspended')[]
  to: 'active' | 'rejected' | 'suspended'
  action: 'member.approved' | 'member.rejected' | 'member.suspended' | 'member.reinstated'
  email: { subject: string; message: string }
  endSessions: boolean
}

const MEMBER_DECISIONS = {
  approve: {
    from: ['pending'],
    to: 'active',
    action: 'member.approved',
    email: { subject: 'Ditt konto i Samverka är godkänt', message: 'En moderator har godkänt ditt konto. Välkommen till Samverka!' },
    endSessions: false,
  },
  reject: {
    from: ['pending'],
    to: 'rejected',
    action: 'member.rejected',
    email: { subject: 'Din ansökan till Samverka har avslagits', message: 'En moderator har avslagit din ansökan om konto i Samverka.' },
    endSessions: true,
  },
  suspend: {
    from: ['active', 'pending'],
    to: 'suspended',
    action: 'member.suspended',
    email: { subject: 'Ditt konto i Samverka är avstängt', message: 'En moderator har stängt av ditt konto i Samverka. Du kan inte logga in så länge avstängningen gäller.' },
    endSessions: true,
  },
  reinstate: {
    from: ['suspended', 'rejected'],
    to: 'active',
    action: 'member.reinstated',
    email: { subject: 'Ditt konto i Samverka är aktivt igen', message: 'En moderator har återaktiverat ditt konto i Samverka.' },
    endSessions: false,
  },
} satisfies Record<string, MemberDecision>

export type MemberDecisionName = keyof typeof MEMBER_DECISIONS

/** Approve / reject a pending member, suspend or reinstate a member; the member is told why. */
export async function decideMember(
  actor: Actor,
  input: { userId: string; decision: MemberDecisionName; reason: string | null; baseUrl: string },
) {
  const decision: MemberDecision = MEMBER_DECISIONS[input.decision]
  const target = await loadTargetMember(input.userId)
  authorize(canModerateMember(actor, target))
  await prisma.$transaction(async (tx) => {
    const changed = await tx.user.updateMany({
      where: { id: target.id, status: { in: [...decision.from] } },
      data: { status: decision.to, statusReason: input.reason, ...(decision.to === 'active' ? { organisationRequestId: null } : {}) },
    })
    if (changed.count === 0) throw conflict('Medlemmens status har redan ändrats.')
    if (decision.endSessions) await tx.session.deleteMany({ where: { userId: target.id } })
    await writeAudit(tx, actor, {
      action: decision.action,
      targetType: 'user',
      targetId: target.id,
      targetName: target.name,
      reason: input.reason,
      data: { from: target.status, to: decision.to },
    })
  })
  await sendAll([
    decisionEmail({
      to: target.email,
      subject: decision.email.subject,
      message: decision.email.message,
      reason: input.reason,
      link: decision.to === 'active' ? { href: new URL('/', input.baseUrl).toString(), label: 'Gå till Samverka' } : undefined,
    }),
  ])
}
