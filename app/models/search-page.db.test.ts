import '#tests/setup/database.ts'
import { expect, test } from 'vitest'
import { parseSearchParams } from './search-page.server.ts'

test('a date range means Swedish days, like the audit filter: from local midnight to the last moment of the day', () => {
  const summer = parseSearchParams(new URLSearchParams('fran=2026-06-15&till=2026-06-15')).filters
  expect(summer.createdFrom?.toISOString()).toBe('2026-06-14T22:00:00.000Z')
  expect(summer.createdTo?.toISOString()).toBe('2026-06-15T21:59:59.999Z')
  // The day summer time ends has 25 hours.
  const autumn = parseSearchParams(new URLSearchParams('fran=2026-10-25&till=2026-10-25')).filters
  expect(autumn.createdFrom?.toISOString()).toBe('2026-10-24T22:00:00.000Z')
  expect(autumn.createdTo?.toISOString()).toBe('2026-10-25T22:59:59.999Z')
})

test('a day that does not exist is a notice, not a filter', () => {
  const parsed = parseSearchParams(new URLSearchParams('fran=2026-02-30'))
  expect(parsed.filters.createdFrom).toBeUndefined()
  expect(parsed.notices).toEqual([{ kind: 'invalid-date', value: '2026-02-30' }])
})
