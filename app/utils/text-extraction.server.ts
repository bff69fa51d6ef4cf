import { getResolvedPDFJS } from 'unpdf'
import { readZipEntries } from './zip-reader.server.ts'

/**
 * The text of an uploaded file, for search: PDF (its text layer), DOCX (the body, footnotes,
 * endnotes, headers and footers), ODT (the body) and UTF-8 text (TXT, CSV, Markdown). Pure:
 * bytes in, text out. Everything is bounded — input size, PDF pages and time, inflated zip
 * entries, output characters — and nothing throws: a file that cannot be read is reported
 * as `unreadable` with the reason, one without text (a scanned PDF, an image, an empty file,
 * another type) as `empty`.
 *
 * The text keeps paragraphs as lines; runs of other whitespace become one space, control
 * characters and empty lines go, and it is NFC and well-formed.
 */
export type ExtractedText = { status: 'text'; text: string } | { status: 'empty'; reason: string } | { status: 'unreadable'; reason: string }

export type ExtractionLimits = {
  /** Output characters: the search document's text limit (DOCUMENT_TEXT_MAX). */
  maxChars: number
  maxInputBytes?: number
  maxPdfPages?: number
  pdfTimeBudgetMs?: number
  /** Inflated size of one zip entry (DOCX/ODT XML). */
  maxZipEntryBytes?: number
  /** Inflated size of all zip entries read from one file. */
  maxZipTotalBytes?: number
}

const MB = 1024 * 1024

export const EXTRACTION_DEFAULTS = {
  maxInputBytes: 50 * MB,
  maxPdfPages: 500,
  pdfTimeBudgetMs: 20_000,
  maxZipEntryBytes: 32 * MB,
  maxZipTotalBytes: 64 * MB,
} as const satisfies Omit<Required<ExtractionLimits>, 'maxChars'>

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const ODT = 'application/vnd.oasis.opendocument.text'
const PLAIN_TEXT_TYPES: readonly string[] = ['text/plain', 'text/csv', 'text/markdown']

/** Whether text is extracted from files of this type (the others are `empty` without a look). */
function isExtractableType(mimeType: string): boolean {
  return mimeType === 'application/pdf' || mimeType === DOCX || mimeType === ODT || PLAIN_TEXT_TYPES.includes(mimeType)
}

type Limits = Required<ExtractionLimits>

/** The outcome when the type or the size alone decides it (so the bytes need not be read), otherwise null. */
export function outcomeWithoutReading(mimeType: string, size: number, limits: Pick<ExtractionLimits, 'maxInputBytes'> = {}): ExtractedText | null {
  const maxInputBytes = limits.maxInputBytes ?? EXTRACTION_DEFAULTS.maxInputBytes
  if (!isExtractableType(mimeType)) return { status: 'empty', reason: `${mimeType} is not a type text is extracted from` }
  if (size === 0) return { status: 'empty', reason: 'The file is empty' }
  if (size > maxInputBytes) return { status: 'unreadable', reason: `The file is larger than ${maxInputBytes} bytes` }
  return null
}

export async function extractText(bytes: Uint8Array, mimeType: string, limits: ExtractionLimits): Promise<ExtractedText> {
  const bounds: Limits = { ...EXTRACTION_DEFAULTS, ...limits }
  const decided = outcomeWithoutReading(mimeType, bytes.length, bounds)
  if (decided) return decided
  try {
    const raw =
      mimeType === 'application/pdf'
        ? await pdfText(bytes, bounds)
        : mimeType === DOCX
          ? docxText(bytes, bounds)
          : mimeType === ODT
            ? odtText(bytes, bounds)
            : plainText(bytes, bounds)
    const text = normalizeText(raw, bounds.maxChars)
    return text ? { status: 'text', text } : { status: 'empty', reason: 'No text found' }
  } catch (error) {
    return { status: 'unreadable', reason: reasonOf(error) }
  }
}

// --- PDF --------------------------------------------------------------------------------

/** The text layer, page by page until the page limit, the time budget or enough characters. */
async function pdfText(bytes: Uint8Array, limits: Limits): Promise<string> {
  const { getDocument } = await getResolvedPDFJS()
  // pdf.js may take over (detach) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 })
  const deadline = Date.now() + limits.pdfTimeBudgetMs
  const overBudget = () => new Error(`Not read within ${limits.pdfTimeBudgetMs} ms`)
  let timer: NodeJS.Timeout | undefined
  const withinBudget = <T>(work: Promise<T>) => {
    // Work left behind rejects when the task is destroyed below; that is expected, not unhandled.
    work.catch(() => undefined)
    if (Date.now() >= deadline) return Promise.reject(overBudget())
    return Promise.race([
      work,
      new Promise<never>((_, reject) => {
        clearTimeout(timer)
        timer = setTimeout(() => reject(overBudget()), deadline - Date.now())
      }),
    ])
  }
  try {
    const pdf = await withinBudget(task.promise)
    const pages: string[] = []
    let length = 0
    for (let number = 1; number <= Math.min(pdf.numPages, limits.maxPdfPages) && length <= limits.maxChars; number++) {
      const page = await withinBudget(pdf.getPage(number))
      const content = await withinBudget(page.getTextContent())
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
      page.cleanup()
      pages.push(text)
      length += text.length
    }
    return pages.join('\n')
  } finally {
    clearTimeout(timer)
    await task.destroy()
  }
}

