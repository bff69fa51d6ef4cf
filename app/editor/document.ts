import { z } from 'zod'
import {
  EditorLimits,
  HEADING_LEVELS,
  isAllowedImageSrc,
  isAllowedLinkHref,
  isAllowedMentionId,
  LINK_REL,
  MENTION_CHAR,
  mentionText,
  type RichTextMarkType,
  type RichTextNodeType,
  UPLOAD_PATH_PREFIX,
} from './extensions.ts'

/**
 * The stored form of rich text: ProseMirror JSON with only the node types, marks and
 * attributes that app/editor/extensions.ts declares. Isomorphic, so the same schema runs in
 * the form action and could run in the browser.
 *
 * Validation runs in three steps, cheapest first, so hostile input never reaches a recursive
 * parser unbounded: (1) an iterative walk bounds depth, node count, text length and JSON size;
 * (2) Zod checks every node's shape and attributes (strict objects: unknown keys are refused);
 * (3) a tree walk checks the content model (what may contain what) and mark rules the same way
 * ProseMirror's `Node.check()` would.
 */

export const RichTextMessages = {
  empty: 'Skriv en text.',
  tooLong: 'Texten är för lång.',
  tooDeep: 'Texten är för djupt nästlad.',
  invalid: 'Texten innehåller otillåtet innehåll.',
  invalidLink: 'Länkar måste börja med https://, http:// eller mailto:.',
  invalidImage: 'Bilder måste vara uppladdade till Samverka.',
  invalidMention: 'Texten nämner en medlem på ett sätt som inte går att spara. Ta bort omnämnandet och välj medlemmen i listan igen.',
} as const

export type LinkAttrs = { href: string; target: null; rel: string; class: null; title: string | null }
export type RichTextMark = { type: Exclude<RichTextMarkType, 'link'> } | { type: 'link'; attrs: LinkAttrs }
export type RichTextNode = {
  type: Exclude<RichTextNodeType, 'doc'>
  attrs?: Record<string, unknown>
  content?: RichTextNode[]
  marks?: RichTextMark[]
  text?: string
}
export type RichTextDocument = { type: 'doc'; content: RichTextNode[] }
/** A mention's attributes once validated: the label is what the client sent until the server sets the member's name. */
type MentionAttrs = { id: string; label: string; mentionSuggestionChar: typeof MENTION_CHAR }

// C0/C1 controls (tab and newline are text), bidi embeddings, overrides and isolates (they can
// reorder the text around them on the page), lone surrogates and non-characters.
const UNSAFE_CHARACTER_CLASS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/u
const UNSAFE_CHARACTERS = new RegExp(UNSAFE_CHARACTER_CLASS.source, 'gu')

