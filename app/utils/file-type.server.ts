/**
 * What an uploaded file is, decided by its bytes (magic numbers, and for zip files the entry
 * names), never by its name or the browser's Content-Type. Only the allow-listed types pass;
 * everything else (executables, HTML, SVG, scripts, unknown binaries) is refused.
 *
 * Zip inspection is bounded: the first local header (OpenDocument's `mimetype` entry) from
 * the head, the end-of-central-directory record from the last 64 KB, and at most
 * MAX_ZIP_ENTRIES names from at most MAX_CENTRAL_DIRECTORY_BYTES of the central directory.
 */
export type DetectedFileType = {
  mime: string
  /** The canonical extension, without the dot. */
  extension: string
  /** Safe to show in the page (images only); everything else downloads as an attachment. */
  inlineSafe: boolean
}

type TypeInfo = DetectedFileType & { extensions: readonly string[] }

const type = (mime: string, extensions: readonly [string, ...string[]], inlineSafe = false): TypeInfo => ({
  mime,
  extension: extensions[0],
  inlineSafe,
  extensions,
})

const TYPES = {
  pdf: type('application/pdf', ['pdf']),
  png: type('image/png', ['png'], true),
  jpeg: type('image/jpeg', ['jpg', 'jpeg', 'jpe', 'jfif'], true),
  gif: type('image/gif', ['gif'], true),
  webp: type('image/webp', ['webp'], true),
  zip: type('application/zip', ['zip']),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx']),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx']),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx']),
  odt: type('application/vnd.oasis.opendocument.text', ['odt']),
  ods: type('application/vnd.oasis.opendocument.spreadsheet', ['ods']),
  odp: type('application/vnd.oasis.opendocument.presentation', ['odp']),
  csv: type('text/csv', ['csv']),
  // Plain text keeps only harmless extensions: "run.bat" is stored as "run.bat.txt".
  txt: type('text/plain', ['txt', 'text', 'md', 'log', 'csv', 'tsv', 'json']),
} as const

type TypeName = keyof typeof TYPES

/** For error messages: the allow-list in words. */
export const ALLOWED_TYPES_TEXT = 'PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG, JPEG, GIF, WebP och ZIP'

/** For `<input type="file" accept=…>` (a hint to the file picker; the server decides). */
export const UPLOAD_ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.csv,.txt,.png,.jpg,.jpeg,.gif,.webp,.zip'
export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.gif,.webp'

export const IMAGE_MIME_TYPES: readonly string[] = [TYPES.png.mime, TYPES.jpeg.mime, TYPES.gif.mime, TYPES.webp.mime]

export function isImageMimeType(mime: string): boolean {
  return IMAGE_MIME_TYPES.includes(mime)
}

/** How detection reads beyond the head: random access to the stored bytes. */
export type ByteSource = {
  size: number
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>
}

/** A ByteSource over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) }
}

/** How many leading bytes detection wants in `head`. */
export const HEAD_BYTES = 64 * 1024

const MAX_ZIP_ENTRIES = 5000
const MAX_CENTRAL_DIRECTORY_BYTES = 1024 * 1024
const TEXT_CHUNK_BYTES = 1024 * 1024

/**
 * The file's type from its content, or null when it is not on the allow-list. `head` is the
 * first HEAD_BYTES (or the whole file when smaller); `source` reads the rest. The name only
 * tells CSV from plain text (both are text; a .csv that looks delimited is CSV).
 */
export async function detectFileType(head: Uint8Array, source: ByteSource, originalName: string): Promise<DetectedFileType | null> {
  if (source.size === 0) return null
  const found = await detect(head, source, originalName)
  if (!found) return null
  const { mime, extension, inlineSafe } = TYPES[found]
  return { mime, extension, inlineSafe }
}

async function detect(head: Uint8Array, source: ByteSource, originalName: string): Promise<TypeName | null> {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif'
  if (startsWith(head, ascii('RIFF')) && startsWith(head.subarray(8), ascii('WEBP'))) return 'webp'
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return detectZip(head, source)
  if (await isUtf8Text(head, source)) {
    const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '')
    // Markup (HTML, SVG, XML) is what browsers sniff and run; it is not "plain text" here.
    if (text.trimStart().startsWith('<')) return null
    return /\.csv$/i.test(originalName.trim()) && looksDelimited(text, head.length < source.size) ? 'csv' : 'txt'
  }
  return null
}

/** The name with the detected type's extension appended unless it already has a fitting one. */
export function withTypeExtension(name: string, detected: DetectedFileType): string {
  const info = Object.values(TYPES).find((candidate) => candidate.mime === detected.mime)
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase()
  if (info && extension && info.extensions.includes(extension)) return name
  return `${name}.${detected.extension}`
}

// --- zip -------------------------------------------------------------------------------

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const EOCD_SIZE = 22

const OPEN_DOCUMENT: Record<string, TypeName> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
}

