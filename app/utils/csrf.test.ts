import { expect, test } from 'vitest'
import { isForeignOrigin } from './csrf.server.ts'

test.each([
  [null, 'localhost:3000', false],
  ['http://localhost:3000', 'localhost:3000', false],
  ['https://evil.example', 'localhost:3000', true],
  ['null', 'localhost:3000', true],
  ['not a url', 'localhost:3000', true],
  ['https://samverka.example.se', 'app-1.internal:3000', true],
])('Origin %s for host %s is foreign: %s', (origin, host, foreign) => {
  expect(isForeignOrigin(origin, host)).toBe(foreign)
})

test('a load balancer forwarding the public host keeps same-site posts working', () => {
  expect(isForeignOrigin('https://samverka.example.se', 'app-1.internal:3000', 'samverka.example.se')).toBe(false)
})
