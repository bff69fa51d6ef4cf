import { stripUnsafeCharacters } from './document.ts'

/**
 * Pasted HTML, made fit for the editor under our CSP (style-src 'self', no inline handlers).
 *
 * Every document this page creates, including the detached one ProseMirror parses pastes in,
 * inherits the CSP: the browser refuses each style attribute and inline handler with a console
 * violation, and `element.style` stays empty. ProseMirror's parse rules read formatting from
 * `element.style`, so a Google Docs paste (wrapped in <b style="font-weight:normal">) would turn
 * bold throughout and a Word paste would lose its bold and italics. So, before anything parses
 * the HTML, style attributes and handlers are renamed to inert data attributes; the styles are
 * then read as text and turned into <strong>, <em> and <s>, and every renamed attribute goes.
 * The result still passes through the editor's schema, and the server validates and sanitises.
 */

// A start tag; text in clipboard HTML cannot contain a raw "<", so this finds tags only.
const START_TAG = /<[a-zA-Z][^>]*>/g
const INLINE_ATTRIBUTE = /(\s)(style|on[a-z]+)(\s*=)/gi

/** Renames style= and on…= inside start tags to data-pasted-style= / data-pasted-on=. */
export function neutraliseInlineAttributes(html: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(
      INLINE_ATTRIBUTE,
      (_match, space: string, name: string, equals: string) => `${space}data-pasted-${name.toLowerCase() === 'style' ? 'style' : 'on'}${equals}`,
    ),
  )
}

const DROPPED = 'script, style, template, iframe, frame, object, embed, svg, math, link, meta, base, noscript, form, input, button, select, textarea'

type Formatting = { bold: boolean; notBold: boolean; italic: boolean; strike: boolean }

function readFormatting(style: string): Formatting {
  const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1]?.toLowerCase()
  return {
    bold: weight !== undefined && /^(bold|bolder|[6-9]00)$/.test(weight),
    notBold: weight === 'normal' || weight === '400',
    italic: /font-style\s*:\s*(italic|oblique)/i.test(style),
    strike: /text-decoration(-line)?\s*:[^;]*line-through/i.test(style),
  }
}

export function cleanPastedHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(neutraliseInlineAttributes(stripUnsafeCharacters(html)), 'text/html')
  for (const element of Array.from(parsed.querySelectorAll(DROPPED))) element.remove()
  for (const element of Array.from(parsed.body.querySelectorAll('[data-pasted-style]'))) {
    const formatting = readFormatting(element.getAttribute('data-pasted-style') ?? '')
    const tag = element.tagName.toLowerCase()
    if (formatting.notBold && (tag === 'b' || tag === 'strong')) {
      element.replaceWith(...Array.from(element.childNodes))
      continue
    }
    // Innermost first, so bold ends up outermost: <strong><em><s>…</s></em></strong>.
    for (const [on, wrapper] of [
      [formatting.strike, 's'],
      [formatting.italic, 'em'],
      [formatting.bold, 'strong'],
    ] as const) {
      if (!on) continue
      const wrap = parsed.createElement(wrapper)
      wrap.append(...Array.from(element.childNodes))
      element.append(wrap)
    }
  }
  for (const element of Array.from(parsed.body.querySelectorAll('*'))) {
    for (const name of element.getAttributeNames()) if (name.startsWith('data-pasted-')) element.removeAttribute(name)
  }
  return parsed.body.innerHTML
}