/** Removes the characters that documents may not contain; the editor applies it to pastes. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '')
}

function hasUnsafeCharacters(text: string) {
  return UNSAFE_CHARACTER_CLASS.test(text)
}

// ---------------------------------------------------------------------------------------------
// Step 1: bounds, without recursion.

const utf8 = new TextEncoder()

/** Returns a Swedish message when `value` is too big or too deep to look at, else null. */
function checkBounds(value: unknown): string | null {
  // Containers nest twice per node level (node → content array → node) plus marks/attrs.
  const maxContainerDepth = EditorLimits.maxDepth * 2 + 6
  const maxValues = EditorLimits.maxNodes * 20
  const stack: Array<{ value: unknown; containerDepth: number; nodeDepth: number }> = [{ value, containerDepth: 1, nodeDepth: 1 }]
  let values = 0
  let nodes = 0
  let textLength = 0
  while (stack.length > 0) {
    const entry = stack.pop()
    if (!entry || typeof entry.value !== 'object' || entry.value === null) continue
    if (entry.nodeDepth > EditorLimits.maxDepth || entry.containerDepth > maxContainerDepth) return RichTextMessages.tooDeep
    if (Array.isArray(entry.value)) {
      values += entry.value.length
      if (values > maxValues) return RichTextMessages.tooLong
      for (const item of entry.value) stack.push({ value: item, containerDepth: entry.containerDepth + 1, nodeDepth: entry.nodeDepth })
      continue
    }
    const record = entry.value as Record<string, unknown>
    if ('type' in record) {
      nodes += 1
      if (nodes > EditorLimits.maxNodes) return RichTextMessages.tooLong
    }
    if (typeof record.text === 'string') {
      textLength += record.text.length
      if (textLength > EditorLimits.maxTextLength) return RichTextMessages.tooLong
    }
    const keys = Object.keys(record)
    values += keys.length
    if (values > maxValues) return RichTextMessages.tooLong
    for (const key of keys) {
      // Children in `content` are one node level deeper; marks and attrs are not.
      const nodeDepth = key === 'content' ? entry.nodeDepth + 1 : entry.nodeDepth
      stack.push({ value: record[key], containerDepth: entry.containerDepth + 1, nodeDepth })
    }
  }
  // Depth and width are bounded now, so serialising cannot blow the stack or take long.
  if (utf8.encode(JSON.stringify(value) ?? '').length > EditorLimits.maxJsonBytes) return RichTextMessages.tooLong
  return null
}

// ---------------------------------------------------------------------------------------------
// Step 2: shapes and attributes.

const safeString = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasUnsafeCharacters(value))

/** Image alt and link/image titles: an odd value becomes null instead of failing the whole text. */
const optionalLabel = (max: number) =>
  safeString(max)
    .nullable()
    .optional()
    .catch(null)
    .transform((value) => value ?? null)
const noAttrs = z.object({}).strict().optional()

const span = z.number().int().min(1).max(EditorLimits.maxTableSpan).optional()
const cellAttrs = z
  .object({
    colspan: span,
    rowspan: span,
    colwidth: z.array(z.number().int().min(0).max(10_000)).max(EditorLimits.maxTableSpan).nullable().optional().catch(null),
  })
  .strict()
  .optional()

const linkAttrs = z
  .object({
    href: z.string().refine(isAllowedLinkHref, { message: RichTextMessages.invalidLink }),
    // Canonicalised: every link is rendered with LINK_REL and without target or class.
    target: z.string().max(100).nullable().optional(),
    rel: z.string().max(100).nullable().optional(),
    class: z.string().max(100).nullable().optional(),
    title: optionalLabel(EditorLimits.maxTitleLength),
  })
  .strict()
  .transform((attrs): LinkAttrs => ({ href: attrs.href, target: null, rel: LINK_REL, class: null, title: attrs.title }))

const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold'), attrs: noAttrs }).strict(),
  z.object({ type: z.literal('italic'), attrs: noAttrs }).strict(),
  z.object({ type: z.literal('strike'), attrs: noAttrs }).strict(),
  z.object({ type: z.literal('code'), attrs: noAttrs }).strict(),
  z.object({ type: z.literal('link'), attrs: linkAttrs }).strict(),
])

const mentionAttrs = z
  .object({
    id: z.string().refine(isAllowedMentionId, { message: RichTextMessages.invalidMention }),
    label: safeString(EditorLimits.maxMentionLabelLength),
    mentionSuggestionChar: z.literal(MENTION_CHAR).optional(),
  })
  .strict()
  .transform((attrs): MentionAttrs => ({ id: attrs.id, label: attrs.label, mentionSuggestionChar: MENTION_CHAR }))

const nodeSchema: z.ZodType<RichTextNode, z.ZodTypeDef, unknown> = z.lazy(() => nodeUnion)
const content = z.array(nodeSchema).optional()
const marks = z.array(markSchema).optional()

const block = <T extends string, A extends z.ZodTypeAny>(type: T, attrs: A) => z.object({ type: z.literal(type), attrs, content }).strict()

