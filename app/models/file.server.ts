import type { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { type ActorLike, canModerate } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { IMAGE_MIME_TYPES } from '#app/utils/file-type.server.ts'

/**
 * Reads of uploaded files. A file attached to a post is visible when its post is (moderators
 * also see files of hidden and deleted posts, as they see the posts); an image without a post
 * (inserted in the editor) is visible to every signed-in member. Other files without a post
 * (detached from one) are visible to moderators only.
 */
export const fileDownloadSelect = {
  id: true,
  storageKey: true,
  originalName: true,
  mimeType: true,
  size: true,
  sha256: true,
  postId: true,
  post: { select: { type: true, status: true } },
} satisfies Prisma.FileObjectSelect

export function visibleFileWhere(viewer: ActorLike): Prisma.FileObjectWhereInput {
  if (canModerate(viewer)) return {}
  return { OR: [{ postId: null, mimeType: { in: [...IMAGE_MIME_TYPES] } }, { post: visibleContentWhere }] }
}

/** The file and its post's type and status, or null when it does not exist or is not visible to the viewer. */
export async function getFileForDownload(id: string, viewer: ActorLike) {
  return prisma.fileObject.findFirst({ where: { id, ...visibleFileWhere(viewer) }, select: fileDownloadSelect })
}
