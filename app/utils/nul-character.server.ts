import { badRequest } from './errors.server.ts'

/**
 * PostgreSQL text cannot hold U+0000 (it refuses the byte, SQLSTATE 22021) and nobody types
 * one, so a request that carries it is refused where it comes in, never at the database with
 * a 500: the HTTP server answers a path or query with %00 with a 400 (app/cli/start.ts),
 * forms are checked by `requireValidMutation` and `parseUploadForm`, and cookies and paging
 * cursors holding one count as absent (readCookie, decodeCursor).
 */
export const NUL_IN_URL_MESSAGE = 'Adressen innehåller otillåtna tecken. Kontrollera länken och försök igen.'
export const NUL_IN_FORM_MESSAGE = 'Formuläret innehåller otillåtna tecken. Ta bort dem och försök igen.'

/**
 * True when the request target (path and query as sent, percent-encoded) decodes to text
 * with a NUL. Paths, route parameters and queries are decoded once, and an HTTP request
 * line cannot carry a raw NUL byte, so "%00" is the only way one gets in.
 */
export function urlHasNul(target: string): boolean {
  return /%00/i.test(target)
}

/** Throws a 400 when a field's name or text holds a NUL (file contents are not text fields). */
export function refuseNulInForm(formData: FormData) {
  for (const [name, value] of formData) {
    if (name.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) throw badRequest(NUL_IN_FORM_MESSAGE)
  }
}
