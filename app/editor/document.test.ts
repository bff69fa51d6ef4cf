import { getSchema } from '@tiptap/core'
import { describe, expect, test } from 'vitest'
import {
  documentToText,
  isEmptyDocument,
  mentionedMemberIds,
  parseRichTextField,
  plainTextToDocument,
  RichTextDocumentSchema,
  resolveMentions,
  RichTextMessages,
  shownImages,
  type RichTextDocument,
  type RichTextNode,
} from './document.ts'
import { EditorLimits, isAllowedImageSrc, isAllowedLinkHref, LINK_REL, MARK_TYPES, NODE_TYPES, richTextExtensions } from './extensions.ts'

const editorSchema = getSchema(richTextExtensions)
const link = (href: string) => ({ type: 'link', attrs: { href, target: null, rel: LINK_REL, class: null, title: null } })
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value })
const doc = (...content: unknown[]) => ({ type: 'doc', content })

function issue(value: unknown) {
  const result = RichTextDocumentSchema.safeParse(value)
  return result.success ? null : result.error.issues[0]?.message
}

describe('one source of truth', () => {
  test('the allowed node and mark names are exactly the ones the extension list defines', () => {
    expect(new Set(Object.keys(editorSchema.nodes))).toEqual(new Set(NODE_TYPES))
    expect(new Set(Object.keys(editorSchema.marks))).toEqual(new Set(MARK_TYPES))
  })

  test('a document built with the editor’s own schema, every node and mark, all attributes written, passes', () => {
    const s = editorSchema
    const t = (value: string, marks: string[] = [], attrs?: Record<string, unknown>) =>
      s.text(
        value,
        marks.map((name) => s.mark(name, attrs)),
      )
    const p = (...content: ReturnType<typeof s.node>[]) => s.node('paragraph', null, content)
    const built = s.node('doc', null, [
      s.node('heading', { level: 3 }, [t('Rubrik')]),
      p(
        t('fet', ['bold']),
        s.node('hardBreak'),
        t('kursiv genomstruken', ['italic', 'strike']),
        t('kod', ['code']),
        s.node('mention', { id: 'cm1member', label: 'Anna' }),
      ),
      p(t('länk', ['link'], { href: 'https://samverka.se' })),
      s.node('blockquote', null, [p(t('citat'))]),
      s.node('bulletList', null, [s.node('listItem', null, [p(t('ett')), s.node('orderedList', { start: 3 }, [s.node('listItem', null, [p(t('tre'))])])])]),
      s.node('codeBlock', { language: 'sql' }, [t('select 1;')]),
      s.node('horizontalRule'),
      s.node('image', { src: '/filer/a.png', alt: 'Bild' }),
      s.node('table', null, [
        s.node('tableRow', null, [s.node('tableHeader', null, [p(t('Kommun'))]), s.node('tableHeader', null, [p()])]),
        s.node('tableRow', null, [s.node('tableCell', { colspan: 2 }, [p(t('Västerås'))])]),
      ]),
    ])
    built.check()
    const json = built.toJSON() as RichTextDocument
    const seen = new Set<string>()
    const visit = (node: { type: string; content?: RichTextNode[]; marks?: Array<{ type: string }> }) => {
      seen.add(node.type)
      node.marks?.forEach((mark) => seen.add(mark.type))
      node.content?.forEach(visit)
    }
    visit(json)
    expect(seen).toEqual(new Set([...NODE_TYPES, ...MARK_TYPES]))
    // toJSON() writes every attribute with its default, as editor.getJSON() does.
    expect(json.content[7]?.attrs).toEqual({ src: '/filer/a.png', alt: 'Bild', title: null, width: null, height: null })
    expect(issue(json)).toBeNull()
  })

  test('link marks are stored in one canonical form', () => {
    const result = RichTextDocumentSchema.parse(
      doc(paragraph(text('x', [{ type: 'link', attrs: { href: 'https://a.se', target: '_blank', rel: 'opener', class: 'evil' } }]))),
    )
    expect(result.content[0]?.content?.[0]?.marks).toEqual([link('https://a.se')])
  })
})

