import { postPath } from '#app/presenters/post-type.ts'
import { contentPhrase } from '#app/presenters/vocabulary.ts'
import { decisionEmail } from '#app/emails/decision.server.ts'
import type { RichTextDocument } from '#app/editor/document.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canChangePostOwnership, canDeleteContent, canModerateContent, type ContentStatus } from '#app/policies/content.ts'
import { canModerate, type Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { appBaseUrl } from '#app/utils/env.server.ts'
import { badRequest, conflict, invariantResponse } from '#app/utils/errors.server.ts'
import type { AuditAction } from '#app/validation/audit.ts'
import { writeAudit } from './audit.server.ts'
import { tieShownImages } from './inline-images.server.ts'
import { notifyMention, notifyModeration, type ModerationNotice } from './notification.server.ts'
import { keepAnswerRevision, keepPostRevision } from './revision.server.ts'
import { prepareRichText } from './rich-text.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'
import { type Effect, emailEffect, runUseCase, type Tx, type WithEffects } from './unit-of-work.server.ts'

/**
 * Moderators' actions on content (posts, answers, comments) — the one way to hide, delete,
 * restore or edit someone else's content, correct a post's owning organisation, or to dismiss
 * the reports about it. Each: load →
 * authorize → one transaction with the status change, its audit row, the search outbox, the
 * target's open reports resolved, the author's notification and an e-mail to the author
 * saying what and why (through the e-mail outbox). `restoreContentCore` is the core an
 * appeal reuses inside its own transaction. An author deleting their own content also goes through
 * `deleteContent` (no audit, no notice: nobody else decided anything).
 */
export type ContentType = 'post' | 'answer' | 'comment'
export type ContentDecision = { targetType: ContentType; targetId: string; reason: string }

type Target = {
  type: ContentType
  id: string
  authorId: string | null
  status: ContentStatus
  /** What the author is told and the audit log names: the post's title (for answers and comments, the post they belong to). */
  title: string
  text: string
  post: { id: string; type: 'question' | 'project' | 'artifact'; status: ContentStatus; acceptedAnswerId: string | null }
}

const postSelect = { id: true, type: true, title: true, status: true, acceptedAnswerId: true } satisfies Prisma.PostSelect

async function loadTarget(tx: Tx, type: ContentType, id: string): Promise<Target> {
  if (type === 'post') {
    const post = await tx.post.findUnique({ where: { id }, select: { ...postSelect, authorId: true, bodyText: true } })
    invariantResponse(post, 'Inlägget finns inte.')
    return { type, id, authorId: post.authorId, status: post.status, title: post.title, text: post.bodyText, post }
  }
  if (type === 'answer') {
    const answer = await tx.answer.findUnique({ where: { id }, select: { authorId: true, status: true, bodyText: true, post: { select: postSelect } } })
    invariantResponse(answer, 'Svaret finns inte.')
    return { type, id, authorId: answer.authorId, status: answer.status, title: answer.post.title, text: answer.bodyText, post: answer.post }
  }
  const comment = await tx.comment.findUnique({ where: { id }, select: { authorId: true, status: true, body: true, post: { select: postSelect } } })
  invariantResponse(comment, 'Kommentaren finns inte.')
  return { type, id, authorId: comment.authorId, status: comment.status, title: comment.post.title, text: comment.body, post: comment.post }
}

/** Sets the status and keeps the post's counters, accepted answer and search index in step. */
async function setStatus(tx: Tx, target: Target, status: ContentStatus, reason: string | null) {
  const data = { status, statusReason: status === 'visible' ? null : reason }
  const wasCounted = target.status === 'visible'
  const counted = status === 'visible'
  const step = counted === wasCounted ? 0 : counted ? 1 : -1
  if (target.type === 'post') {
    await tx.post.update({ where: { id: target.id }, data })
    await enqueueSearchUpdate(tx, 'post', target.id)
  } else if (target.type === 'answer') {
    await tx.answer.update({ where: { id: target.id }, data })
    await tx.post.update({
      where: { id: target.post.id },
      data: {
        answerCount: { increment: step },
        // An answer taken out of view is no longer the accepted one (the asker may choose it again).
        ...(!counted && target.post.acceptedAnswerId === target.id ? { acceptedAnswerId: null } : {}),
      },
    })
    await enqueueSearchUpdate(tx, 'answer', target.id)
  } else {
    await tx.comment.update({ where: { id: target.id }, data })
    await tx.post.update({ where: { id: target.post.id }, data: { commentCount: { increment: step } } })
  }
}

async function resolveReports(tx: Tx, actor: Actor, target: { type: ContentType | 'member'; id: string }, status: 'actioned' | 'dismissed', reason: string) {
  const resolved = await tx.report.updateMany({
    where: { targetType: target.type, targetId: target.id, status: 'open' },
    data: { status, resolvedById: actor.id, resolvedAt: new Date(), resolution: reason },
  })
  return resolved.count
}

const DECISIONS = {
  hidden: {
    audit: 'content.hidden',
    subject: 'En moderator har dolt ditt innehåll i Samverka',
    message: (what: string) => `En moderator har dolt ${what}. Andra medlemmar ser det inte längre; du ser det fortfarande, med motiveringen.`,
  },
  deleted: {
    audit: 'content.deleted',
    subject: 'En moderator har tagit bort ditt innehåll i Samverka',
    message: (what: string) => `En moderator har tagit bort ${what}.`,
  },
  restored: {
    audit: 'content.restored',
    subject: 'Ditt innehåll i Samverka är återställt',
    message: (what: string) => `En moderator har återställt ${what}. Det syns igen för alla medlemmar.`,
  },
  edited: {
    audit: 'content.edited',
    subject: 'En moderator har redigerat ditt innehåll i Samverka',
    message: (what: string) => `En moderator har redigerat ${what}. Ändringen visas som ”redigerad av moderator”.`,
  },
} satisfies Record<ModerationNotice['action'], { audit: AuditAction; subject: string; message: (what: string) => string }>

function contentPath(target: Target) {
  const path = postPath(target.post)
  if (target.type === 'answer') return `${path}#svar-${target.id}`
  if (target.type === 'comment') return `${path}#kommentar-${target.id}`
  return path
}

/** Inside the transaction: the audit row, the author's notice and the open reports resolved. */
async function recordDecision(tx: Tx, actor: Actor, target: Target, action: ModerationNotice['action'], reason: string, data?: Prisma.InputJsonValue) {
  const auditLogId = await writeAudit(tx, actor, {
    action: DECISIONS[action].audit,
    targetType: target.type,
    targetId: target.id,
    targetName: target.title,
    reason,
    data,
  })
  await notifyModeration(tx, {
    userId: target.authorId,
    actorId: actor.id,
    postId: target.post.id,
    subjectId: target.id,
    notice: { action, target: target.type, title: target.title, reason, auditLogId },
  })
  await resolveReports(tx, actor, target, 'actioned', reason)
}

/** What the content is to its author ("ditt svar på ”…”") and where it is. */
export type ContentReference = { what: string; href: string }

function contentReference(target: Target): ContentReference {
  return { what: contentPhrase(target.type, 'yours', target.title), href: new URL(contentPath(target), appBaseUrl()).toString() }
}

/** The author hears what and why, with a link while the content is still theirs to see. */
async function emailAuthor(tx: Tx, target: Target, action: ModerationNotice['action'], reason: string, actor: Actor): Promise<Effect[]> {
  if (!target.authorId || target.authorId === actor.id) return []
  const author = await tx.user.findUnique({ where: { id: target.authorId }, select: { email: true } })
  if (!author) return []
  const decision = DECISIONS[action]
  const { what, href } = contentReference(target)
  const link = action === 'deleted' ? undefined : { href, label: 'Visa innehållet' }
  return [emailEffect('content-decision', decisionEmail({ to: author.email, subject: decision.subject, message: decision.message(what), reason, link }))]
}

function requireReason(reason: string | null | undefined): string {
  const trimmed = reason?.trim() ?? ''
  if (trimmed.length < 3) throw badRequest('Ange en motivering. Den skickas till den det gäller.')
  return trimmed
}

async function changeStatusCore(
  tx: Tx,
  actor: Actor,
  input: { targetType: ContentType; targetId: string; reason: string },
  action: 'hidden' | 'deleted' | 'restored',
  from: readonly ContentStatus[],
): Promise<WithEffects<Target>> {
  authorize(canModerate(actor))
  const reason = requireReason(input.reason)
  const to: ContentStatus = action === 'hidden' ? 'hidden' : action === 'deleted' ? 'deleted' : 'visible'
  const target = await loadTarget(tx, input.targetType, input.targetId)
  authorize(canModerateContent(actor, target), OWN_CONTENT)
  if (!from.includes(target.status)) throw conflict(CONFLICTS[action])
  await setStatus(tx, target, to, reason)
  await recordDecision(tx, actor, target, action, reason)
  return { result: target, effects: await emailAuthor(tx, target, action, reason, actor) }
}

const OWN_CONTENT = 'Moderatorer modererar inte sitt eget innehåll.'

const CONFLICTS = {
  hidden: 'Innehållet är redan dolt eller borttaget.',
  deleted: 'Innehållet är redan borttaget.',
  restored: 'Innehållet är redan synligt.',
} as const

/** Takes content out of view pending review: the author still sees it, with the reason. */
export async function hideContent(actor: Actor, input: ContentDecision) {
  await runUseCase((tx) => changeStatusCore(tx, actor, input, 'hidden', ['visible']))
}

/**
 * Removes content. A moderator acting on someone else's content must give a reason, which
 * the author is told; an author deleting their own visible content needs none.
 */
export async function deleteContent(actor: Actor, input: { targetType: ContentType; targetId: string; reason: string | null }) {
  const target = await loadTarget(prisma, input.targetType, input.targetId)
  if (target.authorId !== actor.id) {
    await runUseCase((tx) => changeStatusCore(tx, actor, { ...input, reason: input.reason ?? '' }, 'deleted', ['visible', 'hidden']))
    return
  }
  authorize(canDeleteContent(actor, target), 'Du kan inte ta bort det här.')
  await prisma.$transaction(async (tx) => {
    const current = await loadTarget(tx, input.targetType, input.targetId)
    if (current.status !== 'visible') throw conflict(CONFLICTS.deleted)
    await setStatus(tx, current, 'deleted', null)
  })
}

/** Brings hidden or deleted content back into view (also what an overturned appeal does). */
export async function restoreContentCore(tx: Tx, actor: Actor, input: ContentDecision): Promise<WithEffects<ContentReference>> {
  const { result, effects } = await changeStatusCore(tx, actor, input, 'restored', ['hidden', 'deleted'])
  return { result: contentReference(result), effects }
}

export async function restoreContent(actor: Actor, input: ContentDecision) {
  await runUseCase((tx) => restoreContentCore(tx, actor, input))
}

/** Nothing to do: the target's open reports are closed as dismissed. Also for reports about members. */
export async function dismissReports(actor: Actor, input: { targetType: ContentType | 'member'; targetId: string; reason: string }) {
  authorize(canModerate(actor))
  const reason = requireReason(input.reason)
  await prisma.$transaction(async (tx) => {
    const dismissed = await resolveReports(tx, actor, { type: input.targetType, id: input.targetId }, 'dismissed', reason)
    if (dismissed === 0) throw conflict('Det finns inga öppna anmälningar att avfärda.')
    const targetName = input.targetType === 'member' ? await memberName(tx, input.targetId) : (await loadTarget(tx, input.targetType, input.targetId)).title
    await writeAudit(tx, actor, {
      action: 'report.dismissed',
      targetType: input.targetType === 'member' ? 'user' : input.targetType,
      targetId: input.targetId,
      targetName,
      reason,
      data: { reports: dismissed },
    })
  })
}

async function memberName(tx: Tx, userId: string) {
  const member = await tx.user.findUnique({ where: { id: userId }, select: { name: true } })
  return member?.name ?? ''
}

export type ModeratorEdit =
  | { targetType: 'post'; targetId: string; title: string; body: RichTextDocument; reason: string }
  | { targetType: 'answer'; targetId: string; body: RichTextDocument; reason: string }
  | { targetType: 'comment'; targetId: string; body: string; reason: string }

/** A moderator's edit (posts: title and body; answers and comments: body), shown as "redigerad av moderator". */
export async function editContentAsModerator(actor: Actor, input: ModeratorEdit) {
  authorize(canModerate(actor))
  const reason = requireReason(input.reason)
  await runUseCase(async (tx) => {
    const target = await loadTarget(tx, input.targetType, input.targetId)
    authorize(canModerateContent(actor, target), OWN_CONTENT)
    if (target.status === 'deleted') throw conflict('Borttaget innehåll kan inte redigeras. Återställ det först.')
    const moderatorEditedAt = new Date()
    let after: { title?: string; text: string }
    if (input.targetType === 'comment') {
      await tx.comment.update({ where: { id: target.id }, data: { body: input.body, moderatorEditedAt } })
      after = { text: input.body }
    } else {
      const text = await prepareRichText(tx, input.body)
      const revision = {
        editorId: actor.id,
        byModerator: true,
        after: { title: input.targetType === 'post' ? input.title : undefined, bodyHtml: text.columns.bodyHtml },
      }
      if (input.targetType === 'post') {
        await keepPostRevision(tx, target.id, revision)
        await tx.post.update({ where: { id: target.id }, data: { title: input.title, ...text.columns, moderatorEditedAt } })
        await tieShownImages(tx, { postId: target.id, answerId: null }, input.body, actor.id)
        await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: target.id })
        after = { title: input.title, text: text.columns.bodyText }
      } else {
        await keepAnswerRevision(tx, target.id, revision)
        await tx.answer.update({ where: { id: target.id }, data: { ...text.columns, moderatorEditedAt } })
        await tieShownImages(tx, { postId: target.post.id, answerId: target.id }, input.body, actor.id)
        await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: target.post.id, answerId: target.id })
        after = { text: text.columns.bodyText }
      }
      await enqueueSearchUpdate(tx, input.targetType, target.id)
    }
    const before = input.targetType === 'post' ? { title: target.title, text: target.text } : { text: target.text }
    const edited = { ...target, title: after.title ?? target.title }
    await recordDecision(tx, actor, edited, 'edited', reason, { before, after })
    return { result: undefined, effects: await emailAuthor(tx, edited, 'edited', reason, actor) }
  })
}

