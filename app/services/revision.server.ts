import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * Every edit of a post or an answer keeps the version it replaces (a "Revision" row), in the
 * edit's transaction, before the row is updated. An edit that changes neither the title nor
 * the text (tags, files, settings only) keeps nothing: there is no earlier version to show.
 */
type Edit = {
  /** Who edits: the author, a co-editor, or a moderator (`byModerator`). */
  editorId: string
  byModerator?: boolean
  /** The new version, as it is about to be written. */
  after: { title?: string; bodyHtml: string }
}

export async function keepPostRevision(tx: Prisma.TransactionClient, postId: string, edit: Edit) {
  const before = await tx.post.findUniqueOrThrow({ where: { id: postId }, select: { title: true, bodyHtml: true, bodyText: true } })
  if (before.title === (edit.after.title ?? before.title) && before.bodyHtml === edit.after.bodyHtml) return
  await tx.revision.create({ data: { postId, answerId: null, ...before, editorId: edit.editorId, byModerator: edit.byModerator ?? false } })
}

export async function keepAnswerRevision(tx: Prisma.TransactionClient, answerId: string, edit: Edit) {
  const before = await tx.answer.findUniqueOrThrow({ where: { id: answerId }, select: { postId: true, bodyHtml: true, bodyText: true } })
  if (before.bodyHtml === edit.after.bodyHtml) return
  await tx.revision.create({ data: { ...before, answerId, title: null, editorId: edit.editorId, byModerator: edit.byModerator ?? false } })
}
