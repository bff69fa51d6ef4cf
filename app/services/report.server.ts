import { authorize } from '#app/policies/authorize.server.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { isActive, type Actor } from '#app/policies/member.ts'
import { canReportContent, canReportMember } from '#app/policies/report.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import type { ReportInput, ReportTargetType } from '#app/validation/report.ts'

/**
 * Members' reports. One report per reporter and target: reporting again updates the reason
 * and the description and reopens it. The reported member (`targetUserId`: the author, or
 * the member reported) is stored for the moderators; the reporter is never shown to them.
 */
export type ReportTarget = { targetType: ReportTargetType; targetId: string }

const NOT_FOUND = { post: 'Inlägget finns inte.', answer: 'Svaret finns inte.', comment: 'Kommentaren finns inte.', member: 'Medlemmen finns inte.' } as const

/**
 * The thing to report as the reporter may see it (404 otherwise): its author (or the member),
 * a title for the report page and the post it belongs to. Your own content, or yourself → 400.
 */
export async function getReportTarget(actor: Actor, target: ReportTarget) {
  authorize(isActive(actor))
  const found = await findTarget(target)
  invariantResponse(found, NOT_FOUND[target.targetType])
  const allowed =
    target.targetType === 'member'
      ? canReportMember(actor, { id: target.targetId, status: 'active' })
      : canReportContent(actor, { authorId: found.userId, status: found.status })
  if (!allowed) throw badRequest(target.targetType === 'member' ? 'Du kan inte anmäla dig själv.' : 'Du kan inte anmäla ditt eget innehåll.')
  return found
}

async function findTarget({ targetType, targetId }: ReportTarget) {
  const visible = visibleContentWhere
  switch (targetType) {
    case 'post': {
      const post = await prisma.post.findFirst({
        where: { id: targetId, ...visible },
        select: { id: true, type: true, title: true, authorId: true, status: true },
      })
      return post && { userId: post.authorId, status: post.status, title: post.title, post }
    }
    case 'answer': {
      const answer = await prisma.answer.findFirst({
        where: { id: targetId, ...visible, post: visible },
        select: { authorId: true, status: true, post: { select: { id: true, type: true, title: true } } },
      })
      return answer && { userId: answer.authorId, status: answer.status, title: `Svar på ”${answer.post.title}”`, post: answer.post }
    }
    case 'comment': {
      const comment = await prisma.comment.findFirst({
        where: { id: targetId, ...visible, post: visible },
        select: { authorId: true, status: true, post: { select: { id: true, type: true, title: true } } },
      })
      return comment && { userId: comment.authorId, status: comment.status, title: `Kommentar på ”${comment.post.title}”`, post: comment.post }
    }
    case 'member': {
      const member = await prisma.user.findFirst({ where: { id: targetId, status: 'active' }, select: { id: true, name: true } })
      return member && { userId: member.id, status: 'visible' as const, title: member.name, post: null }
    }
  }
}

/** Files (or reopens) the actor's report; returns what was reported, as `getReportTarget` does. */
export async function reportContent(actor: Actor, input: ReportTarget & ReportInput) {
  const target = await getReportTarget(actor, input)
  await enforceRateLimit('posting', actor.id)
  const fields = { reason: input.reason, details: input.details, targetUserId: target.userId }
  await prisma.report.upsert({
    where: { reporterId_targetType_targetId: { reporterId: actor.id, targetType: input.targetType, targetId: input.targetId } },
    create: { reporterId: actor.id, targetType: input.targetType, targetId: input.targetId, ...fields },
    update: { ...fields, status: 'open', resolvedById: null, resolvedAt: null, resolution: null },
    select: { id: true },
  })
  return target
}