export type OwnershipCorrection = { postId: string; organisationId: string | null; shareEditing: boolean; reason: string }

/**
 * A moderator corrects who a post speaks for: its owning organisation (the author's when it
 * was created) and, for a project, whether colleagues there may co-edit it. Audited with before
 * and after, shown as "redigerad av moderator", and the author is told why.
 */
export async function correctPostOwnership(actor: Actor, input: OwnershipCorrection) {
  authorize(canModerate(actor))
  const reason = requireReason(input.reason)
  await runUseCase(async (tx) => {
    const target = await loadTarget(tx, 'post', input.postId)
    if (target.status === 'deleted') throw conflict('Borttaget innehåll kan inte ändras. Återställ det först.')
    authorize(canChangePostOwnership(actor, target), OWN_CONTENT)
    const current = await tx.post.findUniqueOrThrow({
      where: { id: target.id },
      select: { organisationId: true, shareEditing: true, organisation: { select: { name: true } } },
    })
    const organisation = input.organisationId
      ? await tx.organisation.findFirst({ where: { id: input.organisationId, mergedIntoId: null }, select: { id: true, name: true } })
      : null
    if (input.organisationId && !organisation) throw badRequest('Organisationen finns inte i registret.')
    const shareEditing = target.post.type === 'project' && input.shareEditing
    if ((organisation?.id ?? null) === current.organisationId && shareEditing === current.shareEditing)
      throw conflict('Ägarskapet är redan så. Ingenting ändrades.')
    await tx.post.update({ where: { id: target.id }, data: { organisationId: organisation?.id ?? null, shareEditing, moderatorEditedAt: new Date() } })
    await enqueueSearchUpdate(tx, 'post', target.id)
    await recordDecision(tx, actor, target, 'edited', reason, {
      before: { organisation: current.organisation?.name ?? null, shareEditing: current.shareEditing },
      after: { organisation: organisation?.name ?? null, shareEditing },
    })
    return { result: undefined, effects: await emailAuthor(tx, target, 'edited', reason, actor) }
  })
}
