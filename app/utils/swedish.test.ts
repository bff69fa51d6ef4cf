import { expect, test } from 'vitest'
import { formatDateTime, slugify, swedishSortKey } from './swedish.ts'

test('names sort the Swedish way: å, ä, ö after z, in that order', () => {
  const names = ['Örebro kommun', 'Ängelholms kommun', 'Åre kommun', 'Ystads kommun', 'Alingsås kommun']
  const sorted = [...names].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1))
  expect(sorted).toEqual(['Alingsås kommun', 'Ystads kommun', 'Åre kommun', 'Ängelholms kommun', 'Örebro kommun'])
})

test('dates are shown in Stockholm time, Swedish style', () => {
  expect(formatDateTime(new Date('2026-11-23T08:05:00Z'))).toBe('23 november 2026 kl. 09:05')
})

test('slugs are readable ASCII', () => {
  expect(slugify('Upplands Väsby kommun')).toBe('upplands-vasby-kommun')
  expect(slugify('Göteborgs kommun')).toBe('goteborgs-kommun')
})
