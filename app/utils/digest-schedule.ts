import { localParts, zonedInstant } from './time-zone.ts'

/**
 * When weekly digests go out: every week at a local weekday and hour (default Monday 07:00
 * Europe/Stockholm; DIGEST_WEEKDAY/DIGEST_HOUR/DIGEST_TIME_ZONE or the site settings). A
 * digest sent at a scheduled time covers the week before it; its key is the ISO week of that
 * time ("2026-W48"), unique per member (one digest per member and week).
 */

export type DigestSchedule = { timeZone: string; weekday: number; hour: number }

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { timeZone: 'Europe/Stockholm', weekday: 1, hour: 7 }

const DAY_MS = 24 * 60 * 60 * 1000

/** The latest scheduled send time at or before `now`. */
export function latestSendTime(now: Date, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): Date {
  const local = localParts(now, schedule.timeZone)
  const daysBack = (local.weekday - schedule.weekday + 7) % 7
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day) - daysBack * DAY_MS)
  const candidate = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), schedule.hour, schedule.timeZone)
  if (candidate.getTime() <= now.getTime()) return candidate
  const weekEarlier = new Date(date.getTime() - 7 * DAY_MS)
  return zonedInstant(weekEarlier.getUTCFullYear(), weekEarlier.getUTCMonth() + 1, weekEarlier.getUTCDate(), schedule.hour, schedule.timeZone)
}

/** The ISO week ("2026-W48") of an instant's local date. */
export function isoWeekKey(instant: Date, timeZone = DEFAULT_DIGEST_SCHEDULE.timeZone): string {
  const local = localParts(instant, timeZone)
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day))
  // The Thursday of the same ISO week decides its year.
  const thursday = new Date(date.getTime() + (4 - local.weekday) * DAY_MS)
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1)
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

export type DigestPeriod = { week: string; from: Date; to: Date }

/** The digest due at the latest send time: the week before it. */
export function duePeriod(now: Date, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): DigestPeriod {
  const to = latestSendTime(now, schedule)
  return { week: isoWeekKey(to, schedule.timeZone), from: new Date(to.getTime() - 7 * DAY_MS), to }
}

/** The digest being collected now (its preview): from the latest send time until now. */
export function upcomingPeriod(now: Date, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): DigestPeriod {
  const from = latestSendTime(now, schedule)
  // Eight days on is past the next send time and before the one after it.
  const next = latestSendTime(new Date(from.getTime() + 8 * DAY_MS), schedule)
  return { week: isoWeekKey(next, schedule.timeZone), from, to: now }
}

/**
 * Monthly digests go out with the first scheduled digest of each month (its local date is
 * in the month's first seven days) and cover everything since the previous month's first
 * one; the key is that send time's ISO week, like the weekly digest sent at the same time.
 * Null in the other weeks.
 */
export function dueMonthlyPeriod(now: Date, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): DigestPeriod | null {
  const to = latestSendTime(now, schedule)
  if (localParts(to, schedule.timeZone).day > 7) return null
  // Four or five weeks back: the previous month's first send time (half a day later than
  // whole weeks back, so a daylight-saving change cannot land before that week's send time).
  const weeksBack = (weeks: number) => latestSendTime(new Date(to.getTime() - weeks * 7 * DAY_MS + DAY_MS / 2), schedule)
  const fourWeeksBack = weeksBack(4)
  const from = localParts(fourWeeksBack, schedule.timeZone).day <= 7 ? fourWeeksBack : weeksBack(5)
  return { week: isoWeekKey(to, schedule.timeZone), from, to }
}

/** The digest being collected now for a monthly reader: since the latest first-of-the-month send time. */
export function upcomingMonthlyPeriod(now: Date, schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): DigestPeriod {
  const upcoming = upcomingPeriod(now, schedule)
  let from = upcoming.from
  for (let weeks = 0; weeks < 5 && localParts(from, schedule.timeZone).day > 7; weeks++) {
    from = latestSendTime(new Date(from.getTime() - 7 * DAY_MS + DAY_MS / 2), schedule)
  }
  return { ...upcoming, from }
}

const WEEKDAY_NAMES = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag']

/** "måndagar kl. 07.00" (Swedish style), for the pages that say when digests go out. */
export function describeSchedule(schedule: DigestSchedule = DEFAULT_DIGEST_SCHEDULE): string {
  return `${WEEKDAY_NAMES[schedule.weekday - 1]}ar kl. ${String(schedule.hour).padStart(2, '0')}.00`
}