describe('URL rules', () => {
  test.each([
    'https://example.se',
    'http://example.se/a?b=1&c=2#d',
    'https://sv.wikipedia.org/wiki/Västerås_(stad)',
    'mailto:namn@kommun.se',
    'mailto:namn@kommun.se?subject=Hej',
    'HTTPS://EXAMPLE.SE',
  ])('link %s is allowed', (href) => expect(isAllowedLinkHref(href)).toBe(true))

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    ' https://example.se',
    'java\tscript:alert(1)',
    'https://exa mple.se',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.se',
    '//example.se',
    '/fragor/1',
    'https://',
    'https:/example.se',
    'mailto:',
    'mailto:<script>@x',
    `https://example.se/${'a'.repeat(EditorLimits.maxHrefLength)}`,
  ])('link %# is refused', (href) => expect(isAllowedLinkHref(href)).toBe(false))

  test.each(['/filer/abc', '/filer/2025/11/bild-1.png', '/filer/a_b~c.JPG'])('image %s is allowed', (src) => expect(isAllowedImageSrc(src)).toBe(true))

  test.each([
    '/filer/',
    '/filer/../hemligt',
    '/filer/a/../../b',
    '/filer//evil.se/x',
    '/filer/a?x=1',
    '/filer/a b',
    '/FILER/a',
    '/filerx/a',
    'https://evil.se/filer/a',
    '//filer/a',
    '/filer/.hidden',
    'javascript:alert(1)',
  ])('image %s is refused', (src) => expect(isAllowedImageSrc(src)).toBe(false))
})

describe('RichTextDocumentSchema', () => {
  test('structure rules mirror ProseMirror: content model, marks, empty text', () => {
    expect(issue(doc(text('direkt i dokumentet')))).toBe(RichTextMessages.invalid)
    expect(issue(doc({ type: 'bulletList', content: [paragraph(text('x'))] }))).toBe(RichTextMessages.invalid)
    expect(issue(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [] }] }] }))).toBe(RichTextMessages.invalid)
    expect(issue(doc(paragraph(text(''))))).toBe(RichTextMessages.invalid)
    expect(issue(doc(paragraph(text('x', [{ type: 'bold' }, { type: 'bold' }]))))).toBe(RichTextMessages.invalid)
    expect(issue(doc(paragraph(text('x', [{ type: 'code' }, link('https://a.se')]))))).toBe(RichTextMessages.invalid)
    expect(issue(doc({ type: 'codeBlock', content: [text('x', [{ type: 'bold' }])] }))).toBe(RichTextMessages.invalid)
    expect(issue(doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }))).toBe(RichTextMessages.invalid)
    expect(issue(doc())).toBe(RichTextMessages.invalid)
  })

  test('links and images get their own messages', () => {
    expect(issue(doc(paragraph(text('x', [link('javascript:alert(1)')]))))).toBe(RichTextMessages.invalidLink)
    expect(issue(doc({ type: 'image', attrs: { src: 'https://evil.se/x.png' } }))).toBe(RichTextMessages.invalidImage)
  })

  test('limits: depth, size and text length', () => {
    let nested: unknown = paragraph(text('botten'))
    for (let level = 0; level < EditorLimits.maxDepth; level += 1) nested = { type: 'blockquote', content: [nested] }
    expect(issue(doc(nested))).toBe(RichTextMessages.tooDeep)

    let shallow: unknown = paragraph(text('botten'))
    for (let level = 0; level < EditorLimits.maxDepth - 4; level += 1) shallow = { type: 'blockquote', content: [shallow] }
    expect(issue(doc(shallow))).toBeNull()

    expect(issue(doc(paragraph(text('a'.repeat(EditorLimits.maxTextLength + 1)))))).toBe(RichTextMessages.tooLong)
    expect(issue(doc(...Array.from({ length: EditorLimits.maxNodes }, () => paragraph(text('x')))))).toBe(RichTextMessages.tooLong)
    const wide = doc(...Array.from({ length: 2000 }, () => paragraph(text('x'.repeat(20), [link(`https://example.se/${'p'.repeat(80)}`)]))))
    expect(issue(wide)).toBe(RichTextMessages.tooLong)
  })

  test('unsafe characters in text are refused; attributes that are not rendered are tidied', () => {
    expect(issue(doc(paragraph(text('a\u0000b'))))).toBe(RichTextMessages.invalid)
    expect(issue(doc(paragraph(text('abc\u202Eexe.txt'))))).toBe(RichTextMessages.invalid)
    const tidied = RichTextDocumentSchema.parse(doc({ type: 'codeBlock', attrs: { language: 'JS" onclick="x' }, content: [text('1')] }))
    expect(tidied.content[0]?.attrs).toEqual({ language: null })
  })
})

