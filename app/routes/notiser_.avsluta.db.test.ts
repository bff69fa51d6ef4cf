import { database } from '#tests/setup/database.ts'
import { beforeEach, expect, test } from 'vitest'
import { createUnsubscribeToken, UNSUBSCRIBE_TOKEN_DAYS } from '#app/utils/unsubscribe-token.server.ts'
import { insertMember } from '#tests/factories.ts'
import { BASE_URL, call, routeArgs } from '#tests/request.ts'
import { action, loader } from './notiser_.avsluta.tsx'

const { prisma } = database

let memberId: string

beforeEach(async () => {
  memberId = (await insertMember(prisma)).id
})

const token = (kinds: string[], now = new Date()) => createUnsubscribeToken(memberId, now, { list: 'notifications', kinds })
const url = (value: string) => `${BASE_URL}/notiser/avsluta?token=${encodeURIComponent(value)}`
/** A POST as a mail client or the page's form sends it: no cookies, no CSRF token. */
const post = (value: string, body: Record<string, string>) =>
  call(() => action(routeArgs(new Request(url(value), { method: 'POST', body: new URLSearchParams(body) }))))
const get = (value: string) => call(() => loader(routeArgs(new Request(url(value)))))
const kindsOn = async () => (await prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { notificationMailKinds: true } })).notificationMailKinds

test('GET shows what would stop and changes nothing (mail scanners follow links)', async () => {
  const result = await get(token(['answer']))
  expect(result.status).toBe(200)
  expect(result.data).toEqual({ problem: null, kinds: ['svar på mina frågor'], stillOn: ['svar på mina frågor'] })
  expect(await kindsOn()).toEqual(['answer', 'comment', 'accepted', 'mention'])
})

test('the one-click POST turns off exactly the kinds the e-mail told of, without a cookie or CSRF token', async () => {
  const result = await post(token(['answer', 'mention']), { 'List-Unsubscribe': 'One-Click' })
  expect(result.status).toBe(200)
  expect(await kindsOn()).toEqual(['comment', 'accepted'])
})

test('a forged, tampered, digest or expired token is refused with a Swedish message and changes nothing', async () => {
  const [payload] = token(['answer']).split('.') as [string, string]
  const digestToken = createUnsubscribeToken(memberId)
  for (const value of [`${payload}.${'0'.repeat(64)}`, digestToken, 'nonsense', '']) {
    const result = await post(value, { 'List-Unsubscribe': 'One-Click' })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain('Länken fungerar inte')
  }
  const expired = token(['answer'], new Date(Date.now() - (UNSUBSCRIBE_TOKEN_DAYS + 1) * 24 * 60 * 60 * 1000))
  expect((await get(expired)).status).toBe(410)
  expect((await post(expired, { 'List-Unsubscribe': 'One-Click' })).status).toBe(410)
  expect(await kindsOn()).toEqual(['answer', 'comment', 'accepted', 'mention'])
})

test('a token naming no known kind, or a POST without the choice, is refused with 400', async () => {
  expect((await post(token(['okänd']), { 'List-Unsubscribe': 'One-Click' })).status).toBe(400)
  const withoutChoice = await post(token(['answer']), {})
  expect(withoutChoice.status).toBe(400)
  expect(JSON.stringify(withoutChoice.data)).toContain('Välj Sluta skicka')
  expect(await kindsOn()).toEqual(['answer', 'comment', 'accepted', 'mention'])
})