const nodeUnion = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('text'),
      text: safeString(EditorLimits.maxTextLength).refine((value) => value.length > 0),
      marks,
    })
    .strict(),
  z.object({ type: z.literal('hardBreak'), attrs: noAttrs, marks }).strict(),
  // Marks on a mention are dropped: a link mark would nest a link in its link.
  z.object({ type: z.literal('mention'), attrs: mentionAttrs, marks: marks.transform(() => undefined) }).strict(),
  block('paragraph', noAttrs),
  block('heading', z.object({ level: z.union([z.literal(HEADING_LEVELS[0]), z.literal(HEADING_LEVELS[1]), z.literal(HEADING_LEVELS[2])]) }).strict()),
  block('blockquote', noAttrs),
  block('bulletList', noAttrs),
  block(
    'orderedList',
    z
      .object({
        start: z.number().int().min(0).max(EditorLimits.maxListStart).optional(),
        type: z.enum(['1', 'a', 'A', 'i', 'I']).nullable().optional().catch(null),
      })
      .strict()
      .optional(),
  ),
  block('listItem', noAttrs),
  block(
    'codeBlock',
    z
      .object({
        language: z
          .string()
          .regex(/^[a-z0-9-]{1,32}$/)
          .nullable()
          .optional()
          .catch(null),
      })
      .strict()
      .optional(),
  ),
  block('horizontalRule', noAttrs),
  block(
    'image',
    z
      .object({
        src: z.string().refine(isAllowedImageSrc, { message: RichTextMessages.invalidImage }),
        alt: optionalLabel(EditorLimits.maxAltLength),
        title: optionalLabel(EditorLimits.maxTitleLength),
        width: z.number().int().min(1).max(10_000).nullable().optional(),
        height: z.number().int().min(1).max(10_000).nullable().optional(),
      })
      .strict(),
  ),
  block('table', noAttrs),
  block('tableRow', noAttrs),
  block('tableHeader', cellAttrs),
  block('tableCell', cellAttrs),
])

const docShape = z.object({ type: z.literal('doc'), attrs: noAttrs, content: z.array(nodeSchema) }).strict()

// ---------------------------------------------------------------------------------------------
// Step 3: the content model, mirroring the ProseMirror schema the extensions build.

const BLOCK: ReadonlySet<string> = new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'codeBlock', 'horizontalRule', 'image', 'table'])
const INLINE: ReadonlySet<string> = new Set(['text', 'hardBreak', 'mention'])

type ContentRule = { allowed: ReadonlySet<string>; min: number; first?: string; marks: boolean }
const leaf: ContentRule = { allowed: new Set(), min: 0, marks: false }
const CONTENT_RULES: Record<RichTextNodeType, ContentRule> = {
  doc: { allowed: BLOCK, min: 1, marks: false },
  paragraph: { allowed: INLINE, min: 0, marks: true },
  heading: { allowed: INLINE, min: 0, marks: true },
  blockquote: { allowed: BLOCK, min: 1, marks: false },
  bulletList: { allowed: new Set(['listItem']), min: 1, marks: false },
  orderedList: { allowed: new Set(['listItem']), min: 1, marks: false },
  listItem: { allowed: BLOCK, min: 1, first: 'paragraph', marks: false },
  codeBlock: { allowed: new Set(['text']), min: 0, marks: false },
  table: { allowed: new Set(['tableRow']), min: 1, marks: false },
  tableRow: { allowed: new Set(['tableCell', 'tableHeader']), min: 0, marks: false },
  tableHeader: { allowed: BLOCK, min: 1, marks: false },
  tableCell: { allowed: BLOCK, min: 1, marks: false },
  text: leaf,
  hardBreak: leaf,
  mention: leaf,
  horizontalRule: leaf,
  image: leaf,
}

function marksAreValid(list: RichTextMark[] | undefined) {
  if (!list || list.length === 0) return true
  const types = list.map((mark) => mark.type)
  // No mark twice; `code` excludes every other mark (as in the Code extension's `excludes: '_'`).
  return new Set(types).size === types.length && (!types.includes('code') || types.length === 1)
}

