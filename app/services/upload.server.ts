import { createHash } from 'node:crypto'
import { unstable_parseMultipartFormData, type UploadHandlerPart } from '@remix-run/node'
import { getUploadMaxBytes } from '#app/models/site-settings.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { isActive } from '#app/policies/member.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { checkHoneypot, requireValidMutation, validateCsrf } from '#app/utils/csrf.server.ts'
import { type Prisma, prisma } from '#app/utils/db.server.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { refuseNulInForm } from '#app/utils/nul-character.server.ts'
import { type FileStorage, generateStorageKey, getFileStorage, readStoredBytes } from '#app/utils/file-storage.server.ts'
import { ALLOWED_TYPES_TEXT, type ByteSource, detectFileType, HEAD_BYTES, isImageMimeType, withTypeExtension } from '#app/utils/file-type.server.ts'
import { cleanSingleLine } from '#app/validation/text.ts'

/**
 * File uploads from multipart forms. Each file part streams straight to the file store under
 * a generated key while its size and SHA-256 are counted; a file over the limit is abandoned
 * at the first chunk past it (the partial write is deleted), then its type is decided from
 * the stored bytes and anything off the allow-list is deleted. Callers get text fields, the
 * stored files and per-file Swedish errors, and save FileObject rows in their own transaction
 * with `saveFileObjects` (`discardUploads` when that transaction fails).
 *
 * Forms must render <MutationFields /> (CSRF token and honeypot) before any file input: the
 * token is checked when the first file part arrives, before a byte of it is stored, and a
 * file arriving before the token is refused with 403 rather than buffered.
 */
export type StoredUpload = {
  storageKey: string
  originalName: string
  mimeType: string
  size: number
  sha256: string
}

export type UploadOptions = {
  /** Per file; default the upload limit of the site settings (UPLOAD_MAX_MB unless an admin set one). */
  maxFileBytes?: number
  /** Files per request in `fileField`; default 10. */
  maxFiles?: number
  /** The form field holding the files; default 'filer'. File parts in other fields are read past and ignored. */
  fileField?: string
  /** Default: the app's file store. */
  storage?: FileStorage
  /**
   * Runs once the CSRF token and honeypot have passed, before a byte of any file is stored:
   * where a route counts its rate limit, so a forged or token-less request spends nobody's
   * quota. A Response it throws (429) is the request's answer.
   */
  onVerified?: () => Promise<void>
}

export type ParsedUploadForm = {
  /** The text fields (CSRF token and honeypot already checked). */
  formData: FormData
  files: StoredUpload[]
  /** One Swedish message per refused file. */
  errors: string[]
}

const MB = 1024 * 1024
const MAX_TEXT_BYTES = 256 * 1024
const MAX_PARTS = 1000
/** Room for the text fields and the multipart framing on top of the files themselves. */
const REQUEST_MARGIN_BYTES = MB
export const MAX_FILE_NAME_LENGTH = 200

class FileTooLarge extends Error {}
class RequestTooLarge extends Error {}
/** Reading the request failed (client went away, malformed multipart): a 400, not a 500. */
class RequestBodyError extends Error {}
/** The file store failed: rethrown as the original error (a 500). */
class StorageFailure extends Error {}

/**
 * Reads a multipart form, storing the files of `fileField`. A form posted without files as
 * application/x-www-form-urlencoded is read like `requireValidMutation` does. Throws 403
 * (CSRF or honeypot), 413 (too large) or 400 (unreadable, or a NUL in a text field) Responses;
 * nothing stays stored then.
 */
