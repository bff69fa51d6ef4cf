import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { clearCookie, readCookie, serializeCookie } from './cookies.server.ts'
import { sign, unsign } from './signing.server.ts'

/**
 * A message for the next page, such as "Profilen är sparad.": written by the action that knows
 * the outcome, carried by a short-lived signed cookie, and read once by the root loader, which
 * shows it at the top of the page and clears the cookie. The tone is "success" when what the
 * member did worked ("Profilen är sparad.", "Du är utloggad.") and "notice" for a refusal or a fact
 * they did not ask for ("Ditt konto är avstängt …"). A link inside the app may follow the message.
 */
const FlashSchema = z.object({
  message: z.string().min(1),
  tone: z.enum(['success', 'notice']),
  link: z.object({ href: z.string().startsWith('/'), label: z.string().min(1) }).optional(),
})
export type Flash = z.infer<typeof FlashSchema>

const FLASH_COOKIE = 'samverka_flash'
/** Long enough for the redirect to be followed on a slow connection; the root loader clears it at once. */
const FLASH_TTL_SECONDS = 60

const StoredSchema = FlashSchema.extend({ exp: z.number() })

/** The Set-Cookie header that leaves `flash` for the next page. */
export function flashCookie(request: Request, flash: Flash, now = new Date()): string {
  const stored = { ...FlashSchema.parse(flash), exp: now.getTime() + FLASH_TTL_SECONDS * 1000 }
  return serializeCookie(request, FLASH_COOKIE, sign(stored, FLASH_COOKIE), { maxAgeSeconds: FLASH_TTL_SECONDS })
}

/** A redirect to `to` whose page shows `flash` once; Set-Cookie headers in `init` (sign-out's) are kept. */
export function redirectWithFlash(request: Request, to: string, flash: Flash, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', flashCookie(request, flash))
  return redirect(to, { ...init, headers })
}

/**
 * This request's flash (null when there is none, or it is forged, tampered with or expired) and,
 * when the request carried the cookie at all, the Set-Cookie header that clears it.
 */
export function readFlash(request: Request, now = new Date()): { flash: Flash | null; setCookie: string | null } {
  const value = readCookie(request, FLASH_COOKIE)
  if (value === undefined) return { flash: null, setCookie: null }
  const stored = StoredSchema.safeParse(unsign<unknown>(value, FLASH_COOKIE))
  const flash = stored.success && stored.data.exp > now.getTime() ? FlashSchema.parse(stored.data) : null
  return { flash, setCookie: clearCookie(request, FLASH_COOKIE) }
}
