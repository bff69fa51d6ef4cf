/**
 * Calendar days in Swedish time, for dates people type (YYYY-MM-DD): audit filters and the
 * last day of a suspension.
 */
const TIME_ZONE = 'Europe/Stockholm'

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const day = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}

/** The instant a day (YYYY-MM-DD, `addDays` later) begins in Stockholm. */
export function stockholmDayStart(date: string, addDays = 0): Date {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + addDays)
  const offsetHours = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(day)
    .find((part) => part.type === 'timeZoneName')
    ?.value.match(/GMT([+-]\d+)/)?.[1]
  return new Date(day.getTime() - Number(offsetHours ?? 0) * 3600_000)
}

/** The Stockholm calendar date (YYYY-MM-DD) of an instant. */
export function stockholmDate(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}
