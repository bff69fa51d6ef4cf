/**
 * Highlighting without trusting anything: engines wrap matches in two private-use code
 * points (never present in indexed text: `cleanText` strips them, and documents are
 * cleaned before indexing), then `toSafeHtml` escapes every character and only afterwards
 * turns the markers into `<mark>` elements. The result contains no other markup.
 */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

/** Escapes `marked` and turns balanced markers into `<mark>…</mark>`; stray markers vanish. */
export function toSafeHtml(marked: string): string {
  let html = ''
  let open = false
  for (const part of marked.split(/([\uE000\uE001])/u)) {
    if (part === MARK_START) {
      if (!open) html += '<mark>'
      open = true
    } else if (part === MARK_END) {
      if (open) html += '</mark>'
      open = false
    } else {
      html += escapeHtml(part)
    }
  }
  return open ? `${html}</mark>` : html
}

/**
 * Removes the markers (and U+E002–U+E003, which engines may use as stand-ins while
 * highlighting) from text before it is indexed.
 */
export function stripMarkers(text: string): string {
  return text.replace(/[\uE000-\uE003]/gu, '')
}
