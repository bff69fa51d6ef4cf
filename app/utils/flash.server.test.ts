import { expect, test } from 'vitest'
import { flashCookie, readFlash, redirectWithFlash } from './flash.server.ts'

const PAGE = 'http://localhost:3000/installningar'

/** A request carrying the cookie of a Set-Cookie header, as the browser sends it back. */
function withCookie(setCookie: string) {
  return new Request(PAGE, { headers: { Cookie: setCookie.split(';')[0] ?? '' } })
}

test('a flash survives the round trip, Swedish letters and quotes included, and its reading clears it', () => {
  const flash = { message: "Organisationen ”Åre & Östra Göinge” är sparad – 'klart'.", tone: 'success' as const }
  const response = redirectWithFlash(new Request(PAGE, { method: 'POST' }), '/installningar', flash)
  expect(response.status).toBe(302)
  expect(response.headers.get('Location')).toBe('/installningar')
  const [setCookie] = response.headers.getSetCookie()
  expect(setCookie).toMatch(/^samverka_flash=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=60$/)

  const read = readFlash(withCookie(setCookie ?? ''))
  expect(read.flash).toEqual(flash)
  expect(read.setCookie).toBe('samverka_flash=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0')
})

test('a link after the message comes along', () => {
  const flash = { message: 'Organisationerna är sammanslagna.', tone: 'success' as const, link: { href: '/organisationer/nacka', label: 'Visa' } }
  expect(readFlash(withCookie(flashCookie(new Request(PAGE), flash))).flash).toEqual(flash)
})

test('other Set-Cookie headers of the redirect are kept', () => {
  const response = redirectWithFlash(
    new Request(PAGE),
    '/logga-in',
    { message: 'Du är utloggad.', tone: 'success' },
    { headers: { 'Set-Cookie': 'samverka_session=; Max-Age=0' } },
  )
  expect(response.headers.getSetCookie().map((cookie) => cookie.split('=')[0])).toEqual(['samverka_session', 'samverka_flash'])
})

test('a forged, tampered or expired cookie shows nothing and is cleared; no cookie, nothing to clear', () => {
  const genuine = flashCookie(new Request(PAGE), { message: 'Profilen är sparad.', tone: 'success' })
  const value = decodeURIComponent(genuine.split(';')[0]?.split('=').slice(1).join('=') ?? '')
  const [payload = '', signature = ''] = value.split('.')
  const forgedPayload = Buffer.from(JSON.stringify({ message: 'Ditt lösenord har gått ut', tone: 'notice', exp: Date.now() + 60_000 })).toString('base64url')
  const cookies = [`${forgedPayload}.${signature}`, `${payload}.${'0'.repeat(signature.length)}`, `${payload.slice(0, -2)}.${signature}`, 'inte-en-flash']
  for (const cookie of cookies) {
    const read = readFlash(new Request(PAGE, { headers: { Cookie: `samverka_flash=${encodeURIComponent(cookie)}` } }))
    expect(read, cookie).toEqual({ flash: null, setCookie: expect.stringContaining('samverka_flash=; ') })
  }

  const old = flashCookie(new Request(PAGE), { message: 'Profilen är sparad.', tone: 'success' }, new Date(Date.now() - 61_000))
  expect(readFlash(withCookie(old)).flash).toBeNull()
  expect(readFlash(new Request(PAGE))).toEqual({ flash: null, setCookie: null })
})
