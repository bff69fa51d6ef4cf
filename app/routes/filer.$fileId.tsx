import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { getFileForDownload } from '#app/models/file.server.ts'
import { recordDownload } from '#app/services/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { notFound } from '#app/utils/errors.server.ts'
import { getFileStorage } from '#app/utils/file-storage.server.ts'
import { isImageMimeType } from '#app/utils/file-type.server.ts'

/**
 * Downloads an uploaded file for a signed-in member. The stored type was decided from the
 * content at upload; nosniff (set on every response by the server), a sandboxing CSP and
 * `attachment` (images: `inline`) keep the browser from treating it as anything else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const file = params.fileId ? await getFileForDownload(params.fileId, member) : null
  if (!file) throw notFound('Filen finns inte.')
  const stream = await getFileStorage().read(file.storageKey)
  if (!stream) throw notFound('Filen finns inte.')
  if (file.postId && file.post?.type === 'artifact' && !file.inline) await recordDownload(file.postId)
  const contentType = file.mimeType.startsWith('text/') ? `${file.mimeType}; charset=utf-8` : file.mimeType
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(isImageMimeType(file.mimeType) ? 'inline' : 'attachment', file.originalName),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'private, max-age=3600',
    },
  })
}

/** RFC 6266: an ASCII fallback name for old clients plus the exact name as RFC 5987 UTF-8. */
function contentDisposition(kind: 'inline' | 'attachment', name: string) {
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
