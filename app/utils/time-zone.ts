import { TZDate } from '@date-fns/tz'

/**
 * Wall-clock time in a time zone (`@date-fns/tz`, on the Intl time-zone data): the local
 * parts of an instant, and the instant a local date and hour begins — correct across
 * daylight-saving changes. A local hour that does not exist (the hour the clocks skip) is
 * read forward, as JavaScript's Date does: 02:00 on the spring-forward day is 03:00.
 */
export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }

export function localParts(instant: Date, timeZone: string): LocalParts {
  const local = new TZDate(instant.getTime(), timeZone)
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds(),
    // ISO weekday: Monday 1 … Sunday 7.
    weekday: local.getDay() || 7,
  }
}

/** The instant when the wall clock in `timeZone` shows this date at `hour`:00 (a day past the month's end rolls over). */
export function zonedInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  return new Date(new TZDate(year, month - 1, day, hour, timeZone).getTime())
}