async function detectZip(head: Uint8Array, source: ByteSource): Promise<TypeName | null> {
  const directory = await readCentralDirectory(source)
  if (!directory) return null
  if (directory === 'zip64') return 'zip'

  const openDocument = openDocumentType(head)
  if (openDocument) return openDocument

  if (directory.includes('[Content_Types].xml')) {
    if (directory.some((name) => name.startsWith('word/'))) return 'docx'
    if (directory.some((name) => name.startsWith('xl/'))) return 'xlsx'
    if (directory.some((name) => name.startsWith('ppt/'))) return 'pptx'
  }
  return 'zip'
}

/** OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type. */
function openDocumentType(head: Uint8Array): TypeName | null {
  if (head.length < 30 || u32(head, 0) !== LOCAL_HEADER) return null
  const method = u16(head, 8)
  const compressedSize = u32(head, 18)
  const nameLength = u16(head, 26)
  const extraLength = u16(head, 28)
  if (nameLength !== 8 || latin1(head.subarray(30, 38)) !== 'mimetype' || method !== 0 || compressedSize > 100) return null
  const start = 30 + nameLength + extraLength
  if (start + compressedSize > head.length) return null
  return OPEN_DOCUMENT[latin1(head.subarray(start, start + compressedSize))] ?? null
}

/** Entry names from the central directory; 'zip64' when the archive needs ZIP64; null when malformed. */
async function readCentralDirectory(source: ByteSource): Promise<string[] | 'zip64' | null> {
  const tailLength = Math.min(source.size, EOCD_SIZE + 0xffff)
  const tailStart = source.size - tailLength
  const tail = await source.read(tailStart, tailLength)
  let eocd = -1
  for (let index = tail.length - EOCD_SIZE; index >= 0; index--) {
    if (u32(tail, index) === END_OF_CENTRAL_DIRECTORY) {
      eocd = index
      break
    }
  }
  if (eocd < 0) return null
  const entryCount = u16(tail, eocd + 10)
  const directorySize = u32(tail, eocd + 12)
  const directoryOffset = u32(tail, eocd + 16)
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return 'zip64'
  if (directoryOffset + directorySize > tailStart + eocd) return null

  const directory = await source.read(directoryOffset, Math.min(directorySize, MAX_CENTRAL_DIRECTORY_BYTES))
  const names: string[] = []
  let offset = 0
  while (names.length < Math.min(entryCount, MAX_ZIP_ENTRIES) && offset + 46 <= directory.length) {
    if (u32(directory, offset) !== CENTRAL_HEADER) return null
    const nameLength = u16(directory, offset + 28)
    const extraLength = u16(directory, offset + 30)
    const commentLength = u16(directory, offset + 32)
    if (offset + 46 + nameLength > directory.length) break
    names.push(new TextDecoder('utf-8').decode(directory.subarray(offset + 46, offset + 46 + nameLength)))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}

// --- text ------------------------------------------------------------------------------

/** Valid UTF-8 without NUL bytes, checked over the whole file (the rest is read in chunks). */
async function isUtf8Text(head: Uint8Array, source: ByteSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    if (head.includes(0)) return false
    decoder.decode(head, { stream: true })
    for (let offset = head.length; offset < source.size; offset += TEXT_CHUNK_BYTES) {
      const chunk = await source.read(offset, TEXT_CHUNK_BYTES)
      if (chunk.length === 0) break
      if (chunk.includes(0)) return false
      decoder.decode(chunk, { stream: true })
    }
    decoder.decode()
    return true
  } catch {
    return false
  }
}

/**
 * Delimited text: the first record has a comma, semicolon or tab outside quotes, and most of
 * the first records have the same number of them. `truncated` drops the cut-off last record.
 */
function looksDelimited(text: string, truncated: boolean): boolean {
  const records = splitRecords(text.slice(0, 16 * 1024))
  if (truncated || text.length > 16 * 1024) records.pop()
  const sample = records.filter((record) => record.trim() !== '').slice(0, 20)
  const first = sample[0]
  if (first === undefined) return false
  return [';', ',', '\t'].some((delimiter) => {
    const expected = countOutsideQuotes(first, delimiter)
    if (expected === 0) return false
    const matching = sample.filter((record) => countOutsideQuotes(record, delimiter) === expected).length
    return matching >= Math.ceil(sample.length * 0.8)
  })
}

/** Records end at line breaks outside double quotes (fields may span lines). */
function splitRecords(text: string): string[] {
  const records: string[] = []
  let quoted = false
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) {
      records.push(text.slice(start, index))
      if (char === '\r' && text[index + 1] === '\n') index++
      start = index + 1
    }
  }
  records.push(text.slice(start))
  return records
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let quoted = false
  let count = 0
  for (const char of record) {
    if (char === '"') quoted = !quoted
    else if (!quoted && char === delimiter) count++
  }
  return count
}

// --- bytes -----------------------------------------------------------------------------

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0))
}

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>): boolean {
  if (bytes.length < prefix.length) return false
  for (let index = 0; index < prefix.length; index++) if (bytes[index] !== prefix[index]) return false
  return true
}

function u16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8)
}

function u32(bytes: Uint8Array, offset: number): number {
  return (u16(bytes, offset) | (u16(bytes, offset + 2) << 16)) >>> 0
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}
