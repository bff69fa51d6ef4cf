import { z } from 'zod'
import { decisionEmail } from '#app/emails/decision.server.ts'
import { type Decision, decisionSelect, getAppealableDecision } from '#app/models/appeal.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canModerate, canModerateMember, type Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { writeAudit } from './audit.server.ts'
import { restoreContent } from './content-moderation.server.ts'
import { decideMember, sendAll, withdrawWarning } from './moderation.server.ts'
import { notifyMemberDecision } from './notification.server.ts'

/**
 * Appeals: a member asks for a moderator's decision about them or their content to be
 * reconsidered (once per decision); a moderator lets it stand or overturns it — content is
 * restored, a suspension or rejection lifted, a warning withdrawn — and the member is told
 * the outcome in the app and by e-mail.
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

/** Reverses what the decision did, where that is still in effect. */
async function overturn(actor: Actor, decision: Decision, member: Member, response: string) {
  if (decision.action === 'content.hidden' || decision.action === 'content.deleted') {
    const targetType = z.enum(['post', 'answer', 'comment']).parse(decision.targetType)
    await restoreContent(actor, { targetType, targetId: decision.targetId, reason: response }).catch((error: unknown) => {
      // Already visible again: nothing left to reverse.
      if (!(error instanceof Response && error.status === 409)) throw error
    })
  } else if ((decision.action === 'member.suspended' && member.status === 'suspended') || (decision.action === 'member.rejected' && member.status === 'rejected')) {
    await decideMember(actor, { userId: member.id, decision: 'reinstate', reason: response })
  }
}

/** A moderator decides an open appeal: the decision stands (`upheld`) or is reversed (`overturned`). */
export async function decideAppeal(
  actor: Actor,
  input: { appealId: string; outcome: 'upheld' | 'overturned'; response: string },
) {
  authorize(canModerate(actor))
  const appeal = await prisma.appeal.findUnique({
    where: { id: input.appealId },
    select: { id: true, status: true, auditLogId: true, user: { select: { id: true, name: true, email: true, role: true, status: true } } },
  })
  invariantResponse(appeal, 'Överklagandet finns inte.')
  authorize(canModerateMember(actor, appeal.user), 'Du kan inte pröva det här överklagandet.')
  if (appeal.status !== 'open') throw conflict('Överklagandet är redan avgjort.')
  const decision = await prisma.auditLog.findUnique({ where: { id: appeal.auditLogId }, select: decisionSelect })
  invariantResponse(decision, 'Beslutet finns inte längre.')
  if (input.outcome === 'overturned') await overturn(actor, decision, appeal.user, input.response)
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.appeal.updateMany({
      where: { id: appeal.id, status: 'open' },
      data: { status: input.outcome, decidedById: actor.id, decidedAt: new Date(), response: input.response },
    })
    if (claimed.count === 0) throw conflict('Överklagandet är redan avgjort.')
    const warning = warningData.safeParse(decision.data)
    if (input.outcome === 'overturned' && decision.action === 'member.warned' && warning.success) {
      await withdrawWarning(tx, actor, { warningId: warning.data.warningId, member: appeal.user, reason: input.response })
    }
    const auditLogId = await writeAudit(tx, actor, {
      action: input.outcome === 'upheld' ? 'appeal.upheld' : 'appeal.overturned',
      targetType: 'appeal',
      targetId: appeal.id,
      targetName: appeal.user.name,
      reason: input.response,
      data: { auditLogId: decision.id, decision: decision.action },
    })
    await notifyMemberDecision(tx, {
      userId: appeal.user.id,
      actorId: actor.id,
      decisionId: auditLogId,
      notice: { action: input.outcome === 'upheld' ? 'appeal-upheld' : 'appeal-overturned', target: 'member', reason: input.response },
    })
  })
  const outcome = input.outcome === 'upheld' ? 'Beslutet står fast.' : 'Beslutet är ändrat.'
  await sendAll([
    decisionEmail({
      to: appeal.user.email,
      subject: 'Ditt överklagande i Samverka är prövat',
      message: `En moderator har prövat ditt överklagande av beslutet ”${decisionLabel(decision)}” från ${formatDate(decision.createdAt)}. ${outcome}`,
      reason: input.response,
    }),
  ])
}