function contentModelIsValid(type: RichTextNodeType, children: RichTextNode[] | undefined): boolean {
  const rule = CONTENT_RULES[type]
  const list = children ?? []
  if (list.length < rule.min) return false
  if (rule.first && list[0]?.type !== rule.first) return false
  for (const child of list) {
    if (!rule.allowed.has(child.type)) return false
    if (child.marks?.length && !rule.marks) return false
    if (!marksAreValid(child.marks)) return false
    if (!contentModelIsValid(child.type, child.content)) return false
  }
  return true
}

const MESSAGE_BY_PATH_END: Record<string, string> = {
  href: RichTextMessages.invalidLink,
  src: RichTextMessages.invalidImage,
  id: RichTextMessages.invalidMention,
}

/**
 * ProseMirror JSON → a validated `RichTextDocument`, or one Swedish issue. Accepts `unknown`
 * (form data, database JSON) and never throws on it; only a hostile Proxy can make Zod itself throw.
 */
export const RichTextDocumentSchema = z.unknown().transform((value, context): RichTextDocument => {
  const result = validateDocument(value)
  if (typeof result === 'string') {
    context.addIssue({ code: 'custom', message: result, fatal: true })
    return z.NEVER
  }
  return result
})

/** The three steps; a string is the Swedish reason for refusing. */
function validateDocument(value: unknown): RichTextDocument | string {
  try {
    const boundsProblem = checkBounds(value)
    if (boundsProblem) return boundsProblem
    const parsed = docShape.safeParse(value)
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path ?? []
      const last = path[path.length - 1]
      return (typeof last === 'string' && MESSAGE_BY_PATH_END[last]) || RichTextMessages.invalid
    }
    const doc = { type: 'doc' as const, content: parsed.data.content }
    return contentModelIsValid('doc', doc.content) ? doc : RichTextMessages.invalid
  } catch {
    // Only proxies and objects with throwing getters get here; parsed JSON never does.
    return RichTextMessages.invalid
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers for forms and services.

export function emptyDocument(): RichTextDocument {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

/** True when the document has no visible text, image or mention (e.g. the editor's empty paragraph). */
export function isEmptyDocument(doc: RichTextDocument): boolean {
  const stack: RichTextNode[] = [...doc.content]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node) continue
    if (node.type === 'image' || node.type === 'mention') return false
    if (node.type === 'text' && node.text?.trim()) return false
    if (node.content) stack.push(...node.content)
  }
  return true
}

/** The ids of the members a document mentions, each once, in document order. */
export function mentionedMemberIds(doc: RichTextDocument): string[] {
  const ids = new Set<string>()
  const visit = (nodes: RichTextNode[] | undefined) => {
    for (const node of nodes ?? []) {
      if (node.type === 'mention' && typeof node.attrs?.id === 'string') ids.add(node.attrs.id)
      visit(node.content)
    }
  }
  visit(doc.content)
  return [...ids]
}

/**
 * The uploaded files the document's images show (`/filer/<id>`), each once, in document order,
 * with the first alt text given for each. Other /filer/ paths name no upload and are left out.
 */
export function shownImages(doc: RichTextDocument): Array<{ id: string; alt: string | null }> {
  const images = new Map<string, string | null>()
  const visit = (nodes: RichTextNode[] | undefined) => {
    for (const node of nodes ?? []) {
      const src = node.type === 'image' ? node.attrs?.src : undefined
      if (typeof src === 'string' && src.startsWith(UPLOAD_PATH_PREFIX)) {
        const id = src.slice(UPLOAD_PATH_PREFIX.length)
        const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : null
        if (id && !id.includes('/') && !images.has(id)) images.set(id, alt)
      }
      visit(node.content)
    }
  }
  visit(doc.content)
  return [...images].map(([id, alt]) => ({ id, alt }))
}

