import { describe, expect, test } from 'vitest'
import { cleanText, normalizeFilters, normalizeQuery, normalizeSearchInput, SEARCH_LIMITS, truncate, withoutFilter } from './query.ts'

describe('normalizeQuery', () => {
  test('trims, collapses whitespace and keeps ordinary text as typed', () => {
    expect(normalizeQuery('  e-arkiv   för "kommuner"  ')).toBe('e-arkiv för "kommuner"')
  })

  test('bounds the length, also for a 10 kB string, without cutting an emoji in half', () => {
    expect(normalizeQuery('a'.repeat(10_000))).toHaveLength(SEARCH_LIMITS.queryMaxLength)
    const emoji = normalizeQuery(`${'a'.repeat(199)}🙂🙂`)
    expect(emoji).toBe('a'.repeat(199))
    expect(emoji).not.toMatch(/[\uD800-\uDFFF]/)
  })

  test('removes control and format characters, the highlight markers, and repairs lone surrogates', () => {
    expect(normalizeQuery('nul\u0000byte\ttab')).toBe('nul byte tab')
    expect(normalizeQuery('\u202Eevil\u202C\u200B')).toBe('evil')
    expect(normalizeQuery('\uE000mark\uE001')).toBe('mark')
    expect(normalizeQuery('a \uD800 b')).toBe('a \uFFFD b')
  })

  test('keeps RTL text and composes to NFC', () => {
    expect(normalizeQuery('שלום')).toBe('שלום')
    expect(normalizeQuery('a\u030Angest')).toBe('ångest')
  })

  test('anything but a string is an empty query', () => {
    expect(normalizeQuery(undefined)).toBe('')
    expect(normalizeQuery(42)).toBe('')
    expect(normalizeQuery({ toString: () => 'x' })).toBe('')
  })
})

describe('normalizeFilters', () => {
  test('keeps known values once, drops unknown ones, lower-cases tags', () => {
    expect(
      normalizeFilters({
        type: ['question', 'question', 'x OR 1=1', 7],
        organisationType: 'kommun',
        tags: ['E-arkiv', ' ', 'a'.repeat(101)],
        projectStatus: ['ongoing'],
        artifactKind: ['nonsense'],
        seekingPartners: 'yes',
      }),
    ).toEqual({ type: ['question'], organisationType: ['kommun'], tags: ['e-arkiv'], projectStatus: ['ongoing'] })
  })

  test('caps the number of values per filter', () => {
    const tags = Array.from({ length: 50 }, (_, index) => `tagg${index}`)
    expect(normalizeFilters({ tags }).tags).toHaveLength(SEARCH_LIMITS.valuesPerFilterMax)
  })

  test('accepts dates and ISO strings in a sane range only', () => {
    const from = new Date('2026-01-01T00:00:00Z')
    expect(normalizeFilters({ createdFrom: from, createdTo: '2026-12-31T23:59:59Z' })).toEqual({
      createdFrom: from,
      createdTo: new Date('2026-12-31T23:59:59Z'),
    })
    expect(normalizeFilters({ createdFrom: 'igår', createdTo: new Date('0001-01-01') })).toEqual({})
  })

  test('seekingPartners only as true', () => {
    expect(normalizeFilters({ seekingPartners: true })).toEqual({ seekingPartners: true })
    expect(normalizeFilters({ seekingPartners: false })).toEqual({})
  })
})

describe('normalizeSearchInput', () => {
  test('defaults: relevance, page 1, 20 per page, no facets', () => {
    expect(normalizeSearchInput('x', {})).toEqual({
      query: 'x',
      filters: {},
      facets: [],
      sort: 'relevance',
      match: 'all',
      exclude: [],
      page: 1,
      pageSize: 20,
    })
  })

  test('match is all unless any; excluded ids must look like ids, without duplicates, at most 50', () => {
    const options = { match: 'some', exclude: ['abc123', 'abc123', '" OR 1=1', 'a'.repeat(65), 42, null] } as unknown as Parameters<
      typeof normalizeSearchInput
    >[1]
    expect(normalizeSearchInput('x', options)).toMatchObject({ match: 'all', exclude: ['abc123'] })
    expect(normalizeSearchInput('x', { match: 'any', exclude: 'single' as unknown as string[] })).toMatchObject({ match: 'any', exclude: ['single'] })
    const many = Array.from({ length: 500 }, (_, index) => `id${index}`)
    expect(normalizeSearchInput('x', { exclude: many }).exclude).toEqual(many.slice(0, SEARCH_LIMITS.excludeMax))
  })

  test('clamps page and page size, drops unknown facets and sorts', () => {
    const options = { page: 10_000, pageSize: 0, facets: ['type', 'bogus', 'type'], sort: 'sideways' } as unknown as Parameters<typeof normalizeSearchInput>[1]
    expect(normalizeSearchInput('x', options)).toMatchObject({ page: SEARCH_LIMITS.pageMax, pageSize: 1, facets: ['type'], sort: 'relevance' })
    expect(normalizeSearchInput('x', { page: -1, pageSize: 1_000 })).toMatchObject({ page: 1, pageSize: SEARCH_LIMITS.pageSizeMax })
  })
})

test('withoutFilter removes one field and leaves the rest', () => {
  expect(withoutFilter({ type: ['question'], tags: ['a'] }, 'type')).toEqual({ tags: ['a'] })
})

test('cleanText and truncate', () => {
  expect(cleanText(' a\n\nb ')).toBe('a b')
  expect(truncate('abc', 2)).toBe('ab')
  expect(truncate('a🙂', 2)).toBe('a')
})
