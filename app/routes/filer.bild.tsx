import type { ActionFunctionArgs } from '@remix-run/node'
import { discardUploads, parseUploadForm, saveEditorImage } from '#app/services/upload.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { isImageMimeType } from '#app/utils/file-type.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'

const NO_IMAGE = 'Välj en bild att ladda upp.'
const NOT_AN_IMAGE = 'Bara bilder (PNG, JPEG, GIF eller WebP) kan infogas.'

/**
 * Image upload for the rich-text editor (field `bild`, one file, after the CSRF field):
 * answers `{ src, alt }` to insert, or 400 `{ error }` in Swedish. Guard failures come as
 * the usual error JSON (`{ id, message }`: 403 CSRF, 413 too large, 429 rate limit).
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const { files, errors } = await parseUploadForm(request, { fileField: 'bild', maxFiles: 1, onVerified: () => enforceRateLimit('posting', actor.id) })
  const [image] = files
  if (!image || errors.length > 0 || !isImageMimeType(image.mimeType)) {
    await discardUploads(files)
    return Response.json({ error: errors[0] ?? (image ? NOT_AN_IMAGE : NO_IMAGE) }, { status: 400 })
  }
  const saved = await saveEditorImage(actor, image)
  return Response.json({ src: `/filer/${saved.id}`, alt: saved.originalName })
}
