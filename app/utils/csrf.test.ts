import { expect, test } from 'vitest'
import { isForeignOrigin, ownHosts } from './csrf.server.ts'

test.each([
  [null, 'localhost:3000', false],
  ['http://localhost:3000', 'localhost:3000', false],
  ['https://evil.example', 'localhost:3000', true],
  ['null', 'localhost:3000', true],
  ['not a url', 'localhost:3000', true],
  ['https://samverka.example.se', 'app-1.internal:3000', true],
])('Origin %s for host %s is foreign: %s', (origin, host, foreign) => {
  expect(isForeignOrigin(origin, [host])).toBe(foreign)
})

test('X-Forwarded-Host counts only behind a trusted proxy', () => {
  const forwarded = { host: 'app-1.internal:3000', forwardedHost: 'samverka.example.se' }
  expect(ownHosts(forwarded, { trustProxy: true })).toEqual(['app-1.internal:3000', 'samverka.example.se'])
  expect(ownHosts(forwarded, { trustProxy: false })).toEqual(['app-1.internal:3000'])
  expect(isForeignOrigin('https://samverka.example.se', ownHosts(forwarded, { trustProxy: false }))).toBe(true)
})

test('the configured public address is always this site', () => {
  const hosts = ownHosts({ host: 'app-1.internal:3000', forwardedHost: null }, { trustProxy: false, appUrl: 'https://samverka.example.se' })
  expect(isForeignOrigin('https://samverka.example.se', hosts)).toBe(false)
  expect(isForeignOrigin('https://evil.example', hosts)).toBe(true)
})

test('an oversized form is refused with 413 before it is read', async () => {
  const { requireValidMutation } = await import('./csrf.server.ts')
  const request = new Request('http://localhost:3000/logga-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(10 * 1024 * 1024) },
    body: 'email=x',
  })
  await expect(requireValidMutation(request)).rejects.toMatchObject({ status: 413 })
})
