import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import type { Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { notifyComment } from './notification.server.ts'
import { createOnce } from './submission.server.ts'

/**
 * Comments, likes and bookmarks on visible posts. Counters change in the same transaction;
 * a comment is added once per submission key (submission.server.ts). Deleting a comment:
 * content-moderation.server.ts.
 */
async function loadVisiblePost(tx: Prisma.TransactionClient, postId: string) {
  const post = await tx.post.findFirst({ where: { id: postId, ...visibleContentWhere }, select: { id: true, type: true, title: true, authorId: true } })
  invariantResponse(post, 'Inlägget finns inte.')
  return post
}

export async function addComment(actor: Actor, postId: string, body: string, submissionKey: string | null = null) {
  authorize(actor.status === 'active')
  const create = () =>
    prisma.$transaction(async (tx) => {
      const post = await loadVisiblePost(tx, postId)
      if (post.type === 'question') throw badRequest('Frågor besvaras med svar, inte kommentarer.')
      const comment = await tx.comment.create({ data: { postId: post.id, authorId: actor.id, body, submissionKey }, select: { id: true } })
      await tx.post.update({ where: { id: post.id }, data: { commentCount: { increment: 1 } } })
      await notifyComment(tx, { postId: post.id, authorId: post.authorId, commentId: comment.id, actorId: actor.id })
      return comment
    })
  return createOnce(submissionKey, create, () => prisma.comment.findFirst({ where: { authorId: actor.id, submissionKey, postId }, select: { id: true } }))
}

/** Likes and bookmarks are toggles: on when `on`, off otherwise; repeating is a no-op. */
export async function setLike(actor: Actor, postId: string, on: boolean) {
  authorize(actor.status === 'active')
  await prisma.$transaction(async (tx) => {
    const post = await loadVisiblePost(tx, postId)
    const key = { postId_userId: { postId: post.id, userId: actor.id } }
    const existing = await tx.postLike.findUnique({ where: key, select: { postId: true } })
    if (on === Boolean(existing)) return
    if (on) await tx.postLike.create({ data: { postId: post.id, userId: actor.id } })
    else await tx.postLike.delete({ where: key })
    await tx.post.update({ where: { id: post.id }, data: { likeCount: { increment: on ? 1 : -1 } } })
  })
}

export async function setBookmark(actor: Actor, postId: string, on: boolean) {
  authorize(actor.status === 'active')
  await prisma.$transaction(async (tx) => {
    const post = await loadVisiblePost(tx, postId)
    if (on) {
      await tx.bookmark.createMany({ data: [{ postId: post.id, userId: actor.id }], skipDuplicates: true })
    } else {
      await tx.bookmark.deleteMany({ where: { postId: post.id, userId: actor.id } })
    }
  })
}
