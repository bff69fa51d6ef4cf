import { CsvError, parse } from 'csv-parse/sync'

/** A record longer than this (characters) is refused rather than parsed: a quote left open swallows the rest of the file. */
export const CSV_RECORD_MAX_CHARACTERS = 64 * 1024

/** Text that is not CSV; the message is Swedish and names the row (counted in records, the header being row 1). */
export class CsvFormatError extends Error {}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken avslutas aldrig',
  CSV_MAX_RECORD_SIZE: `en post är längre än ${CSV_RECORD_MAX_CHARACTERS / 1024} kB (ett citattecken som inte avslutas?)`,
}

/**
 * RFC 4180 CSV (csv-parse): quoted fields with commas, doubled quotes and line breaks; LF, CRLF
 * or CR, also mixed; a leading BOM is dropped. A quote inside an unquoted field is kept as
 * text; rows of only blank cells are left out. Malformed text throws a CsvFormatError.
 */
export function parseCsv(text: string): string[][] {
  let rows: string[][]
  try {
    rows = parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: CSV_RECORD_MAX_CHARACTERS,
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    // The record that failed follows the `records` complete ones (the header counts as row 1).
    const where = typeof error.records === 'number' ? `rad ${error.records + 1}: ` : ''
    throw new CsvFormatError(`${where}${CSV_PROBLEMS[error.code] ?? 'texten kan inte läsas som CSV'}`)
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''))
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text)
  if (!header) return []
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name.trim(), (cells[index] ?? '').trim()])))
}

/**
 * One CSV line for Swedish Excel: `;`-separated, CRLF-terminated, fields quoted when they
 * hold the separator, a quote or a line break. A field that Excel would read as a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe.
 */
export function csvLine(cells: readonly string[], separator = ';'): string {
  return `${cells
    .map((cell) => {
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
      return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
    })
    .join(separator)}\r\n`
}
