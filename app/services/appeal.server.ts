import { z } from 'zod'
import { decisionEmail } from '#app/emails/decision.server.ts'
import { type Decision, decisionSelect, getAppealableDecision } from '#app/models/appeal.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canModerate, canModerateMember, type Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { absoluteUrl } from '#app/utils/env.server.ts'
import { conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { writeAudit } from './audit.server.ts'
import { restoreContentCore } from './content-moderation.server.ts'
import { decideMemberCore, withdrawWarning } from './member-moderation.server.ts'
import { notifyMemberDecision } from './notification.server.ts'
import { emailEffect, runUseCase, type Tx } from './unit-of-work.server.ts'

/**
 * Appeals: a member asks for a moderator's decision about them or their content to be
 * reconsidered (once per decision); a moderator lets it stand or overturns it — content is
 * restored, a suspension or rejection lifted, a warning withdrawn — and the member is told
 * the outcome in the app and by one e-mail, which says what was reversed. Deciding is one
 * transaction: the claim of the appeal, the reversal (through the restoring or reinstating
 * use cases' cores, whose own e-mails it leaves out), the audit row and the notice.
 */
export type Appellant = { id: string; name: string }

function decisionLabel(decision: Decision) {
  return AUDIT_ACTIONS[decision.action as keyof typeof AUDIT_ACTIONS] ?? decision.action
}

/** The member (signed in, or by the signed link of the decision e-mail) appeals a decision. */
export async function createAppeal(appellant: Appellant, input: { auditLogId: string; message: string }) {
  const found = await getAppealableDecision(appellant.id, input.auditLogId)
  invariantResponse(found, 'Beslutet finns inte eller går inte att överklaga.')
  if (found.appeal) throw conflict('Du har redan överklagat det här beslutet.')
  return prisma.$transaction(async (tx) => {
    // The unique (userId, auditLogId) settles two simultaneous submissions.
    const [appeal] = await tx.appeal.createManyAndReturn({
      data: [{ userId: appellant.id, auditLogId: input.auditLogId, message: input.message }],
      skipDuplicates: true,
      select: { id: true },
    })
    if (!appeal) throw conflict('Du har redan överklagat det här beslutet.')
    await writeAudit(tx, appellant, {
      action: 'appeal.created',
      targetType: 'appeal',
      targetId: appeal.id,
      targetName: appellant.name,
      reason: input.message,
      data: { auditLogId: input.auditLogId, decision: found.decision.action },
    })
    return appeal
  })
}

const warningData = z.object({ warningId: z.string() })

type Member = { id: string; name: string; email: string; role: 'member' | 'moderator' | 'admin'; status: string }

/** What an overturned appeal reversed, in the member's words, and where to see it. */
type Reversal = { told: string; link?: { href: string; label: string } }

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Reverses what the decision did, where that is still in effect (in the appeal's transaction). */
async function overturn(tx: Tx, actor: Actor, decision: Decision, member: Member, response: string): Promise<Reversal | null> {
  if (decision.action === 'content.hidden' || decision.action === 'content.deleted') {
    const targetType = z.enum(['post', 'answer', 'comment']).parse(decision.targetType)
    const restored = await restoreContentCore(tx, actor, { targetType, targetId: decision.targetId, reason: response }).catch((error: unknown) => {
      // Already visible again (refused before anything was written): nothing left to reverse.
      if (error instanceof Response && error.status === 409) return null
      throw error
    })
    if (!restored) return null
    return { told: `${capitalise(restored.result.what)} syns igen för alla medlemmar.`, link: { href: restored.result.href, label: 'Visa innehållet' } }
  }
  if ((decision.action === 'member.suspended' && member.status === 'suspended') || (decision.action === 'member.rejected' && member.status === 'rejected')) {
    await decideMemberCore(tx, actor, { userId: member.id, decision: 'reinstate', reason: response })
    return { told: 'Ditt konto är aktivt igen.', link: { href: absoluteUrl('/'), label: 'Gå till Samverka' } }
  }
  const warning = warningData.safeParse(decision.data)
  if (decision.action === 'member.warned' && warning.success) {
    await withdrawWarning(tx, actor, { warningId: warning.data.warningId, member, reason: response })
    return { told: 'Varningen är återkallad.' }
  }
  return null
}

/**
 * A moderator decides an open appeal: the decision stands (`upheld`) or is reversed
 * (`overturned`). The appeal is claimed first, so of two moderators deciding at once the
 * second gets 409 with nothing reversed and nothing sent.
 */
export async function decideAppeal(actor: Actor, input: { appealId: string; outcome: 'upheld' | 'overturned'; response: string }) {
  authorize(canModerate(actor))
  await runUseCase(async (tx) => {
    const appeal = await tx.appeal.findUnique({
      where: { id: input.appealId },
      select: { id: true, status: true, auditLogId: true, user: { select: { id: true, name: true, email: true, role: true, status: true } } },
    })
    invariantResponse(appeal, 'Överklagandet finns inte.')
    authorize(canModerateMember(actor, appeal.user), 'Du kan inte pröva det här överklagandet.')
    const claimed = await tx.appeal.updateMany({
      where: { id: appeal.id, status: 'open' },
      data: { status: input.outcome, decidedById: actor.id, decidedAt: new Date(), response: input.response },
    })
    if (claimed.count === 0) throw conflict('Överklagandet är redan avgjort.')
    const decision = await tx.auditLog.findUnique({ where: { id: appeal.auditLogId }, select: decisionSelect })
    invariantResponse(decision, 'Beslutet finns inte längre.')
    // The member's status as of the claim (the appeal row is locked by it from here on).
    const member = await tx.user.findUniqueOrThrow({ where: { id: appeal.user.id }, select: { id: true, name: true, email: true, role: true, status: true } })
    const reversal = input.outcome === 'overturned' ? await overturn(tx, actor, decision, member, input.response) : null
    const auditLogId = await writeAudit(tx, actor, {
      action: input.outcome === 'upheld' ? 'appeal.upheld' : 'appeal.overturned',
      targetType: 'appeal',
      targetId: appeal.id,
      targetName: member.name,
      reason: input.response,
      data: { auditLogId: decision.id, decision: decision.action },
    })
    await notifyMemberDecision(tx, {
      userId: member.id,
      actorId: actor.id,
      decisionId: auditLogId,
      notice: { action: input.outcome === 'upheld' ? 'appeal-upheld' : 'appeal-overturned', target: 'member', reason: input.response },
    })
    const outcome = input.outcome === 'upheld' ? 'Beslutet står fast.' : `Beslutet är ändrat.${reversal ? ` ${reversal.told}` : ''}`
    const mail = decisionEmail({
      to: member.email,
      subject: 'Ditt överklagande i Samverka är prövat',
      message: `En moderator har prövat ditt överklagande av beslutet ”${decisionLabel(decision)}” från ${formatDate(decision.createdAt)}. ${outcome}`,
      reason: input.response,
      link: reversal?.link,
    })
    // Only the outcome: whatever the reversal would have e-mailed on its own, this message says.
    return { result: undefined, effects: [emailEffect('appeal-decision', mail)] }
  })
}