/**
 * Every mention of a member in `names` gets that name as its label (a label sent by a client
 * is never kept); a mention of anyone else becomes the plain text "@label" it showed.
 */
export function resolveMentions(doc: RichTextDocument, names: ReadonlyMap<string, string>): RichTextDocument {
  const resolve = (nodes: RichTextNode[]): RichTextNode[] =>
    nodes.map((node): RichTextNode => {
      if (node.type === 'mention') {
        const id = typeof node.attrs?.id === 'string' ? node.attrs.id : ''
        const name = names.get(id)
        return name === undefined
          ? { type: 'text', text: mentionText(node.attrs?.label) }
          : {
              type: 'mention',
              attrs: { id, label: stripUnsafeCharacters(name).slice(0, EditorLimits.maxMentionLabelLength), mentionSuggestionChar: MENTION_CHAR },
            }
      }
      return node.content ? { ...node, content: resolve(node.content) } : node
    })
  return { type: 'doc', content: resolve(doc.content) }
}

// Bare URLs in plain text. Trailing punctuation is trimmed afterwards ("Se https://x.se.").
const URL_IN_TEXT = /\b(?:https?:\/\/|mailto:)[^\s<>"']+/gi
const TRAILING_PUNCTUATION = /[.,;:!?»”’)\]}]+$/
const unbalanced = (part: string) => part.split('(').length > part.split(')').length

function linkifyLine(line: string): RichTextNode[] {
  const nodes: RichTextNode[] = []
  let last = 0
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const raw = match[0]
    let end = raw.length - (TRAILING_PUNCTUATION.exec(raw)?.[0].length ?? 0)
    // Give back a ")" that closes a "(" inside the URL (Wikipedia-style links).
    while (raw[end] === ')' && unbalanced(raw.slice(0, end))) end += 1
    const url = raw.slice(0, end)
    const start = match.index
    if (!isAllowedLinkHref(url)) continue
    if (start > last) nodes.push({ type: 'text', text: line.slice(last, start) })
    nodes.push({
      type: 'text',
      text: url,
      marks: [{ type: 'link', attrs: { href: url, target: null, rel: LINK_REL, class: null, title: null } }],
    })
    last = start + url.length
  }
  if (last < line.length) nodes.push({ type: 'text', text: line.slice(last) })
  return nodes
}

/**
 * Plain text (the no-JavaScript textarea) → a document: blank lines separate paragraphs, single
 * newlines become hard breaks, bare http(s):// and mailto: URLs become links.
 */
export function plainTextToDocument(text: string): RichTextDocument {
  const normalised = stripUnsafeCharacters(text.replace(/\r\n?/g, '\n'))
  const paragraphs = normalised
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\s*\n|\s+$/g, ''))
    .filter((paragraph) => paragraph.trim().length > 0)
  const content = paragraphs.map((paragraph): RichTextNode => {
    const inline: RichTextNode[] = []
    paragraph.split('\n').forEach((line, index) => {
      if (index > 0) inline.push({ type: 'hardBreak' })
      inline.push(...linkifyLine(line.replace(/\s+$/, '')))
    })
    return inline.length > 0 ? { type: 'paragraph', content: inline } : { type: 'paragraph' }
  })
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] }
}

/** The editor's JSON is `{"type":"doc",…}`; anything else in the field is typed text. */
function parseDocumentJson(value: string): { isDoc: true; json: unknown } | { isDoc: false } {
  const trimmed = value.trim()
  if (!trimmed.startsWith('{')) return { isDoc: false }
  try {
    const json: unknown = JSON.parse(trimmed)
    if (typeof json === 'object' && json !== null && !Array.isArray(json) && (json as { type?: unknown }).type === 'doc') {
      return { isDoc: true, json }
    }
  } catch {
    // Not JSON: the member typed it.
  }
  return { isDoc: false }
}

