import { getSchema } from '@tiptap/core'
import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import sanitizeHtml from 'sanitize-html'
import { EditorLimits, isAllowedImageSrc, isAllowedLinkHref, isMentionHref, LINK_REL, richTextExtensions } from './extensions.ts'
import { documentToText, RichTextDocumentSchema, type RichTextDocument } from './document.ts'

/**
 * Stored JSON → HTML and plain text. Rendering is not sanitising: the JSON is validated
 * (app/editor/document.ts), checked against the ProseMirror schema, rendered with the same
 * extension list as the editor, and the HTML then passes an allow-list sanitiser. None of the
 * functions here throw; invalid input renders as nothing.
 */

const schema = getSchema(richTextExtensions)

/*
 * Why sanitize-html rather than a hand-written allow-list: the renderer's output is already
 * constrained, so the sanitiser is the second line of defence and must be right on inputs we
 * did not think of (entity-encoded schemes, control characters in URLs, malformed nesting).
 * sanitize-html parses with htmlparser2 (the same tokenizer rules as a browser for these
 * cases), re-serialises from the parse tree so the output is always balanced, decodes entities
 * before checking URL schemes, and is widely used and maintained. It runs on the server only.
 */
const NUMBER = /^\d{1,6}$/

function keepNumeric(attribs: sanitizeHtml.Attributes, names: string[]): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {}
  for (const name of names) {
    const value = attribs[name]
    if (value !== undefined && NUMBER.test(value)) kept[name] = value
  }
  return kept
}

const cell: sanitizeHtml.Transformer = (tagName, attribs) => ({ tagName, attribs: keepNumeric(attribs, ['colspan', 'rowspan']) })

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'br',
    'hr',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'class'],
    img: ['src', 'alt'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    pre: ['class'],
    code: ['class'],
  },
  allowedClasses: { a: ['mention'], pre: [/^language-[a-z0-9-]{1,32}$/], code: [/^language-[a-z0-9-]{1,32}$/] },
  allowedStyles: {},
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images carry no scheme at all: only our own /filer/ paths (checked below).
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Elements whose text is dropped with them rather than shown.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'xmp',
    'noembed',
    'noframes',
    'plaintext',
  ],
  transformTags: {
    // A mention: a link to a member page of ours, nothing else. Every other link: a checked
    // href (or none) and our rel; target, class and everything else go.
    a: (tagName, attribs): sanitizeHtml.Tag => {
      if (attribs.class === 'mention' && isMentionHref(attribs.href)) return { tagName, attribs: { href: attribs.href, class: 'mention' } }
      return { tagName, attribs: { ...(isAllowedLinkHref(attribs.href) ? { href: attribs.href } : {}), rel: LINK_REL } }
    },
    // An image from anywhere but /filer/ loses its src, and exclusiveFilter then drops it.
    img: (tagName, attribs) => ({
      tagName,
      attribs: isAllowedImageSrc(attribs.src) ? { src: attribs.src, ...(attribs.alt ? { alt: attribs.alt } : {}) } : {},
    }),
    ol: (tagName, attribs) => ({ tagName, attribs: keepNumeric(attribs, ['start']) }),
    th: cell,
    td: cell,
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSrc(frame.attribs.src),
}

/** The allow-list sanitiser on its own (exported for tests and for any other HTML we show). */
export function sanitizeRichTextHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS)
}

function validate(value: unknown): RichTextDocument | null {
  try {
    const result = RichTextDocumentSchema.safeParse(value)
    return result.success ? result.data : null
  } catch {
    // Zod itself reads `.then` of the root value; a hostile proxy can throw there.
    return null
  }
}

function renderValidated(doc: RichTextDocument): string {
  try {
    const node = ProseMirrorNode.fromJSON(schema, doc)
    // The content model, attributes and marks, exactly as the editor's schema defines them.
    node.check()
    return sanitizeRichTextHtml(renderToHTMLString({ content: node, extensions: richTextExtensions }))
  } catch {
    return ''
  }
}

/** A document → sanitised HTML. Validates again, so a bad row from the database renders as ''. */
export function renderRichText(doc: RichTextDocument): string {
  const valid = validate(doc)
  return valid ? renderValidated(valid) : ''
}

/** Anything (database JSON, a JSON string, garbage) → sanitised HTML, or '' when it is not a valid document. */
export function safeRenderRichText(value: unknown): string {
  let candidate = value
  if (typeof value === 'string') {
    if (value.length > EditorLimits.maxJsonBytes) return ''
    try {
      candidate = JSON.parse(value)
    } catch {
      return ''
    }
  }
  const valid = validate(candidate)
  return valid ? renderValidated(valid) : ''
}

/** Cuts at a word boundary and adds an ellipsis, never exceeding `maxLength`. */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  if (maxLength <= 1) return text.slice(0, Math.max(0, maxLength))
  const cut = text.slice(0, maxLength - 1)
  const boundary = cut.search(/\s\S*$/)
  return `${(boundary > maxLength / 2 ? cut.slice(0, boundary) : cut).trimEnd()}…`
}

/**
 * A document → readable plain text for snippets and search: one line per block, spaces between
 * table cells, whitespace collapsed. Invalid input gives ''.
 */
export function toPlainText(doc: RichTextDocument, maxLength?: number): string {
  const valid = validate(doc)
  if (!valid) return ''
  const text = documentToText(valid)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
  return maxLength === undefined ? text : truncate(text, maxLength)
}
