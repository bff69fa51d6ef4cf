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

test('recent dates are relative, older ones written out', async () => {
  const { formatRelativeDate } = await import('./swedish.ts')
  const now = new Date('2026-03-10T12:00:00Z')
  expect(formatRelativeDate(new Date('2026-03-10T11:59:30Z'), now)).toBe('nyss')
  expect(formatRelativeDate(new Date('2026-03-10T11:55:00Z'), now)).toBe('för 5 minuter sedan')
  expect(formatRelativeDate(new Date('2026-03-09T12:00:00Z'), now)).toBe('i går')
  expect(formatRelativeDate(new Date('2026-03-03T08:00:00Z'), now)).toBe('3 mars 2026')
})
