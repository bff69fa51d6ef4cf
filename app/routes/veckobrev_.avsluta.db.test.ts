import { database } from '#tests/setup/database.ts'
import { beforeEach, describe, expect, test } from 'vitest'
import { createUnsubscribeToken, UNSUBSCRIBE_TOKEN_DAYS } from '#app/utils/unsubscribe-token.server.ts'
import { insertMember } from '#tests/factories.ts'
import { BASE_URL, call, routeArgs } from '#tests/request.ts'
import { action, loader } from './veckobrev_.avsluta.tsx'

const { prisma } = database

let memberId: string

beforeEach(async () => {
  memberId = (await insertMember(prisma)).id
})

const url = (token: string) => `${BASE_URL}/veckobrev/avsluta?token=${encodeURIComponent(token)}`
const frequency = async () => (await prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { digestFrequency: true } })).digestFrequency
/** A POST as a mail client or the page's form sends it: no cookies, no CSRF token. */
const post = (token: string, body: Record<string, string>) =>
  call(() => action(routeArgs(new Request(url(token), { method: 'POST', body: new URLSearchParams(body) }))))
const get = (token: string) => call(() => loader(routeArgs(new Request(url(token)))))

describe('/veckobrev/avsluta (the unsubscribe link, no sign-in)', () => {
  test('GET shows the choice and changes nothing (mail scanners follow links)', async () => {
    const result = await get(createUnsubscribeToken(memberId))
    expect(result.status).toBe(200)
    expect(result.data).toEqual({ problem: null, frequency: 'weekly' })
    expect(await frequency()).toBe('weekly')
  })

  test('the RFC 8058 one-click POST turns the digest off without a cookie or CSRF token', async () => {
    const result = await post(createUnsubscribeToken(memberId), { 'List-Unsubscribe': 'One-Click' })
    expect(result.status).toBe(200)
    expect(await frequency()).toBe('never')
  })

  test('the page offers a lower frequency instead', async () => {
    const result = await post(createUnsubscribeToken(memberId), { frequency: 'monthly' })
    expect(result.data).toEqual({ problem: null, saved: 'monthly' })
    expect(await frequency()).toBe('monthly')
  })

  test('a forged, tampered or expired token is refused with a Swedish message and changes nothing', async () => {
    const other = (await insertMember(prisma)).id
    const [payload, signature] = createUnsubscribeToken(other).split('.') as [string, string]
    const forged = `${Buffer.from(JSON.stringify({ u: memberId, x: 4_000_000_000 })).toString('base64url')}.${signature}`
    for (const token of [forged, `${payload}.${'0'.repeat(64)}`, 'nonsense', '']) {
      const result = await post(token, { 'List-Unsubscribe': 'One-Click' })
      expect(result.status).toBe(400)
      expect(JSON.stringify(result.data)).toContain('Länken fungerar inte')
    }
    const expired = createUnsubscribeToken(memberId, new Date(Date.now() - (UNSUBSCRIBE_TOKEN_DAYS + 1) * 24 * 60 * 60 * 1000))
    expect((await get(expired)).status).toBe(410)
    const result = await post(expired, { 'List-Unsubscribe': 'One-Click' })
    expect(result.status).toBe(410)
    expect(JSON.stringify(result.data)).toContain('Länken har slutat gälla')
    expect(await frequency()).toBe('weekly')
  })

  test('an unknown choice is refused with 400', async () => {
    const result = await post(createUnsubscribeToken(memberId), { frequency: 'daily' })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain('Välj om du vill ha veckobrevet')
    expect(await frequency()).toBe('weekly')
  })
})
