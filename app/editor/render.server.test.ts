import { describe, expect, test } from 'vitest'
import { parseRichTextField, type RichTextDocument } from './document.ts'
import { LINK_REL } from './extensions.ts'
import { renderRichText, safeRenderRichText, sanitizeRichTextHtml, toPlainText } from './render.server.ts'

const REL = `rel="${LINK_REL}"`

/** A realistic answer, written as the editor stores it (all attributes present). */
const article = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Så införde vi e-arkiv i Västerås' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Vi började med ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'socialtjänstens' },
        { type: 'text', text: ' akter och följde ' },
        {
          type: 'text',
          marks: [{ type: 'link', attrs: { href: 'https://www.riksarkivet.se/e-arkiv', target: null, rel: LINK_REL, class: null, title: null } }],
          text: 'Riksarkivets vägledning',
        },
        { type: 'text', text: '.' },
        { type: 'hardBreak' },
        { type: 'text', marks: [{ type: 'italic' }], text: 'Tips:' },
        { type: 'text', text: ' fråga ' },
        { type: 'text', marks: [{ type: 'code' }], text: 'arkiv@vasteras.se' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inventera system' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Välj leverantör' }] }] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3, type: null },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gallra' }] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableHeader',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fas' }] }],
            },
            {
              type: 'tableHeader',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Månader' }] }],
            },
          ],
        },
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableCell',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Förstudie' }] }],
            },
            { type: 'tableCell', attrs: { colspan: 1, rowspan: 2, colwidth: null }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '6' }] }] },
          ],
        },
      ],
    },
    { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'SELECT * FROM akt\nWHERE år < 2020;' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Börja smått – men börja.' }] }] },
    { type: 'image', attrs: { src: '/filer/abc', alt: 'Flödesschema', title: null, width: null, height: null } },
    { type: 'horizontalRule' },
  ],
} as const satisfies RichTextDocument

describe('renderRichText', () => {
  test('a realistic Swedish document renders to the expected HTML', () => {
    expect(renderRichText(article)).toBe(
      [
        '<h2>Så införde vi e-arkiv i Västerås</h2>',
        `<p>Vi började med <strong>socialtjänstens</strong> akter och följde <a href="https://www.riksarkivet.se/e-arkiv" ${REL}>Riksarkivets vägledning</a>.<br /><em>Tips:</em> fråga <code>arkiv@vasteras.se</code></p>`,
        '<ul><li><p>Inventera system</p></li><li><p>Välj leverantör</p></li></ul>',
        '<ol start="3"><li><p>Gallra</p></li></ol>',
        '<table><tbody><tr><th><p>Fas</p></th><th><p>Månader</p></th></tr><tr><td><p>Förstudie</p></td><td rowspan="2"><p>6</p></td></tr></tbody></table>',
        '<pre><code class="language-sql">SELECT * FROM akt\nWHERE år &lt; 2020;</code></pre>',
        '<blockquote><p>Börja smått – men börja.</p></blockquote>',
        '<img src="/filer/abc" alt="Flödesschema" />',
        '<hr />',
      ].join(''),
    )
  })

  test('external links always get rel and never target; strike and mailto render', () => {
    const html = safeRenderRichText({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'gammalt', marks: [{ type: 'strike' }] },
            { type: 'text', text: 'extern', marks: [{ type: 'link', attrs: { href: 'http://example.com', target: '_blank', rel: 'opener' } }] },
            { type: 'text', text: 'mejl', marks: [{ type: 'link', attrs: { href: 'mailto:info@kommun.se' } }] },
          ],
        },
      ],
    })
    expect(html).toBe(`<p><s>gammalt</s><a href="http://example.com" ${REL}>extern</a><a href="mailto:info@kommun.se" ${REL}>mejl</a></p>`)
  })

  test('tables carry no inline styles or column groups', () => {
    const html = renderRichText(article)
    expect(html).not.toMatch(/style=|<colgroup|<col\b|min-width/)
  })

  test('the no-JavaScript path renders the same way', () => {
    const parsed = parseRichTextField('Första stycket\nrad två\n\nAndra https://example.se')
    expect(parsed.ok && renderRichText(parsed.doc)).toBe(
      `<p>Första stycket<br />rad två</p><p>Andra <a href="https://example.se" ${REL}>https://example.se</a></p>`,
    )
  })

  test('accepts database JSON or a JSON string; anything invalid renders as nothing', () => {
    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hej' }] }] }
    expect(safeRenderRichText(json)).toBe('<p>Hej</p>')
    expect(safeRenderRichText(JSON.stringify(json))).toBe('<p>Hej</p>')
    expect(safeRenderRichText('<p>Hej</p>')).toBe('')
    expect(safeRenderRichText(undefined)).toBe('')
    expect(renderRichText({ type: 'doc', content: [{ type: 'video' }] } as unknown as RichTextDocument)).toBe('')
  })

  test('never throws, even on objects that throw when read', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
        ownKeys() {
          throw new Error('boom')
        },
        has() {
          throw new Error('boom')
        },
      },
    )
    expect(safeRenderRichText(hostile)).toBe('')
    expect(toPlainText(hostile as RichTextDocument)).toBe('')
  })
})

