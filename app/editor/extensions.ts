import type { Extensions } from '@tiptap/core'
import { Image } from '@tiptap/extension-image'
import { Mention, type MentionNodeAttrs, type MentionOptions } from '@tiptap/extension-mention'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { StarterKit } from '@tiptap/starter-kit'

/**
 * The one list of Tiptap extensions. The browser editor (app/components/rich-text-editor.tsx,
 * through `createRichTextExtensions` with its member suggestions) and the server renderer
 * (app/editor/render.server.ts, `richTextExtensions`) build the same schema from it, and
 * app/editor/document.ts validates stored JSON against the node, mark and attribute names
 * declared here. Isomorphic: no DOM at import time, no node:* imports.
 */

export const EditorLimits = {
  /** UTF-8 size of the document's JSON. */
  maxJsonBytes: 200_000,
  /** Node nesting: doc → list → item → list → … → paragraph → text. */
  maxDepth: 40,
  /** Characters of text across the whole document. */
  maxTextLength: 50_000,
  /** Nodes of any kind (a 100×100 table is already 20,000). */
  maxNodes: 10_000,
  maxHrefLength: 2000,
  maxImageSrcLength: 500,
  maxAltLength: 500,
  maxTitleLength: 500,
  maxTableSpan: 50,
  maxListStart: 100_000,
  /** A mention's member id (a cuid) and the name shown for it. */
  maxMentionIdLength: 40,
  maxMentionLabelLength: 200,
} as const

export const HEADING_LEVELS = [2, 3, 4] as const
/** Every rendered link carries this: no referrer, no opener, no SEO credit for user content. */
export const LINK_REL = 'noopener noreferrer nofollow ugc'
/** Uploaded files are served from here; images pointing anywhere else are refused. */
export const UPLOAD_PATH_PREFIX = '/filer/'

export const NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
  'image',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'mention',
] as const
export type RichTextNodeType = (typeof NODE_TYPES)[number]

export const MARK_TYPES = ['bold', 'italic', 'strike', 'code', 'link'] as const
export type RichTextMarkType = (typeof MARK_TYPES)[number]

// Characters a browser ignores or strips inside a URL scheme ("java\tscript:", "\u0000javascript:").
const URL_INVISIBLES = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/

/**
 * True for an absolute http(s) URL or a mailto: address, no longer than the limit and free of
 * whitespace, control characters (so nothing can hide a scheme) and unencoded `"<>\``. Relative URLs are refused:
 * the editor never produces them and they would resolve against our own origin.
 */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > EditorLimits.maxHrefLength) return false
  // Characters a real URL has percent-encoded; a backslash would read as "/" in a browser.
  if (URL_INVISIBLES.test(href) || /["<>`\\]/.test(href)) return false
  const mailto = /^mailto:(.+)$/i.exec(href)
  if (mailto) return /^[^\s@<>"/\\]+@[^\s@<>"/\\]+$/.test(mailto[1] ?? '')
  if (!/^https?:\/\/[^/?#\\]/i.test(href)) return false
  try {
    const url = new URL(href)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
  } catch {
    return false
  }
}

/** True for a path under /filer/ made of safe characters, with no `..`, `//` or query tricks. */
export function isAllowedImageSrc(src: unknown): src is string {
  if (typeof src !== 'string' || src.length > EditorLimits.maxImageSrcLength) return false
  if (!src.startsWith(UPLOAD_PATH_PREFIX)) return false
  const rest = src.slice(UPLOAD_PATH_PREFIX.length)
  return /^[A-Za-z0-9_-][A-Za-z0-9._~-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._~-]*)*$/.test(rest) && !rest.split('/').includes('..')
}

/** A mention links to the member's page. */
export const MEMBER_PATH_PREFIX = '/medlemmar/'
/** The character that starts a mention; stored in every mention node (Tiptap's `mentionSuggestionChar`). */
export const MENTION_CHAR = '@'

/** A member id as the database makes them (cuid): lower-case letters and digits, bounded. */
export function isAllowedMentionId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= EditorLimits.maxMentionIdLength && /^[a-z0-9]+$/.test(id)
}

/** The member page a mention links to, or null for an id that cannot be one. */
export function mentionHref(id: unknown): string | null {
  return isAllowedMentionId(id) ? `${MEMBER_PATH_PREFIX}${id}` : null
}

/** True for exactly what `mentionHref` makes. */
export function isMentionHref(href: unknown): href is string {
  return typeof href === 'string' && href.startsWith(MEMBER_PATH_PREFIX) && isAllowedMentionId(href.slice(MEMBER_PATH_PREFIX.length))
}

/** How a mention reads as text: "@Name". */
export function mentionText(label: unknown): string {
  return `${MENTION_CHAR}${typeof label === 'string' ? label : ''}`
}

/** What the editor's member suggestions offer (the JSON of GET /medlemmar/sok). */
export type MemberSuggestion = { id: string; name: string; title: string; organisation: string | null }
/** The browser editor's suggestion settings (fetching and the list); the server renders without them. */
export type MentionSuggestionOptions = MentionOptions<MemberSuggestion, MentionNodeAttrs>['suggestion']

// Column widths are a resizing feature we do not offer; `align` would render as a style
// attribute, which the CSP (style-src 'self') refuses. Cells keep only their spans.
const cellAttributes = () => ({
  colspan: { default: 1 },
  rowspan: { default: 1 },
  colwidth: { default: null, rendered: false, parseHTML: () => null },
})

/**
 * The extension list. The browser editor passes `mentionSuggestion` (how to find members and
 * show them); without it the list is the same schema and rendering, with no suggestions.
 */
export function createRichTextExtensions(mentionSuggestion: MentionSuggestionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      // Underline is not part of our format; the drop cursor positions itself with inline styles.
      underline: false,
      dropcursor: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        // Extra schemes linkify should recognise; http(s) and mailto are built in. What may be
        // *stored* is decided by isAllowedUri alone.
        protocols: [],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLinkHref(url),
        HTMLAttributes: { rel: LINK_REL, target: null, class: null },
      },
    }),
    // renderHTML without the colgroup and `style="min-width: …"` the stock Table emits, and no
    // TableView node view (it sizes columns through the style attribute). Resizing stays off.
    Table.extend({
      renderHTML({ HTMLAttributes }) {
        return ['table', HTMLAttributes, ['tbody', 0]]
      },
    }).configure({ resizable: false, View: null, HTMLAttributes: {} }),
    TableRow,
    TableHeader.extend({ addAttributes: cellAttributes }),
    TableCell.extend({ addAttributes: cellAttributes }),
    // Block images from our own uploads only: pasted images from elsewhere are not taken in.
    Image.extend({
      parseHTML() {
        return [{ tag: `img[src^="${UPLOAD_PATH_PREFIX}"]` }]
      },
    }).configure({ inline: false, allowBase64: false }),
    // An inline atom rendered as a link to the member's page with the text "@Name". The label
    // stored with it is set on the server from the member's current name (app/services/rich-text.server.ts).
    Mention.configure({
      renderText: ({ node }) => mentionText(node.attrs.label),
      renderHTML: ({ node }) => {
        const href = mentionHref(node.attrs.id)
        return ['a', { ...(href ? { href } : {}), class: 'mention' }, mentionText(node.attrs.label)]
      },
      suggestion: { char: MENTION_CHAR, ...mentionSuggestion },
    }),
  ]
}

export const richTextExtensions: Extensions = createRichTextExtensions()
