import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { expect, test } from 'vitest'
import { RichTextEditor } from '#app/components/rich-text-editor.tsx'
import type { RichTextDocument } from './document.ts'

// The component needs no Remix context: on the server (and without JavaScript) it is a textarea.

const answer: RichTextDocument = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Vår erfarenhet' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Läs ' },
        {
          type: 'text',
          text: 'guiden',
          marks: [{ type: 'link', attrs: { href: 'https://example.se/guide', target: null, rel: 'x', class: null, title: null } }],
        },
        { type: 'hardBreak' },
        { type: 'text', text: '<script>alert(1)</script>' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] }] }] },
  ],
}

function render(props: Partial<Parameters<typeof RichTextEditor>[0]> = {}) {
  return renderToString(createElement(RichTextEditor, { name: 'body', label: 'Svar', id: 'answer-body', defaultValue: answer, ...props }))
}

test('server-renders a labelled textarea holding the text of the document', () => {
  const html = render()
  expect(html).toContain('<label for="answer-body">Svar</label>')
  expect(html).toContain('<textarea id="answer-body" name="body" rows="12">')
  expect(html).toContain('Vår erfarenhet\n\nLäs guiden (https://example.se/guide)\n&lt;script&gt;alert(1)&lt;/script&gt;\n\n- Punkt</textarea>')
  expect(html).not.toMatch(/<script|style=|contenteditable|type="hidden"/)
})

test('hint and errors are wired like every other field', () => {
  const html = render({ hint: 'Länkar blir klickbara.', errors: ['Skriv en text.'] })
  expect(html).toContain('<p id="answer-body-hint" class="hint">Länkar blir klickbara.</p>')
  expect(html).toContain('aria-invalid="true" aria-describedby="answer-body-hint answer-body-error"')
  expect(html).toContain('<ul id="answer-body-error" class="error-list"><li>Skriv en text.</li></ul>')
})

test('an empty or invalid default value gives an empty textarea', () => {
  expect(render({ defaultValue: null })).toMatch(/<textarea[^>]*><\/textarea>/)
  const hostile = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] } as unknown as RichTextDocument
  expect(render({ defaultValue: hostile })).toMatch(/<textarea[^>]*><\/textarea>/)
})