// --- DOCX and ODT -----------------------------------------------------------------------

const DOCX_PARTS = /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/
const DOCX_PART_ORDER = ['document', 'footnotes', 'endnotes', 'header', 'footer']

function docxText(bytes: Uint8Array, limits: Limits): string {
  const parts = readZipEntries(bytes, (name) => DOCX_PARTS.test(name), zipLimits(limits))
  if (!parts.has('word/document.xml')) throw new Error('No word/document.xml in the archive')
  const rank = (name: string) => DOCX_PART_ORDER.indexOf(DOCX_PARTS.exec(name)?.[1]?.replace(/\d+$/, '') ?? '')
  return [...parts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))
    .map(([, xml]) => wordprocessingText(decodeUtf8(xml)))
    .join('\n')
}

/**
 * WordprocessingML: the text runs (<w:t>) only — not field codes (<w:instrText>) or deleted
 * text (<w:delText>) — with paragraphs, breaks and tabs; the fallback copy of text boxes
 * (<mc:Fallback>) is skipped so their text is not there twice.
 */
function wordprocessingText(xml: string): string {
  const tokens = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:(?:br|cr)\b[^>]*\/>|<\/w:p>/g
  let text = ''
  for (const match of xml.replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '').matchAll(tokens)) {
    const [token, run] = match
    if (run !== undefined) text += decodeXmlEntities(run)
    else if (token === '<w:tab/>') text += '\t'
    else text += '\n'
  }
  return text
}

function odtText(bytes: Uint8Array, limits: Limits): string {
  const content = readZipEntries(bytes, (name) => name === 'content.xml', zipLimits(limits)).get('content.xml')
  if (!content) throw new Error('No content.xml in the archive')
  return openDocumentText(decodeUtf8(content))
}

/** OpenDocument: the text nodes of <office:body>, with paragraphs, headings, line breaks, tabs and spaces (<text:s/>). */
function openDocumentText(xml: string): string {
  const body = /<office:body\b[\s\S]*<\/office:body>/.exec(xml)?.[0] ?? ''
  const text = body
    .replace(/<\/text:(?:p|h)>|<text:line-break\/>/g, '\n')
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:s(?:\s[^>]*)?\/>/g, ' ')
    .replace(/<[^>]*>/g, '')
  return decodeXmlEntities(text)
}

function zipLimits(limits: Limits) {
  return { maxEntryBytes: limits.maxZipEntryBytes, maxTotalBytes: limits.maxZipTotalBytes }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** One pass, so "&amp;lt;" stays "&lt;"; references to characters XML does not allow become U+FFFD. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g, (_, hex?: string, decimal?: string, name?: string) => {
    if (name) return XML_ENTITIES[name] ?? ''
    const code = hex ? parseInt(hex, 16) : Number(decimal)
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff)
    return allowed ? String.fromCodePoint(code) : '\uFFFD'
  })
}

// --- plain text --------------------------------------------------------------------------

/** UTF-8 (the upload only accepts text that is); a prefix is enough for the character limit. */
function plainText(bytes: Uint8Array, limits: Limits): string {
  const prefix = bytes.subarray(0, limits.maxChars * 4)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: prefix.length < bytes.length })
  } catch {
    throw new Error('The text is not UTF-8')
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}

// --- output -------------------------------------------------------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// C0 and C1 controls (line breaks and tabs are handled before), bidi controls, BOM and other format characters.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g
const HORIZONTAL_SPACE = /[^\S\n]+/g

/** Lines trimmed and without empty ones, spaces collapsed, NFC, at most `maxChars` (cut at a code point). */
export function normalizeText(text: string, maxChars: number): string {
  const cleaned = text
    .slice(0, maxChars * 2)
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROL, '')
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n')
  if (cleaned.length <= maxChars) return cleaned
  const last = cleaned.charCodeAt(maxChars - 1)
  return cleaned.slice(0, last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars).trimEnd()
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error)
  return message.slice(0, 500)
}
