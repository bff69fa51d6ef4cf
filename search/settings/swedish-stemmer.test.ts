import { expect, test } from 'vitest'
import { stemSwedish, stemWords } from './swedish-stemmer.ts'

// Expected stems as PostgreSQL's `swedish_stem` gives them (see swedish-stemmer.db.test.ts).
const CASES: [string, string][] = [
  ['kommunerna', 'kommun'],
  ['kommunen', 'kommun'],
  ['kommuner', 'kommun'],
  ['handläggarna', 'handlägg'],
  ['handläggare', 'handlägg'],
  ['socialtjänstlagen', 'socialtjänstlag'],
  ['dataskyddsförordningen', 'dataskyddsförordning'],
  ['upphandlingen', 'upphandling'],
  ['upphandling', 'upphandling'],
  ['friskt', 'frisk'],
  ['möjligheten', 'möj'],
  ['löst', 'löst'],
  ['kraftfullt', 'kraftfull'],
  ['tillgängliga', 'tillgäng'],
  ['riktlinjerna', 'riktlinj'],
  ['bygglovet', 'bygglovet'],
  ['lss', 'lss'],
]

test.each(CASES)('%s → %s', (word, stem) => {
  expect(stemSwedish(word)).toBe(stem)
})

test('case-insensitive; words with digits or hyphens and short words are left alone', () => {
  expect(stemSwedish('KOMMUNERNA')).toBe('kommun')
  expect(stemSwedish('e-arkiv')).toBe('e-arkiv')
  expect(stemSwedish('2026')).toBe('2026')
  expect(stemSwedish('är')).toBe('är')
})

test('stemWords splits a text into stemmed words', () => {
  expect(stemWords('Kommunerna och e-arkiven!')).toEqual(['kommun', 'och', 'e', 'arkiv'])
})
