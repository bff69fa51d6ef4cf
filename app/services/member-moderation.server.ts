import { decisionEmail } from '#app/emails/decision.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { canModerateMember, type Actor, type ActorLike } from '#app/policies/member.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { absoluteUrl } from '#app/utils/env.server.ts'
import { appealUrl } from '#app/utils/appeal-token.server.ts'
import { badRequest, conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { stockholmDate, stockholmDayStart } from '#app/utils/stockholm-date.ts'
import { formatDate } from '#app/utils/swedish.ts'
import type { AuditAction } from '#app/validation/audit.ts'
import { writeAudit } from './audit.server.ts'
import { notifyMemberDecision, type MemberNotice } from './notification.server.ts'
import { emailEffect, runUseCase, type Tx, type WithEffects } from './unit-of-work.server.ts'

/**
 * Moderators' decisions about members: approve, reject, suspend, reinstate, warn; and
 * suspensions that end by themselves. Each: authorize → one transaction with the change, its
 * audit row and the member's in-app notice → the member is told by e-mail (through the e-mail
 * outbox), with a link to appeal a decision against them. `decideMemberCore` is the core an
 * appeal reuses inside its own transaction.
 */
type MemberStatus = 'pending' | 'active' | 'rejected' | 'suspended'
type TargetMember = { id: string; name: string; email: string; role: 'member' | 'moderator' | 'admin'; status: MemberStatus }

async function loadTargetMember(tx: Tx, userId: string): Promise<TargetMember> {
  const target = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, status: true },
  })
  invariantResponse(target, 'Medlemmen finns inte.')
  return target
}

type MemberMessage = { subject: string; message: string; reason: string | null; until?: string | null }

/** In the decision's transaction: the audit row and the member's in-app notice. Returns the audit row's id. */
async function recordMemberDecision(
  tx: Tx,
  actor: { id: string; name: string } | null,
  target: { id: string; name: string },
  decision: {
    action: AuditAction
    notice: MemberNotice['action']
    appealable: boolean
    reason: string | null
    until?: string | null
    data?: Prisma.InputJsonValue
  },
) {
  const auditLogId = await writeAudit(tx, actor, {
    action: decision.action,
    targetType: 'user',
    targetId: target.id,
    targetName: target.name,
    reason: decision.reason,
    data: decision.data,
  })
  await notifyMemberDecision(tx, {
    userId: target.id,
    actorId: actor?.id ?? null,
    decisionId: auditLogId,
    notice: {
      action: decision.notice,
      target: 'member',
      reason: decision.reason,
      ...(decision.until !== undefined ? { until: decision.until } : {}),
      ...(decision.appealable ? { auditLogId } : {}),
    },
  })
  return auditLogId
}

/** What and why by e-mail, with the appeal link (signed: no sign-in needed) or a way back in. */
function memberEmail(target: { id: string; email: string }, mail: MemberMessage, link: { appealOf: string } | { home: true } | null) {
  const until =
    mail.until === undefined ? '' : mail.until ? ` Avstängningen gäller till och med ${formatDate(mail.until)}.` : ' Avstängningen gäller tills vidare.'
  return decisionEmail({
    to: target.email,
    subject: mail.subject,
    message: `${mail.message}${until}`,
    reason: mail.reason,
    link: !link
      ? undefined
      : 'appealOf' in link
        ? { href: appealUrl({ userId: target.id, auditLogId: link.appealOf }), label: 'Överklaga beslutet' }
        : { href: absoluteUrl('/'), label: 'Gå till Samverka' },
  })
}

type MemberDecision = {
  from: readonly MemberStatus[]
  to: 'active' | 'rejected' | 'suspended'
  action: 'member.approved' | 'member.rejected' | 'member.suspended' | 'member.reinstated'
  notice: MemberNotice['action']
  email: { subject: string; message: string }
  endSessions: boolean
  /** A decision against the member, which they may appeal. */
  appealable: boolean
}

const MEMBER_DECISIONS = {
  approve: {
    from: ['pending'],
    to: 'active',
    action: 'member.approved',
    notice: 'approved',
    email: { subject: 'Ditt konto i Samverka är godkänt', message: 'En moderator har godkänt ditt konto. Välkommen till Samverka!' },
    endSessions: false,
    appealable: false,
  },
  reject: {
    from: ['pending'],
    to: 'rejected',
    action: 'member.rejected',
    notice: 'rejected',
    email: { subject: 'Din ansökan till Samverka har avslagits', message: 'En moderator har avslagit din ansökan om konto i Samverka.' },
    endSessions: true,
    appealable: true,
  },
  suspend: {
    from: ['active', 'pending'],
    to: 'suspended',
    action: 'member.suspended',
    notice: 'suspended',
    email: {
      subject: 'Ditt konto i Samverka är avstängt',
      message: 'En moderator har stängt av ditt konto i Samverka. Du kan inte logga in så länge avstängningen gäller.',
    },
    endSessions: true,
    appealable: true,
  },
  reinstate: {
    from: ['suspended', 'rejected'],
    to: 'active',
    action: 'member.reinstated',
    notice: 'reinstated',
    email: { subject: 'Ditt konto i Samverka är aktivt igen', message: 'En moderator har återaktiverat ditt konto i Samverka.' },
    endSessions: false,
    appealable: false,
  },
} satisfies Record<string, MemberDecision>

export type MemberDecisionName = keyof typeof MEMBER_DECISIONS

export type MemberDecisionInput = { userId: string; decision: MemberDecisionName; reason: string | null; until?: string | null }

/**
 * Approve / reject a pending member, suspend (until the end of `until`, a Stockholm date, or
 * indefinitely) or reinstate a member. Suspending ends all the member's sessions at once;
 * the member is told what and why in the app and by e-mail.
 */
