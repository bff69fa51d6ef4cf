import { expect, test } from 'vitest'
import { normalizeTag, TagsSchema } from './content.ts'

test('tags are trimmed, lower-cased with Swedish letters kept, and de-duplicated', () => {
  expect(normalizeTag('  Ärendehantering ')).toBe('ärendehantering')
  expect(normalizeTag('#E-Arkiv')).toBe('e-arkiv')
  expect(normalizeTag('Öppna   data')).toBe('öppna data')
  expect(TagsSchema.parse('RPA, rpa , Upphandling,,')).toEqual(['rpa', 'upphandling'])
})

test('too many, too long or odd tags are refused with Swedish messages', () => {
  expect(TagsSchema.safeParse(Array.from({ length: 9 }, (_, i) => `tagg${i}`).join(',')).success).toBe(false)
  const long = TagsSchema.safeParse('a'.repeat(41))
  expect(long.success ? null : long.error.issues[0]?.message).toContain('längre än 40 tecken')
  const odd = TagsSchema.safeParse('<script>')
  expect(odd.success ? null : odd.error.issues[0]?.message).toContain('får bara innehålla')
})
