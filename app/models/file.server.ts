import type { Prisma } from '#app/generated/prisma/client.ts'
import { contentOnPageWhere } from '#app/policies/content.ts'
import { type ActorLike, canModerate } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Reads of uploaded files. A file of a post (an attachment, or an image its body or one of its
 * answers shows) is visible to whoever may see that post, and that answer (`canSeeContent`:
 * visible ones to members, hidden ones also to their author, moderators everything). An
 * inline image no saved text shows yet is its uploader's while they write. Other files
 * without a post (detached from one) are visible to moderators only.
 */
export const fileDownloadSelect = {
  id: true,
  storageKey: true,
  originalName: true,
  mimeType: true,
  size: true,
  sha256: true,
  postId: true,
  inline: true,
  post: { select: { type: true, status: true } },
} satisfies Prisma.FileObjectSelect

export function visibleFileWhere(viewer: ActorLike): Prisma.FileObjectWhereInput {
  if (canModerate(viewer)) return {}
  return {
    OR: [
      { inline: true, postId: null, uploaderId: viewer.id },
      { post: contentOnPageWhere(viewer), OR: [{ answerId: null }, { answer: contentOnPageWhere(viewer) }] },
    ],
  }
}

/** The file and its post's type and status, or null when it does not exist or is not visible to the viewer. */
export async function getFileForDownload(id: string, viewer: ActorLike) {
  return prisma.fileObject.findFirst({ where: { id, ...visibleFileWhere(viewer) }, select: fileDownloadSelect })
}