export async function parseUploadForm(request: Request, options: UploadOptions = {}): Promise<ParsedUploadForm> {
  const { maxFileBytes: givenMaxFileBytes, maxFiles = 10, fileField = 'filer', storage = getFileStorage(), onVerified = async () => {} } = options
  const maxFileBytes = givenMaxFileBytes ?? (await getUploadMaxBytes())
  const maxRequestBytes = maxFiles * maxFileBytes + REQUEST_MARGIN_BYTES
  const tooLargeResponse = () =>
    payloadTooLarge(
      `Det du skickade är för stort. Du kan skicka högst ${maxFiles} ${maxFiles === 1 ? 'fil' : 'filer'} på högst ${formatBytes(maxFileBytes)} var.`,
    )

  if (Number(request.headers.get('Content-Length') ?? '0') > maxRequestBytes) throw tooLargeResponse()
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get('Content-Type') ?? '')) {
    const formData = await requireValidMutation(request)
    await onVerified()
    return { formData, files: [], errors: [] }
  }

  const fields = new FormData()
  const files: StoredUpload[] = []
  const errors: string[] = []
  let requestBytes = 0
  let textBytes = 0
  let parts = 0
  let fileCount = 0
  let verified = false

  const count = (bytes: number) => {
    requestBytes += bytes
    if (requestBytes > maxRequestBytes) throw new RequestTooLarge()
  }
  const verifyMutation = async () => {
    if (verified) return
    validateCsrf(request, fields)
    checkHoneypot(fields)
    verified = true
    await onVerified()
  }
  const drain = async (chunks: AsyncIterator<Uint8Array>) => {
    for await (const chunk of guarded(chunks)) count(chunk.length)
  }

  async function storeFile(chunks: AsyncIterator<Uint8Array>, filename: string) {
    const name = sanitizeFileName(filename)
    const storageKey = generateStorageKey()
    const hash = createHash('sha256')
    const head: Uint8Array[] = []
    let headLength = 0
    let size = 0
    async function* measured() {
      for await (const chunk of guarded(chunks)) {
        count(chunk.length)
        size += chunk.length
        if (size > maxFileBytes) throw new FileTooLarge()
        hash.update(chunk)
        if (headLength < HEAD_BYTES) {
          const piece = chunk.slice(0, HEAD_BYTES - headLength)
          head.push(piece)
          headLength += piece.length
        }
        yield chunk
      }
    }

    try {
      await storage.write(storageKey, measured())
    } catch (error) {
      if (error instanceof FileTooLarge) {
        await drain(chunks)
        errors.push(`Filen ”${name}” är större än ${formatBytes(maxFileBytes)}.`)
        return
      }
      throw isOwnSignal(error) ? error : new StorageFailure('File store write failed', { cause: error })
    }

    try {
      if (size === 0) {
        await storage.remove(storageKey)
        errors.push(`Filen ”${name}” är tom.`)
        return
      }
      const source: ByteSource = {
        size,
        read: (offset, length) => readStoredBytes(storage, storageKey, { offset, length: Math.max(0, Math.min(length, size - offset)) }),
      }
      const type = await detectFileType(Buffer.concat(head), source, name)
      if (!type) {
        await storage.remove(storageKey)
        errors.push(`Filtypen för ”${name}” är inte tillåten. Tillåtna: ${ALLOWED_TYPES_TEXT}.`)
        return
      }
      files.push({
        storageKey,
        originalName: limitFileName(withTypeExtension(name, type)),
        mimeType: type.mime,
        size,
        sha256: hash.digest('hex'),
      })
    } catch (error) {
      await storage.remove(storageKey).catch(() => undefined)
      throw new StorageFailure('File store read failed', { cause: error })
    }
  }

  async function handlePart(part: UploadHandlerPart) {
    if (++parts > MAX_PARTS) throw new RequestTooLarge()
    const chunks = part.data[Symbol.asyncIterator]()
    if (part.filename === undefined) {
      const bytes: Uint8Array[] = []
      for await (const chunk of guarded(chunks)) {
        count(chunk.length)
        textBytes += chunk.length
        if (textBytes > MAX_TEXT_BYTES) throw new RequestTooLarge()
        bytes.push(chunk)
      }
      fields.append(part.name, Buffer.concat(bytes).toString('utf8'))
      return undefined
    }
    await verifyMutation()
    // An empty file input still sends a part (no name, no bytes); other fields' files are ignored.
    if (part.name !== fileField || part.filename === '') return drain(chunks)
    if (++fileCount > maxFiles) {
      if (fileCount === maxFiles + 1) errors.push(`Du kan skicka högst ${maxFiles} ${maxFiles === 1 ? 'fil' : 'filer'} åt gången.`)
      return drain(chunks)
    }
    await storeFile(chunks, part.filename)
    return undefined
  }

  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      await handlePart(part)
      return undefined
    })
    await verifyMutation()
    // Once more: the honeypot field may come after the files.
    checkHoneypot(fields)
    refuseNulInForm(fields)
  } catch (error) {
    await discardUploads(files, storage)
    if (error instanceof Response) throw error
    if (error instanceof RequestTooLarge) throw tooLargeResponse()
    if (error instanceof StorageFailure) throw error.cause
    throw badRequest(unreadableFormMessage(error))
  }
  return { formData: fields, files, errors }
}

