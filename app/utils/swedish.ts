/**
 * Swedish conventions: alphabetical order with å, ä, ö after z (a database sort key that
 * works under the "C" collation on any server), and dates as people here write them.
 */
const SORT_REPLACEMENTS: Record<string, string> = {
  å: '{',
  ä: '|',
  æ: '|',
  ö: '}',
  ø: '}',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  á: 'a',
  à: 'a',
  ü: 'y',
  í: 'i',
  ó: 'o',
  ú: 'u',
  ñ: 'n',
  ç: 'c',
}

/** A key that sorts names the Swedish way under byte order: "Åre" after "Ystad", "Älmhult" after "Åre". */
export function swedishSortKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åäæöøéèêëáàüíóúñç]/g, (char) => SORT_REPLACEMENTS[char] ?? char)
    .slice(0, 200)
}

export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base' })

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
})
const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' })

/** "23 november 2026 kl. 09:05" in Stockholm time. */
export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(new Date(value))
}

export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value))
}

/** URL slug from a Swedish name: "Upplands Väsby kommun" → "upplands-vasby-kommun". */
export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[åä]/g, 'a')
      .replace(/ö/g, 'o')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'organisation'
  )
}

const relativeFormat = new Intl.RelativeTimeFormat('sv', { numeric: 'auto' })

/** "för 5 minuter sedan", "i går" for the last week; otherwise "3 mars 2026". */
export function formatRelativeDate(value: Date | string, now = new Date()): string {
  const date = new Date(value)
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  const absolute = Math.abs(seconds)
  if (absolute < 60) return 'nyss'
  if (absolute < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute')
  if (absolute < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour')
  if (absolute < 7 * 86_400) return relativeFormat.format(Math.round(seconds / 86_400), 'day')
  return formatDate(date)
}
