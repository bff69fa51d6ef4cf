import type { RichTextDocument } from '#app/editor/document.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canAcceptAnswer, canEditContent, canVoteOnAnswer } from '#app/policies/content.ts'
import type { Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { followPostAutomatically } from './follow.server.ts'
import { tieShownImages } from './inline-images.server.ts'
import { notifyAccepted, notifyAnswer, notifyMention, notifyNewPost } from './notification.server.ts'
import { keepAnswerRevision, keepPostRevision } from './revision.server.ts'
import { prepareRichText } from './rich-text.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'
import { createOnce } from './submission.server.ts'
import { setPostTags, touchPostTags } from './tags.server.ts'

/**
 * Questions and answers. Each use case: load → authorize → one transaction with the change,
 * the images its text shows, its notifications (mentions included) and its search-outbox row.
 * Deleting, hiding, restoring and moderators' edits: content-moderation.server.ts. Asking and
 * answering happen once per submission key (submission.server.ts).
 */
type QuestionInput = { title: string; body: RichTextDocument; tags: string[] }

const questionGuardSelect = { id: true, title: true, authorId: true, status: true, type: true } satisfies Prisma.PostSelect

async function loadQuestion(tx: Prisma.TransactionClient, id: string) {
  const question = await tx.post.findFirst({ where: { id, type: 'question' }, select: questionGuardSelect })
  invariantResponse(question, 'Frågan finns inte.')
  return question
}

async function loadAnswer(tx: Prisma.TransactionClient, id: string) {
  const answer = await tx.answer.findUnique({
    where: { id },
    select: { id: true, postId: true, authorId: true, status: true, post: { select: { status: true } } },
  })
  invariantResponse(answer && answer.post.status === 'visible', 'Svaret finns inte.')
  return answer
}

export async function askQuestion(actor: Actor, input: QuestionInput & { submissionKey?: string | null }) {
  authorize(actor.status === 'active')
  const submissionKey = input.submissionKey ?? null
  const author = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { organisationId: true } })
  const create = () =>
    prisma.$transaction(async (tx) => {
      const now = new Date()
      const text = await prepareRichText(tx, input.body)
      const question = await tx.post.create({
        data: {
          type: 'question',
          title: input.title,
          ...text.columns,
          authorId: actor.id,
          organisationId: author.organisationId,
          submissionKey,
          activityAt: now,
          createdAt: now,
        },
        select: { id: true },
      })
      await tieShownImages(tx, { postId: question.id, answerId: null }, input.body, actor.id)
      await setPostTags(tx, question.id, input.tags, now)
      await notifyNewPost(tx, { postId: question.id, actorId: actor.id })
      await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: question.id })
      await followPostAutomatically(tx, actor.id, question.id)
      await enqueueSearchUpdate(tx, 'post', question.id)
      return question
    })
  return createOnce(submissionKey, create, () =>
    prisma.post.findFirst({ where: { authorId: actor.id, submissionKey, type: 'question' }, select: { id: true } }),
  )
}

export async function editQuestion(actor: Actor, questionId: string, input: QuestionInput) {
  await prisma.$transaction(async (tx) => {
    const question = await loadQuestion(tx, questionId)
    authorize(canEditContent(actor, question), 'Bara den som frågade kan redigera frågan.')
    const text = await prepareRichText(tx, input.body)
    await keepPostRevision(tx, question.id, { editorId: actor.id, after: { title: input.title, bodyHtml: text.columns.bodyHtml } })
    const updated = await tx.post.update({
      where: { id: question.id },
      data: { title: input.title, ...text.columns, editedAt: new Date() },
      select: { activityAt: true },
    })
    await tieShownImages(tx, { postId: question.id, answerId: null }, input.body, actor.id)
    await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: question.id })
    await setPostTags(tx, question.id, input.tags, updated.activityAt)
    await enqueueSearchUpdate(tx, 'post', question.id)
  })
}