/** Iterates the part's bytes, marking failures to read the request as RequestBodyError. */
async function* guarded(chunks: AsyncIterator<Uint8Array>) {
  for (;;) {
    let result: IteratorResult<Uint8Array>
    try {
      result = await chunks.next()
    } catch (error) {
      throw new RequestBodyError('Could not read the request', { cause: error })
    }
    if (result.done) return
    yield result.value
  }
}

function isOwnSignal(error: unknown) {
  return error instanceof FileTooLarge || error instanceof RequestTooLarge || error instanceof RequestBodyError || error instanceof Response
}

function unreadableFormMessage(error: unknown) {
  // The multipart parser splits Content-Disposition on ";" and "=", so such a file name breaks it.
  const cause = error instanceof RequestBodyError ? error.cause : error
  if (cause instanceof Error && /content-disposition/i.test(cause.message)) {
    return 'Formuläret kunde inte läsas. Byt namn på filen så att namnet inte innehåller semikolon (;) eller likhetstecken (=) och försök igen.'
  }
  return 'Formuläret kunde inte läsas.'
}

function payloadTooLarge(message: string) {
  return new Response(JSON.stringify({ id: 'payload-too-large', message }), {
    status: 413,
    headers: { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' },
  })
}

/** "25 MB", "1 kB", "1,5 MB". */
export function formatBytes(bytes: number): string {
  const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 })
  return bytes >= MB ? `${number.format(bytes / MB)} MB` : `${number.format(Math.max(1, bytes / 1024))} kB`
}

/**
 * A file name safe to store and show: the last path segment only, one clean line like every
 * single-line field (no control, bidi or invisible format characters; app/validation/text.ts),
 * without ".." runs or leading/trailing dots; at most 200 characters (the extension kept);
 * "fil" when nothing is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? ''
  const cleaned = cleanSingleLine(base)
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  return limitFileName(cleaned) || 'fil'
}

function limitFileName(name: string): string {
  const characters = Array.from(name)
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name
  const extension = /\.[^.\s]{1,10}$/.exec(name)?.[0] ?? ''
  const stem = characters
    .slice(0, MAX_FILE_NAME_LENGTH - Array.from(extension).length)
    .join('')
    .trimEnd()
  return `${stem}${extension}`
}

export const savedFileSelect = {
  id: true,
  originalName: true,
  mimeType: true,
  size: true,
} satisfies Prisma.FileObjectSelect

/**
 * Creates the FileObject rows inside the caller's transaction, in the uploads' order. Their
 * text is extracted for search later, in the background (file-text.server.ts): a row starts
 * `pending`, and nothing here waits for the extraction or can fail because of it.
 */
export async function saveFileObjects(
  tx: Prisma.TransactionClient,
  uploads: readonly StoredUpload[],
  owner: { uploaderId: string; postId: string | null; inline?: boolean },
) {
  const saved = []
  for (const upload of uploads) {
    saved.push(
      await tx.fileObject.create({
        data: { ...upload, uploaderId: owner.uploaderId, postId: owner.postId, inline: owner.inline ?? false },
        select: savedFileSelect,
      }),
    )
  }
  return saved
}

/**
 * Deletes stored bytes: uploads that will not be saved (validation failed, transaction rolled
 * back), or files whose rows were deleted (call after that transaction commits).
 */
export async function discardUploads(uploads: readonly Pick<StoredUpload, 'storageKey'>[], storage: FileStorage = getFileStorage()) {
  const results = await Promise.allSettled(uploads.map((upload) => storage.remove(upload.storageKey)))
  for (const result of results) {
    if (result.status === 'rejected') console.warn(`Could not delete a discarded upload: ${String(result.reason)}`)
  }
}

/**
 * An image pasted or picked in the rich-text editor: saved untied, for its uploader only, until
 * a saved text shows it (app/services/inline-images.server.ts).
 */
export async function saveEditorImage(actor: Actor, upload: StoredUpload) {
  try {
    authorize(isActive(actor))
    if (!isImageMimeType(upload.mimeType)) throw badRequest('Bara bilder (PNG, JPEG, GIF eller WebP) kan infogas.')
    const [image] = await prisma.$transaction((tx) => saveFileObjects(tx, [upload], { uploaderId: actor.id, postId: null, inline: true }))
    if (!image) throw new Error('The image row was not created')
    return image
  } catch (error) {
    await discardUploads([upload])
    throw error
  }
}
