import { type RichTextDocument, shownImages } from '#app/editor/document.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { discardUploads } from './upload.server.ts'

/**
 * Images inserted into texts through the editor (`/filer/bild`). An upload starts untied:
 * only its uploader (and moderators) can load it while they write. Saving a post's or an
 * answer's body ties the images it shows to that post or answer, in the write's transaction,
 * so they are served under its visibility like attachments (app/models/file.server.ts); an
 * edit that drops an image unties it. The hourly maintenance deletes untied images once the
 * grace period for texts still being written has passed (rows first, bytes after the commit).
 *
 * A text shows only its own images: those already tied to it and the writer's own untied
 * uploads. Any other id (someone else's upload, an image of another text, one that is gone)
 * is refused with a 400, so knowing an image's id never ties it to your text or lets it
 * outlive the text it belongs to.
 */
export type ImageHolder = { postId: string; answerId: string | null }

/** How long an image may wait untied: a member may spend the day writing a long post. */
const UNTIED_IMAGE_GRACE_HOURS = 24

function refusedImageMessage(alt: string | null) {
  const which = alt ? `Bilden ”${alt}”` : 'En av bilderna'
  return `${which} går inte att spara i texten: bara bilder du själv har infogat här kan visas. Ta bort bilden och infoga den på nytt.`
}

/** Inside the write's transaction, after the post or answer row exists with its new body. */
export async function tieShownImages(tx: Prisma.TransactionClient, holder: ImageHolder, doc: RichTextDocument, writerId: string) {
  const images = shownImages(doc)
  const ids = images.map((image) => image.id)
  const holderWhere = { inline: true, postId: holder.postId, answerId: holder.answerId }
  await tx.fileObject.updateMany({ where: { id: { in: ids }, inline: true, postId: null, uploaderId: writerId }, data: holder })
  const held = new Set((await tx.fileObject.findMany({ where: { ...holderWhere, id: { in: ids } }, select: { id: true } })).map((file) => file.id))
  const refused = images.find((image) => !held.has(image.id))
  if (refused) throw badRequest(refusedImageMessage(refused.alt))
  await tx.fileObject.updateMany({ where: { ...holderWhere, id: { notIn: ids } }, data: { postId: null, answerId: null } })
}

/**
 * Deletes the images no saved text shows (never tied, or dropped by an edit) that are older
 * than the grace period. One statement, so an image tied meanwhile is never taken.
 */
export async function deleteUntiedImages(now = new Date()) {
  const cutoff = new Date(now.getTime() - UNTIED_IMAGE_GRACE_HOURS * 60 * 60 * 1000)
  const deleted = await prisma.$queryRaw<Array<{ storageKey: string }>>`
    DELETE FROM "FileObject" WHERE "inline" AND "postId" IS NULL AND "createdAt" < ${cutoff}::timestamp
    RETURNING "storageKey"`
  await discardUploads(deleted)
}