export async function answerQuestion(actor: Actor, questionId: string, body: RichTextDocument, submissionKey: string | null = null) {
  authorize(actor.status === 'active')
  const create = () =>
    prisma.$transaction(async (tx) => {
      const question = await loadQuestion(tx, questionId)
      if (question.status !== 'visible') throw badRequest('Frågan går inte att besvara.')
      const now = new Date()
      const text = await prepareRichText(tx, body)
      const answer = await tx.answer.create({
        data: { postId: question.id, authorId: actor.id, ...text.columns, submissionKey, createdAt: now },
        select: { id: true },
      })
      await tieShownImages(tx, { postId: question.id, answerId: answer.id }, body, actor.id)
      await tx.post.update({ where: { id: question.id }, data: { answerCount: { increment: 1 }, activityAt: now } })
      await touchPostTags(tx, question.id, now)
      await notifyAnswer(tx, { questionId: question.id, askerId: question.authorId, answerId: answer.id, actorId: actor.id })
      await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: question.id, answerId: answer.id })
      await followPostAutomatically(tx, actor.id, question.id)
      await enqueueSearchUpdate(tx, 'post', question.id)
      return answer
    })
  return createOnce(submissionKey, create, () =>
    prisma.answer.findFirst({ where: { authorId: actor.id, submissionKey, postId: questionId }, select: { id: true } }),
  )
}

export async function editAnswer(actor: Actor, answerId: string, body: RichTextDocument) {
  await prisma.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, answerId)
    authorize(canEditContent(actor, answer), 'Bara den som svarade kan redigera svaret.')
    const text = await prepareRichText(tx, body)
    await keepAnswerRevision(tx, answer.id, { editorId: actor.id, after: { bodyHtml: text.columns.bodyHtml } })
    await tx.answer.update({ where: { id: answer.id }, data: { ...text.columns, editedAt: new Date() } })
    await tieShownImages(tx, { postId: answer.postId, answerId: answer.id }, body, actor.id)
    await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: answer.postId, answerId: answer.id })
    await enqueueSearchUpdate(tx, 'answer', answer.id)
  })
}

/** One vote per member and answer: +1, -1, or 0 to take it back. The score is recounted in the same transaction. */
export async function voteOnAnswer(actor: Actor, answerId: string, value: -1 | 0 | 1) {
  await prisma.$transaction(async (tx) => {
    const answer = await loadAnswer(tx, answerId)
    authorize(canVoteOnAnswer(actor, answer), 'Du kan inte rösta på ditt eget svar.')
    if (value === 0) {
      await tx.answerVote.deleteMany({ where: { answerId: answer.id, userId: actor.id } })
    } else {
      await tx.answerVote.upsert({
        where: { answerId_userId: { answerId: answer.id, userId: actor.id } },
        create: { answerId: answer.id, userId: actor.id, value },
        update: { value },
      })
    }
    await tx.$executeRaw`UPDATE "Answer" SET "score" = (SELECT COALESCE(SUM("value"), 0) FROM "AnswerVote" WHERE "answerId" = ${answer.id}) WHERE "id" = ${answer.id}`
  })
}

/** The asker or a moderator marks one answer as accepted (or none); it can be changed. */
export async function acceptAnswer(actor: Actor, questionId: string, answerId: string | null) {
  await prisma.$transaction(async (tx) => {
    const question = await loadQuestion(tx, questionId)
    authorize(canAcceptAnswer(actor, question), 'Bara den som frågade eller en moderator kan välja svar.')
    if (answerId) {
      const answer = await tx.answer.findFirst({ where: { id: answerId, postId: question.id, status: 'visible' }, select: { id: true, authorId: true } })
      invariantResponse(answer, 'Svaret finns inte.')
      await notifyAccepted(tx, { questionId: question.id, answerAuthorId: answer.authorId, answerId: answer.id, actorId: actor.id })
    }
    await tx.post.update({ where: { id: question.id }, data: { acceptedAnswerId: answerId } })
    await enqueueSearchUpdate(tx, 'post', question.id)
  })
}
