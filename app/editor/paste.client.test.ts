// @vitest-environment happy-dom
import { expect, test } from 'vitest'
import { cleanPastedHtml, neutraliseInlineAttributes } from './paste.client.ts'

test('style and handler attributes are renamed in tags, never in text', () => {
  expect(neutraliseInlineAttributes('<p style="color:red" onclick="x" ONMOUSEOVER=y>a style=b onclick=c</p>')).toBe(
    '<p data-pasted-style="color:red" data-pasted-on="x" data-pasted-on=y>a style=b onclick=c</p>',
  )
})

test('Google Docs: the font-weight:normal wrapper is not bold, its bold spans are', () => {
  const html =
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">Fet</span> <span style="font-style:italic">kursiv</span> vanlig</p></b>'
  expect(cleanPastedHtml(html)).toBe('<p><span><strong>Fet</strong></span> <span><em>kursiv</em></span> vanlig</p>')
})

test('Word: bold, italic and struck-through spans keep their formatting', () => {
  expect(cleanPastedHtml('<p class="MsoNormal"><span style="font-weight:bold;font-style:italic;text-decoration:line-through">allt</span></p>')).toBe(
    '<p class="MsoNormal"><span><strong><em><s>allt</s></em></strong></span></p>',
  )
})

test('scripts, styles, objects, handlers and unsafe characters are gone before the editor parses', () => {
  const cleaned = cleanPastedHtml(
    '<style>p{}</style><script>alert(1)</script><object data="x"></object><img src="x" onerror="alert(1)"><p onclick="x">a\u202Eb</p><svg><a>s</a></svg>',
  )
  expect(cleaned).toBe('<img src="x"><p>ab</p>')
})