describe('parseRichTextField', () => {
  test('no-JavaScript text: paragraphs on blank lines, hard breaks, bare links', () => {
    const result = parseRichTextField('Första stycket\nrad två\n\nAndra https://example.se')
    expect(result).toEqual({
      ok: true,
      doc: doc(
        paragraph(text('Första stycket'), { type: 'hardBreak' }, text('rad två')),
        paragraph(text('Andra '), text('https://example.se', [link('https://example.se')])),
      ),
    })
  })

  test('trailing punctuation stays outside links; mailto works; other schemes stay text', () => {
    const result = parseRichTextField('Se https://example.se/a. Eller (https://sv.wikipedia.org/wiki/A_(b)). Mejla mailto:a@b.se, inte javascript:alert(1)')
    expect(result.ok).toBe(true)
    const inline = result.ok ? result.doc.content[0]?.content : []
    expect(inline?.filter((node) => node.marks).map((node) => node.text)).toEqual([
      'https://example.se/a',
      'https://sv.wikipedia.org/wiki/A_(b)',
      'mailto:a@b.se',
    ])
    expect(inline?.map((node) => node.text).join('')).toBe(
      'Se https://example.se/a. Eller (https://sv.wikipedia.org/wiki/A_(b)). Mejla mailto:a@b.se, inte javascript:alert(1)',
    )
  })

  test('CRLF, extra blank lines and unsafe characters in typed text are normalised', () => {
    const result = parseRichTextField('\r\n\r\nEtt\u0000\r\n\r\n\r\n\r\nTvå\u202E  \r\n')
    expect(result).toEqual({ ok: true, doc: doc(paragraph(text('Ett')), paragraph(text('Två'))) })
  })

  test('the editor’s JSON is validated, not converted', () => {
    const json = JSON.stringify(doc({ type: 'heading', attrs: { level: 2 }, content: [text('Rubrik')] }))
    expect(parseRichTextField(json)).toEqual({ ok: true, doc: doc({ type: 'heading', attrs: { level: 2 }, content: [text('Rubrik')] }) })
    expect(parseRichTextField(JSON.stringify(doc({ type: 'script', content: [text('x')] })))).toEqual({ ok: false, error: RichTextMessages.invalid })
  })

  test('text that merely looks like JSON is text', () => {
    const result = parseRichTextField('{"hej": 1}')
    expect(result.ok && result.doc.content[0]?.content?.[0]?.text).toBe('{"hej": 1}')
  })

  test('empty input is refused with "Skriv en text." unless allowed', () => {
    expect(parseRichTextField('')).toEqual({ ok: false, error: 'Skriv en text.' })
    expect(parseRichTextField(' \n\t\n ')).toEqual({ ok: false, error: 'Skriv en text.' })
    expect(parseRichTextField(JSON.stringify(doc({ type: 'paragraph' })))).toEqual({ ok: false, error: 'Skriv en text.' })
    expect(parseRichTextField('', { allowEmpty: true })).toEqual({ ok: true, doc: doc({ type: 'paragraph' }) })
  })

  test('too long input is refused', () => {
    expect(parseRichTextField('a'.repeat(EditorLimits.maxTextLength + 1))).toEqual({ ok: false, error: RichTextMessages.tooLong })
    expect(parseRichTextField('a'.repeat(EditorLimits.maxJsonBytes + 1))).toEqual({ ok: false, error: RichTextMessages.tooLong })
  })
})

describe('documentToText', () => {
  const sample = RichTextDocumentSchema.parse(
    doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Rubrik')] },
      paragraph(text('Läs '), text('mer här', [link('https://example.se')]), text(' eller '), text('https://a.se', [link('https://a.se')])),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('ett'))] },
          { type: 'listItem', content: [paragraph(text('två'))] },
        ],
      },
      { type: 'blockquote', content: [paragraph(text('citat'))] },
    ),
  )

  test('for editing keeps link addresses, list markers and quotes', () => {
    expect(documentToText(sample, { forEditing: true })).toBe('Rubrik\n\nLäs mer här (https://example.se) eller https://a.se\n\n- ett\n- två\n\n> citat')
  })

  test('editing the text without JavaScript loses no words or links', () => {
    const again = plainTextToDocument(documentToText(sample, { forEditing: true }))
    expect(documentToText(again)).toContain('mer här (https://example.se)')
    expect(again.content[1]?.content?.filter((node) => node.marks).map((node) => node.text)).toEqual(['https://example.se', 'https://a.se'])
  })

  test('isEmptyDocument', () => {
    expect(isEmptyDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '  ' }] }] })).toBe(true)
    expect(isEmptyDocument({ type: 'doc', content: [{ type: 'image', attrs: { src: '/filer/a' } }] } satisfies RichTextDocument)).toBe(false)
  })
})

