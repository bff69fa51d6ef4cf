import { describe, expect, test } from 'vitest'
import { stockholmDayStart } from './stockholm-date.ts'
import { localParts, zonedInstant } from './time-zone.ts'

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

  test('an hour the clocks skip is read forward; an hour they repeat is its second, winter-time occurrence', () => {
    expect(zonedInstant(2026, 3, 29, 2, 'Europe/Stockholm').toISOString()).toBe('2026-03-29T01:00:00.000Z')
    expect(zonedInstant(2026, 3, 8, 2, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z')
    expect(zonedInstant(2026, 10, 25, 2, 'Europe/Stockholm').toISOString()).toBe('2026-10-25T01:00:00.000Z')
  })

  test('the local parts of an instant, with the ISO weekday, on both sides of a change', () => {
    const twoThirty = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 15, weekday: 7 }
    expect(localParts(new Date('2026-10-25T00:30:15Z'), 'Europe/Stockholm')).toEqual(twoThirty)
    expect(localParts(new Date('2026-10-25T01:30:15Z'), 'Europe/Stockholm')).toEqual(twoThirty)
    expect(localParts(new Date('2026-10-25T23:00:00Z'), 'Europe/Stockholm')).toMatchObject({ day: 26, hour: 0, weekday: 1 })
  })
})
