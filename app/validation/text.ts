import { z } from 'zod'

/**
 * What members type, cleaned before it is validated and stored. Every schema field that
 * stores free text goes through `singleLine` (names, titles, tags, organisation fields, file
 * names) or `multiLine` (comments, reasons, report texts); rich text is validated by
 * app/editor/document.ts instead.
 *
 * Removed everywhere: C0 and C1 control characters (single lines turn line breaks and tabs
 * into spaces; multi-line text keeps line breaks and tabs), and the invisible format
 * characters that make text look like something it is not — the bidi embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069, which reorder the text around them: "faktura\u202Efdp.exe"
 * shows as "fakturaexe.pdf"), the direction marks (U+200E, U+200F, U+061C), the zero-width
 * space, word joiner and invisible operators (U+200B, U+2060–U+2064), the deprecated format
 * controls (U+206A–U+206F) and the byte-order mark (U+FEFF), which let two names that look
 * the same differ. Zero-width (non-)joiners (U+200C, U+200D) stay: Persian, Indic scripts
 * and emoji sequences need them, and they cannot reorder anything.
 */
const LINE_BREAK = /\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g
// Controls except tab and line feed, then the invisible format characters above.
const REMOVED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g

/** Free text over several lines: NFC, every line break "\n", controls and invisible format characters removed. */
export function cleanMultiLine(text: string): string {
  return text.normalize('NFC').replace(LINE_BREAK, '\n').replace(REMOVED, '')
}

/** One line: as `cleanMultiLine`, then each run of whitespace (line breaks and tabs too) one space, trimmed. */
export function cleanSingleLine(text: string): string {
  return cleanMultiLine(text).replace(/\s+/g, ' ').trim()
}

/**
 * `schema` validating the text after `clean`. Only strings are cleaned (into strings) and
 * anything else reaches `schema` as it is, so the input type is `schema`'s, not z.preprocess's
 * `unknown` (forms type their fields by it).
 */
function cleanedBefore<T extends z.ZodTypeAny>(clean: (text: string) => string, schema: T) {
  return z.preprocess((value) => (typeof value === 'string' ? clean(value) : value), schema) as unknown as z.ZodEffects<T, z.output<T>, z.input<T>>
}

/** `schema` (a string schema) validating the text after `cleanSingleLine`. */
export const singleLine = <T extends z.ZodTypeAny>(schema: T) => cleanedBefore(cleanSingleLine, schema)

/** `schema` (a string schema) validating the text after `cleanMultiLine`. */
export const multiLine = <T extends z.ZodTypeAny>(schema: T) => cleanedBefore(cleanMultiLine, schema)
