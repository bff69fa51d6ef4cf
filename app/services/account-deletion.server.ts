import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { conflict, invariantResponse } from '#app/utils/errors.server.ts'
import { writeAudit } from './audit.server.ts'
import { type DeletionChoice, MEMBER_REFERENCES, type MemberReference, referenceMatch } from './member-data-tables.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'
import { discardUploads } from './upload.server.ts'

/**
 * A member deletes their own account. One transaction: every reference in
 * MEMBER_REFERENCES is handled as it says for the member's choice, the user row (and so
 * every session) goes, the counters of other members' posts and answers are corrected,
 * the search index is told about every post that changed, and the audit log records it.
 * Stored file bytes are removed after the commit.
 */
export const LAST_ADMIN_MESSAGE = 'Du är den enda administratören. Gör någon annan till administratör innan du raderar ditt konto.'

type Member = { id: string; email: string }

/** Runs one registry entry's handling for the member. */
async function applyReference(tx: Prisma.TransactionClient, reference: MemberReference, member: Member, choice: DeletionChoice) {
  const handling = reference.onDelete[choice]
  if (handling === 'keep') return
  const { where, value } = referenceMatch(reference, member)
  if (handling === 'delete') {
    await tx.$executeRawUnsafe(`DELETE FROM "${reference.table}" WHERE ${where}`, value)
    return
  }
  const columns = [reference.column, ...(reference.alsoClear ?? [])].map((column) => `"${column}" = NULL`).join(', ')
  await tx.$executeRawUnsafe(`UPDATE "${reference.table}" SET ${columns} WHERE ${where}`, value)
}

/**
 * The files that go: the member's images no saved text shows, and with "remove" their uploads
 * and every file of the removed posts and answers (others' too: the thread is gone, and a file
 * left without its post would only linger).
 */
function filesToDelete(tx: Prisma.TransactionClient, userId: string, choice: DeletionChoice, removed: { postIds: string[]; answerIds: string[] }) {
  const untiedImages = { uploaderId: userId, inline: true, postId: null }
  const withContent = [{ uploaderId: userId }, { postId: { in: removed.postIds } }, { answerId: { in: removed.answerIds } }]
  return tx.fileObject.findMany({ where: { OR: choice === 'remove' ? withContent : [untiedImages] }, select: { id: true, storageKey: true } })
}

/** What the deletion changes besides the member's own rows, read before anything is deleted. */
async function loadAffected(tx: Prisma.TransactionClient, userId: string, choice: DeletionChoice) {
  const [posts, answers, comments, likes, votes] = await Promise.all([
    tx.post.findMany({ where: { authorId: userId }, select: { id: true } }),
    tx.answer.findMany({ where: { authorId: userId }, select: { id: true, postId: true, status: true } }),
    tx.comment.findMany({ where: { authorId: userId }, select: { postId: true, status: true } }),
    tx.postLike.findMany({ where: { userId }, select: { postId: true } }),
    tx.answerVote.findMany({ where: { userId }, select: { answerId: true } }),
  ])
  const files = await filesToDelete(tx, userId, choice, { postIds: posts.map((post) => post.id), answerIds: answers.map((answer) => answer.id) })
  const visibleCounts = (rows: Array<{ postId: string; status: string }>) => {
    const counts = new Map<string, number>()
    for (const row of rows) if (row.status === 'visible') counts.set(row.postId, (counts.get(row.postId) ?? 0) + 1)
    return { ids: [...counts.keys()], counts: [...counts.values()] }
  }
  return {
    posts: posts.map((post) => post.id),
    answers,
    comments,
    visibleAnswers: visibleCounts(answers),
    visibleComments: visibleCounts(comments),
    likedPostIds: likes.map((like) => like.postId),
    votedAnswerIds: votes.map((vote) => vote.answerId),
    files,
  }
}

export async function deleteAccount(member: Member, choice: DeletionChoice) {
  const files = await prisma.$transaction(async (tx) => {
    // Locks the admins' rows, so two admins deleting themselves at once cannot both pass.
    const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "User" WHERE "role" = 'admin' AND "status" = 'active' FOR UPDATE`
    const user = await tx.user.findUnique({ where: { id: member.id }, select: { id: true, email: true, role: true } })
    invariantResponse(user, 'Kontot finns inte.')
    if (user.role === 'admin' && admins.every((admin) => admin.id === user.id)) throw conflict(LAST_ADMIN_MESSAGE)

    const affected = await loadAffected(tx, user.id, choice)
    await tx.fileObject.deleteMany({ where: { id: { in: affected.files.map((file) => file.id) } } })
    for (const reference of MEMBER_REFERENCES) await applyReference(tx, reference, user, choice)
    await tx.user.delete({ where: { id: user.id } })

    // Others' counters: the member's likes and votes are gone, and so are their answers and comments when removed.
    await tx.$executeRaw`UPDATE "Post" SET "likeCount" = GREATEST("likeCount" - 1, 0) WHERE "id" = ANY(${affected.likedPostIds}::text[])`
    await tx.$executeRaw`
      UPDATE "Answer" a SET "score" = (SELECT COALESCE(SUM(v."value"), 0) FROM "AnswerVote" v WHERE v."answerId" = a."id")
      WHERE a."id" = ANY(${affected.votedAnswerIds}::text[])`
    if (choice === 'remove') {
      await tx.$executeRaw`
        UPDATE "Post" p SET "answerCount" = GREATEST(p."answerCount" - d.n, 0)
        FROM unnest(${affected.visibleAnswers.ids}::text[], ${affected.visibleAnswers.counts}::int[]) AS d(id, n) WHERE p."id" = d.id`
      await tx.$executeRaw`
        UPDATE "Post" p SET "commentCount" = GREATEST(p."commentCount" - d.n, 0)
        FROM unnest(${affected.visibleComments.ids}::text[], ${affected.visibleComments.counts}::int[]) AS d(id, n) WHERE p."id" = d.id`
    }

    // Removed posts leave the index; answered posts lose (or keep, anonymised) the member's answers.
    const changedPosts = [...new Set([...affected.posts, ...affected.answers.map((answer) => answer.postId)])].sort()
    for (const postId of changedPosts) await enqueueSearchUpdate(tx, 'post', postId)

    await writeAudit(
      tx,
      { id: user.id, name: 'Tidigare medlem' },
      {
        action: 'member.deleted-account',
        targetType: 'user',
        targetId: user.id,
        data: { content: choice, posts: affected.posts.length, answers: affected.answers.length, comments: affected.comments.length },
      },
    )
    return affected.files
  })
  await discardUploads(files)
}