export type ParseRichTextResult = { ok: true; doc: RichTextDocument } | { ok: false; error: string }

/**
 * The editor's form field → a validated document. With JavaScript the field carries the
 * editor's JSON; without it the same field is a textarea, and its text is converted with
 * `plainTextToDocument`. Empty text is refused with "Skriv en text." unless `allowEmpty`.
 */
export function parseRichTextField(value: string, options: { allowEmpty?: boolean } = {}): ParseRichTextResult {
  if (utf8.encode(value).length > EditorLimits.maxJsonBytes) return { ok: false, error: RichTextMessages.tooLong }
  const parsedJson = parseDocumentJson(value)
  let candidate: unknown
  if (parsedJson.isDoc) {
    candidate = parsedJson.json
  } else {
    if (stripUnsafeCharacters(value).length > EditorLimits.maxTextLength) return { ok: false, error: RichTextMessages.tooLong }
    candidate = plainTextToDocument(value)
  }
  const result = RichTextDocumentSchema.safeParse(candidate)
  if (!result.success) return { ok: false, error: result.error.issues[0]?.message ?? RichTextMessages.invalid }
  if (!options.allowEmpty && isEmptyDocument(result.data)) return { ok: false, error: RichTextMessages.empty }
  return { ok: true, doc: result.data }
}

// ---------------------------------------------------------------------------------------------
// Text out of a document.

function inlineText(nodes: RichTextNode[] | undefined, forEditing: boolean): string {
  let out = ''
  let run = ''
  let runHref: string | null = null
  // For editing, a link whose text is not its address keeps the address: "text (https://…)".
  const closeRun = () => {
    if (forEditing && runHref && run.trim() !== runHref) out += ` (${runHref})`
    run = ''
    runHref = null
  }
  for (const node of nodes ?? []) {
    const link = node.marks?.find((mark) => mark.type === 'link')
    const href = link && 'attrs' in link ? link.attrs.href : null
    if (href !== runHref) closeRun()
    runHref = href
    const text = node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : node.type === 'mention' ? mentionText(node.attrs?.label) : ''
    run += text
    out += text
  }
  closeRun()
  return out
}

function blockTexts(nodes: RichTextNode[] | undefined, forEditing: boolean): string[] {
  const blocks: string[] = []
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock':
        blocks.push(inlineText(node.content, forEditing))
        break
      case 'blockquote':
        blocks.push(...blockTexts(node.content, forEditing).map((text) => (forEditing ? text.replace(/^/gm, '> ') : text)))
        break
      case 'bulletList':
      case 'orderedList': {
        const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1
        const items = (node.content ?? []).map((item, index) => {
          const text = blockTexts(item.content, forEditing).join('\n')
          if (!forEditing) return text
          const marker = node.type === 'bulletList' ? '- ' : `${start + index}. `
          return marker + text.replace(/\n/g, `\n${' '.repeat(marker.length)}`)
        })
        blocks.push(items.join('\n'))
        break
      }
      case 'table':
        blocks.push(
          (node.content ?? [])
            .map((row) => (row.content ?? []).map((cell) => blockTexts(cell.content, forEditing).join(' ')).join(forEditing ? ' | ' : ' '))
            .join('\n'),
        )
        break
      case 'image':
        if (typeof node.attrs?.alt === 'string') blocks.push(node.attrs.alt)
        break
      default:
        break
    }
  }
  return blocks.filter((text) => text.trim().length > 0)
}

/**
 * The text of a document, one block per paragraph separated by blank lines, hard breaks as
 * newlines. `forEditing` is for the no-JavaScript textarea: list markers, "> " for quotes,
 * " | " between table cells and link addresses kept, so editing the text loses no content.
 */
export function documentToText(doc: RichTextDocument, options: { forEditing?: boolean } = {}): string {
  return blockTexts(doc.content, options.forEditing ?? false).join('\n\n')
}