export async function decideMemberCore(tx: Tx, actor: Actor, input: MemberDecisionInput): Promise<WithEffects<{ auditLogId: string }>> {
  const decision: MemberDecision = MEMBER_DECISIONS[input.decision]
  const target = await loadTargetMember(tx, input.userId)
  authorize(canModerateMember(actor, target))
  const until = decision.to === 'suspended' ? (input.until ?? null) : undefined
  const suspendedUntil = until ? stockholmDayStart(until, 1) : null
  if (suspendedUntil && suspendedUntil.getTime() <= Date.now()) throw badRequest('Avstängningens sista dag har redan passerat.')
  const changed = await tx.user.updateMany({
    where: { id: target.id, status: { in: [...decision.from] } },
    data: {
      status: decision.to,
      statusReason: input.reason,
      suspendedUntil,
      ...(decision.to === 'active' ? { organisationRequestId: null } : {}),
    },
  })
  if (changed.count === 0) throw conflict('Medlemmens status har redan ändrats.')
  if (decision.endSessions) await tx.session.deleteMany({ where: { userId: target.id } })
  const auditLogId = await recordMemberDecision(tx, actor, target, {
    action: decision.action,
    notice: decision.notice,
    appealable: decision.appealable,
    reason: input.reason,
    until,
    data: { from: target.status, to: decision.to, ...(until !== undefined ? { until } : {}) },
  })
  const mail = memberEmail(
    target,
    { ...decision.email, reason: input.reason, until },
    decision.appealable ? { appealOf: auditLogId } : decision.to === 'active' ? { home: true } : null,
  )
  return { result: { auditLogId }, effects: [emailEffect('member-decision', mail)] }
}

export function decideMember(actor: Actor, input: MemberDecisionInput) {
  return runUseCase((tx) => decideMemberCore(tx, actor, input))
}

/** A warning the member sees on every page until they acknowledge it; they may appeal it. */
export function warnMember(actor: Actor, input: { userId: string; message: string }) {
  return runUseCase(async (tx) => {
    const target = await loadTargetMember(tx, input.userId)
    authorize(canModerateMember(actor, target))
    if (target.status !== 'active') throw conflict('Bara aktiva medlemmar kan varnas.')
    const warning = await tx.memberWarning.create({
      data: { userId: target.id, moderatorId: actor.id, message: input.message },
      select: { id: true },
    })
    const auditLogId = await recordMemberDecision(tx, actor, target, {
      action: 'member.warned',
      notice: 'warned',
      appealable: true,
      reason: input.message,
      data: { warningId: warning.id },
    })
    const mail = memberEmail(
      target,
      {
        subject: 'Du har fått en varning i Samverka',
        message: 'En moderator har gett dig en varning. Du ser den överst på sidan nästa gång du loggar in.',
        reason: input.message,
      },
      { appealOf: auditLogId },
    )
    return { result: { auditLogId }, effects: [emailEffect('member-decision', mail)] }
  })
}

/** The member has read the warning: the banner goes away. Only their own warnings. */
export async function acknowledgeWarning(member: ActorLike, warningId: string) {
  await prisma.memberWarning.updateMany({
    where: { id: warningId, userId: member.id, acknowledgedAt: null },
    data: { acknowledgedAt: new Date() },
  })
}

/** A warning overturned on appeal (in the appeal's transaction): withdrawn, with its audit row. */
export async function withdrawWarning(tx: Tx, actor: Actor, input: { warningId: string; member: { id: string; name: string }; reason: string }) {
  await tx.memberWarning.updateMany({ where: { id: input.warningId, userId: input.member.id, acknowledgedAt: null }, data: { acknowledgedAt: new Date() } })
  await writeAudit(tx, actor, {
    action: 'member.warning-withdrawn',
    targetType: 'user',
    targetId: input.member.id,
    targetName: input.member.name,
    reason: input.reason,
    data: { warningId: input.warningId },
  })
}

/**
 * Suspensions for a period lift themselves once their last day is over: at sign-in (only
 * `userId`) and in the hourly maintenance (everyone due). Each with an audit row, a notice
 * and an e-mail.
 */
export async function endExpiredSuspensions(now = new Date(), only?: { userId: string }) {
  const due = { status: 'suspended', suspendedUntil: { lte: now }, ...(only ? { id: only.userId } : {}) } satisfies Prisma.UserWhereInput
  let ended = 0
  for (;;) {
    const batch = await prisma.user.findMany({
      where: due,
      select: { id: true, name: true, email: true, suspendedUntil: true },
      orderBy: { id: 'asc' },
      take: 100,
    })
    if (batch.length === 0) return ended
    for (const member of batch) {
      const lifted = await runUseCase(async (tx) => {
        const changed = await tx.user.updateMany({ where: { ...due, id: member.id }, data: { status: 'active', statusReason: null, suspendedUntil: null } })
        if (changed.count === 0) return { result: false, effects: [] }
        await recordMemberDecision(tx, null, member, {
          action: 'member.suspension-ended',
          notice: 'suspension-ended',
          appealable: false,
          reason: null,
          data: { from: 'suspended', to: 'active', until: member.suspendedUntil ? stockholmDate(new Date(member.suspendedUntil.getTime() - 1)) : null },
        })
        const mail = memberEmail(
          member,
          {
            subject: 'Din avstängning från Samverka har upphört',
            message: 'Avstängningen av ditt konto i Samverka har löpt ut. Du kan logga in igen.',
            reason: null,
          },
          { home: true },
        )
        return { result: true, effects: [emailEffect('member-decision', mail)] }
      })
      if (lifted) ended++
    }
  }
}
