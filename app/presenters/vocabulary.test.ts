import { describe, expect, test } from 'vitest'
import { contentKindOf, contentPhrase } from './vocabulary.ts'

describe('contentPhrase', () => {
  test('names each kind by the title it is known by', () => {
    expect(contentPhrase('post', 'yours', 'Vinterväghållning')).toBe('ditt inlägg ”Vinterväghållning”')
    expect(contentPhrase('answer', 'yours', 'Vinterväghållning')).toBe('ditt svar på ”Vinterväghållning”')
    expect(contentPhrase('comment', 'definite', 'Vinterväghållning', { capitalise: true })).toBe('Kommentaren på ”Vinterväghållning”')
    expect(contentPhrase('member', 'definite', 'Anna Svensson', { capitalise: true })).toBe('Medlemmen')
    expect(contentPhrase('member', 'yours', null)).toBe('ditt konto')
  })

  test('without a title the thing stands alone', () => {
    expect(contentPhrase('answer', 'definite', null)).toBe('svaret')
  })
})

test('contentKindOf reads audit-log target types and refuses the unknown', () => {
  expect(contentKindOf('user')).toBe('member')
  expect(contentKindOf('answer')).toBe('answer')
  expect(contentKindOf('organisation')).toBeNull()
  expect(contentKindOf('toString')).toBeNull()
})
