import type { Prisma } from '#app/generated/prisma/client.ts'

/** Makes the post's tags exactly `names` (already normalised), creating new tags on the way. */
export async function setPostTags(tx: Prisma.TransactionClient, postId: string, names: string[], postActivityAt: Date) {
  if (names.length > 0) {
    await tx.tag.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true })
  }
  const tags = names.length > 0 ? await tx.tag.findMany({ where: { name: { in: names } }, select: { id: true } }) : []
  const tagIds = tags.map((tag) => tag.id)
  await tx.postTag.deleteMany({ where: { postId, tagId: { notIn: tagIds } } })
  await tx.postTag.createMany({
    data: tagIds.map((tagId) => ({ postId, tagId, postActivityAt })),
    skipDuplicates: true,
  })
}

/** Keeps the tag index's copy of the post's activity time in step. */
export async function touchPostTags(tx: Prisma.TransactionClient, postId: string, postActivityAt: Date) {
  await tx.postTag.updateMany({ where: { postId }, data: { postActivityAt } })
}
