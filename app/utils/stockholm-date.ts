/**
 * Calendar days in Swedish time, for dates people type (YYYY-MM-DD): audit filters and the
 * last day of a suspension.
 */
import { zonedInstant } from './time-zone.ts'

const TIME_ZONE = 'Europe/Stockholm'

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const day = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}

/** The instant a day (YYYY-MM-DD, `addDays` later) begins in Stockholm. */
export function stockholmDayStart(date: string, addDays = 0): Date {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  return zonedInstant(year, month, day + addDays, 0, TIME_ZONE)
}

/** The Stockholm calendar date (YYYY-MM-DD) of an instant. */
export function stockholmDate(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}
