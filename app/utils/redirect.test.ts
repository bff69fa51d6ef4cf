import { expect, test } from 'vitest'
import { safeRedirect } from './redirect.ts'

test.each([
  ['/organisationer/malmo', '/organisationer/malmo'],
  ['/sok?q=a%20b', '/sok?q=a%20b'],
  ['//evil.example/phish', '/'],
  ['/\\evil.example', '/'],
  ['https://evil.example', '/'],
  ['javascript:alert(1)', '/'],
  ['/%0d%0aSet-Cookie:x', '/%0d%0aSet-Cookie:x'],
  ['/\nSet-Cookie', '/'],
  ['', '/'],
  [null, '/'],
])('safeRedirect(%j) is %j', (input, expected) => {
  expect(safeRedirect(input)).toBe(expected)
})
