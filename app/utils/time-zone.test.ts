import { describe, expect, test } from 'vitest'
import { stockholmDayStart } from './stockholm-date.ts'
import { zonedInstant } from './time-zone.ts'

describe('local days and hours in a time zone', () => {
  test('a Stockholm day begins at local midnight, also on the days the clocks change', () => {
    expect(stockholmDayStart('2026-11-23').toISOString()).toBe('2026-11-22T23:00:00.000Z')
    expect(stockholmDayStart('2026-06-10').toISOString()).toBe('2026-06-09T22:00:00.000Z')
    // Summer time starts at 02:00 on 29 March and ends at 03:00 on 25 October: both midnights are before the change.
    expect(stockholmDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z')
    expect(stockholmDayStart('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z')
    expect(stockholmDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z')
    expect(stockholmDayStart('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z')
  })

  test('the day after the last of a month rolls over', () => {
    expect(stockholmDayStart('2026-12-31', 1).toISOString()).toBe('2026-12-31T23:00:00.000Z')
    expect(zonedInstant(2026, 2, 29, 7, 'Europe/Stockholm').toISOString()).toBe('2026-03-01T06:00:00.000Z')
  })
})