describe('mentions', () => {
  const mention = (id: string, label: string, extra: Record<string, unknown> = {}) => ({ type: 'mention', attrs: { id, label, ...extra } })

  test('a mention is an inline atom with a member id and a label, stored in one form', () => {
    const parsed = RichTextDocumentSchema.parse(doc(paragraph(text('Hej '), { ...mention('cm1anna', 'Anna'), marks: [{ type: 'bold' }] }, text('!'))))
    expect(parsed.content[0]?.content?.[1]).toEqual({ type: 'mention', attrs: { id: 'cm1anna', label: 'Anna', mentionSuggestionChar: '@' } })
    expect(parsed.content[0]?.content?.[1]?.marks).toBeUndefined()
  })

  test('ids that are not member ids, odd labels and mentions outside text are refused', () => {
    expect(issue(doc(paragraph(mention('javascript:alert(1)', 'x'))))).toBe(RichTextMessages.invalidMention)
    expect(issue(doc(paragraph(mention('CM1ANNA', 'x'))))).toBe(RichTextMessages.invalidMention)
    expect(issue(doc(paragraph(mention('a'.repeat(EditorLimits.maxMentionIdLength + 1), 'x'))))).toBe(RichTextMessages.invalidMention)
    expect(issue(doc(paragraph(mention('cm1anna', 'x'.repeat(EditorLimits.maxMentionLabelLength + 1)))))).toBe(RichTextMessages.invalid)
    expect(issue(doc(paragraph(mention('cm1anna', 'x', { mentionSuggestionChar: '#' }))))).toBe(RichTextMessages.invalid)
    expect(issue(doc(mention('cm1anna', 'x')))).toBe(RichTextMessages.invalid)
    expect(issue(doc({ type: 'codeBlock', content: [mention('cm1anna', 'x')] }))).toBe(RichTextMessages.invalid)
    expect(issue(doc(paragraph(mention('cm1anna', 'x'))))).toBeNull()
  })

  test('reads as "@Name" in text and makes a document non-empty', () => {
    const parsed = RichTextDocumentSchema.parse(doc(paragraph(text('Fråga '), mention('cm1anna', 'Anna Svensson'), text(' om detta.'))))
    expect(documentToText(parsed)).toBe('Fråga @Anna Svensson om detta.')
    expect(isEmptyDocument(RichTextDocumentSchema.parse(doc(paragraph(mention('cm1anna', 'Anna')))))).toBe(false)
  })

  test('mentionedMemberIds lists each member once, also from lists and tables', () => {
    const parsed = RichTextDocumentSchema.parse(
      doc(paragraph(mention('cm1anna', 'Anna'), text(' och '), mention('cm1erik', 'Erik')), {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [paragraph(mention('cm1anna', 'Anna'), mention('cm1sara', 'Sara'))] }],
      }),
    )
    expect(mentionedMemberIds(parsed)).toEqual(['cm1anna', 'cm1erik', 'cm1sara'])
  })

  test('resolveMentions takes the name from the lookup, never the label sent, and turns other mentions into text', () => {
    const parsed = RichTextDocumentSchema.parse(doc(paragraph(mention('cm1anna', 'Någon annan'), text(' och '), mention('cm1gone', 'Borta'))))
    const resolved = resolveMentions(parsed, new Map([['cm1anna', 'Anna\u202E Svensson']]))
    expect(resolved.content[0]?.content).toEqual([
      { type: 'mention', attrs: { id: 'cm1anna', label: 'Anna Svensson', mentionSuggestionChar: '@' } },
      { type: 'text', text: ' och ' },
      { type: 'text', text: '@Borta' },
    ])
    expect(issue(resolved)).toBeNull()
  })
})

describe('images', () => {
  test('shownImages lists each uploaded image once with its first alt text, also from quotes and tables; other paths name no upload', () => {
    const image = (src: string, alt?: string) => ({ type: 'image', attrs: alt ? { src, alt } : { src } })
    const cell = (...content: unknown[]) => ({ type: 'tableCell', content })
    const parsed = RichTextDocumentSchema.parse(
      doc(
        image('/filer/cm1karta', 'Karta'),
        { type: 'blockquote', content: [image('/filer/cm1skiss'), image('/filer/cm1karta', 'Samma karta')] },
        { type: 'table', content: [{ type: 'tableRow', content: [cell(image('/filer/2025/11/bild.png')), cell(image('/filer/cm1tabell', 'Tabell'))] }] },
      ),
    )
    expect(shownImages(parsed)).toEqual([
      { id: 'cm1karta', alt: 'Karta' },
      { id: 'cm1skiss', alt: null },
      { id: 'cm1tabell', alt: 'Tabell' },
    ])
  })
})
