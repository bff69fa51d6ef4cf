import { expect, test } from 'vitest'
import { escapeHtml, MARK_END, MARK_START, stripMarkers, toSafeHtml } from './highlight.ts'

const marked = (text: string) => `${MARK_START}${text}${MARK_END}`

test('escapes every HTML-significant character', () => {
  expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
})

test('escapes first, then turns markers into <mark>', () => {
  expect(toSafeHtml(`<b>${marked('kommun')}</b> & ${marked('<script>')}`)).toBe('&lt;b&gt;<mark>kommun</mark>&lt;/b&gt; &amp; <mark>&lt;script&gt;</mark>')
})

test('stray, doubled and unclosed markers never produce broken markup', () => {
  expect(toSafeHtml(`${MARK_END}a${MARK_START}${MARK_START}b`)).toBe('a<mark>b</mark>')
  expect(toSafeHtml('plain')).toBe('plain')
})

test('the only tags in the output are <mark> and </mark>', () => {
  const html = toSafeHtml(`<img src=x onerror=alert(1)>${marked('<svg onload=alert(1)>')}"'`)
  expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/)
})

test('stripMarkers removes the private-use markers and stand-ins', () => {
  expect(stripMarkers(`a${MARK_START}b${MARK_END}c\uE002\uE003d`)).toBe('abcd')
})
