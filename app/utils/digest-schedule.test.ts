import { describe, expect, test } from 'vitest'
import { describeSchedule, dueMonthlyPeriod, duePeriod, isoWeekKey, latestSendTime, upcomingMonthlyPeriod, upcomingPeriod } from './digest-schedule.ts'

describe('the weekly digest schedule (Monday 07:00 Europe/Stockholm)', () => {
  test('the latest send time is the Monday 07:00 local at or before now, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(latestSendTime(new Date('2026-11-23T06:00:00Z')).toISOString()).toBe('2026-11-23T06:00:00.000Z')
    expect(latestSendTime(new Date('2026-11-23T05:59:59Z')).toISOString()).toBe('2026-11-16T06:00:00.000Z')
    expect(latestSendTime(new Date('2026-11-29T22:00:00Z')).toISOString()).toBe('2026-11-23T06:00:00.000Z')
    expect(latestSendTime(new Date('2026-06-10T12:00:00Z')).toISOString()).toBe('2026-06-08T05:00:00.000Z')
  })

  test('across the daylight-saving changes the time stays 07:00 local', () => {
    // Summer time starts Sunday 29 March 2026 and ends Sunday 25 October 2026.
    expect(latestSendTime(new Date('2026-03-30T12:00:00Z')).toISOString()).toBe('2026-03-30T05:00:00.000Z')
    expect(latestSendTime(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-23T06:00:00.000Z')
    expect(latestSendTime(new Date('2026-10-26T12:00:00Z')).toISOString()).toBe('2026-10-26T06:00:00.000Z')
  })

  test('ISO week keys, also around the turn of the year', () => {
    expect(isoWeekKey(new Date('2026-11-23T06:00:00Z'))).toBe('2026-W48')
    expect(isoWeekKey(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53')
    expect(isoWeekKey(new Date('2025-12-29T06:00:00Z'))).toBe('2026-W01')
    // Sunday 23:30 in Stockholm is still the previous week, though UTC is already Sunday 22:30.
    expect(isoWeekKey(new Date('2026-11-22T22:30:00Z'))).toBe('2026-W47')
  })

  test('the due digest covers the seven days before the latest send time; the upcoming one runs from it until now', () => {
    const now = new Date('2026-11-25T10:00:00Z')
    expect(duePeriod(now)).toEqual({ week: '2026-W48', from: new Date('2026-11-16T06:00:00Z'), to: new Date('2026-11-23T06:00:00Z') })
    expect(upcomingPeriod(now)).toEqual({ week: '2026-W49', from: new Date('2026-11-23T06:00:00Z'), to: now })
  })

  test('another schedule: Friday 15:00 in Helsinki', () => {
    const schedule = { timeZone: 'Europe/Helsinki', weekday: 5, hour: 15 }
    expect(latestSendTime(new Date('2026-11-25T10:00:00Z'), schedule).toISOString()).toBe('2026-11-20T13:00:00.000Z')
  })

  test("a monthly digest is due with the first Monday of a month and covers the time since the previous month's first Monday", () => {
    // Monday 7 December 2026 is the first Monday of December; the first of November was the 2nd (five weeks back).
    expect(dueMonthlyPeriod(new Date('2026-12-07T09:00:00Z'))).toEqual({
      week: '2026-W50',
      from: new Date('2026-11-02T06:00:00Z'),
      to: new Date('2026-12-07T06:00:00Z'),
    })
    // Monday 5 October 2026, four weeks after Monday 7 September, across no change; 2 November across the end of summer time.
    expect(dueMonthlyPeriod(new Date('2026-10-05T06:00:00Z'))?.from).toEqual(new Date('2026-09-07T05:00:00Z'))
    expect(dueMonthlyPeriod(new Date('2026-11-02T07:00:00Z'))?.from).toEqual(new Date('2026-10-05T05:00:00Z'))
    // Monday 23 November is not a first Monday.
    expect(dueMonthlyPeriod(new Date('2026-11-25T10:00:00Z'))).toBeNull()
  })

  test("a monthly reader's preview collects since the month's first send time", () => {
    expect(upcomingMonthlyPeriod(new Date('2026-11-25T10:00:00Z')).from).toEqual(new Date('2026-11-02T06:00:00Z'))
    expect(upcomingMonthlyPeriod(new Date('2026-12-07T10:00:00Z')).from).toEqual(new Date('2026-12-07T06:00:00Z'))
  })

  test('the schedule in Swedish', () => {
    expect(describeSchedule()).toBe('måndagar kl. 07.00')
    expect(describeSchedule({ timeZone: 'Europe/Stockholm', weekday: 5, hour: 15 })).toBe('fredagar kl. 15.00')
  })
})