describe('toPlainText', () => {
  test('gives readable text: one line per block, cells apart, whitespace collapsed', () => {
    expect(toPlainText(article)).toBe(
      [
        'Så införde vi e-arkiv i Västerås',
        'Vi började med socialtjänstens akter och följde Riksarkivets vägledning.',
        'Tips: fråga arkiv@vasteras.se',
        'Inventera system',
        'Välj leverantör',
        'Gallra',
        'Fas Månader',
        'Förstudie 6',
        'SELECT * FROM akt',
        'WHERE år < 2020;',
        'Börja smått – men börja.',
        'Flödesschema',
      ].join('\n'),
    )
  })

  test('snippets are cut at a word and marked with an ellipsis', () => {
    const snippet = toPlainText(article, 40)
    expect(snippet).toBe('Så införde vi e-arkiv i Västerås\nVi…')
    expect(snippet.length).toBeLessThanOrEqual(40)
    expect(toPlainText(article, 10_000)).toBe(toPlainText(article))
  })

  test('invalid input gives an empty string', () => {
    expect(toPlainText({ type: 'doc', content: [{ type: 'script' }] } as unknown as RichTextDocument)).toBe('')
  })
})

describe('mentions', () => {
  const withMention = (label: string) =>
    parseRichTextField(
      JSON.stringify({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Fråga ' },
              { type: 'mention', attrs: { id: 'cm1anna', label } },
            ],
          },
        ],
      }),
    )

  test('render as a link to the member page with the text "@Name", and as "@Name" in plain text', () => {
    const parsed = withMention('Anna Svensson')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(renderRichText(parsed.doc)).toBe('<p>Fråga <a href="/medlemmar/cm1anna" class="mention">@Anna Svensson</a></p>')
    expect(toPlainText(parsed.doc)).toBe('Fråga @Anna Svensson')
  })

  test('a label with markup stays text', () => {
    const parsed = withMention('<img src=x onerror=alert(1)>')
    expect(parsed.ok && renderRichText(parsed.doc)).toBe('<p>Fråga <a href="/medlemmar/cm1anna" class="mention">@&lt;img src=x onerror=alert(1)&gt;</a></p>')
  })

  test('the sanitiser keeps the mention class only on links to a member page', () => {
    expect(sanitizeRichTextHtml('<a class="mention" href="/medlemmar/cm1anna" rel="opener">@A</a>')).toBe('<a href="/medlemmar/cm1anna" class="mention">@A</a>')
    expect(sanitizeRichTextHtml('<a class="mention" href="/medlemmar/../admin">@A</a>')).toBe(`<a ${REL}>@A</a>`)
    expect(sanitizeRichTextHtml('<a class="mention" href="javascript:alert(1)">@A</a>')).toBe(`<a ${REL}>@A</a>`)
    expect(sanitizeRichTextHtml('<a class="mention evil" href="/medlemmar/cm1anna">@A</a>')).toBe(`<a ${REL}>@A</a>`)
  })
})

describe('sanitizeRichTextHtml', () => {
  test('is the allow-list: tags, attributes, classes, schemes', () => {
    expect(
      sanitizeRichTextHtml(
        '<h1>x</h1><p class="a" style="color:red" onclick="x">p</p><a href="/rel" target="_blank">a</a><img src="/filer/a" width="9"><img src="/bilder/a"><pre class="language-js evil"><code class="language-js x">1</code></pre><ol start="2x" type="a"><li>l</li></ol><td colspan="2" rowspan="x" style="x">c</td>',
      ),
    ).toBe(
      `x<p>p</p><a ${REL}>a</a><img src="/filer/a" /><pre class="language-js"><code class="language-js">1</code></pre><ol><li>l</li></ol><td colspan="2">c</td>`,
    )
  })
})
