import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { createSession } from '#app/utils/auth.server.ts'
import { CLIENT_ADDRESS_HEADER, displayClientAddress } from '#app/utils/request.server.ts'
import { insertMember } from '#tests/factories.ts'
import { BASE_URL, Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { action, loader } from './installningar.inloggningar.tsx'
import { action as signOutAction } from './logga-ut.tsx'

const { prisma } = database

let member: { id: string }
let browser: Browser

beforeAll(async () => {
  member = await insertMember(prisma, { name: 'Ines Inloggad' })
  browser = new Browser()
  await browser.signInAs(member.id)
})

type Sessions = { sessions: Array<{ ipAddress: string }> }

describe('the addresses on the sessions page', () => {
  test('an IPv4 client seen by a dual-stack server (::ffff:…) is stored and shown as its IPv4 address', async () => {
    const request = new Request(`${BASE_URL}/logga-in/kod`, { headers: { [CLIENT_ADDRESS_HEADER]: '::ffff:192.0.2.7', 'User-Agent': 'Firefox/130.0' } })
    await createSession(request, member.id)
    expect(await prisma.session.findMany({ where: { userId: member.id, userAgent: 'Firefox/130.0' }, select: { ipAddress: true } })).toEqual([
      { ipAddress: '192.0.2.7' },
    ])

    // A session stored before addresses were cleaned.
    await prisma.session.updateMany({ where: { userId: member.id, userAgent: 'Firefox/130.0' }, data: { ipAddress: '::ffff:127.0.0.1' } })
    const page = await call(() => loader(routeArgs(browser.get('/installningar/inloggningar'))))
    expect((page.data as Sessions).sessions.map((session) => session.ipAddress).sort()).toEqual(['10.0.0.1', '127.0.0.1'])
  })

  test('only IPv4-mapped addresses change', () => {
    expect(displayClientAddress('::FFFF:10.20.30.40')).toBe('10.20.30.40')
    for (const address of ['::1', '2001:db8::ffff:1.2.3.4', '::ffff:abcd:1', '10.0.0.1', 'unknown']) expect(displayClientAddress(address)).toBe(address)
  })
})

describe('signing out', () => {
  test('another device: this page says so; this device, here or from the menu: the sign-in page says so and the session ends', async () => {
    const [laptop, phone, tablet] = [new Browser(), new Browser(), new Browser()]
    for (const device of [laptop, phone, tablet]) await device.signInAs(member.id)
    const sessionIds = [laptop, phone, tablet].map((device) => device.cookie('samverka_session') ?? '')

    const other = await call(() => action(routeArgs(laptop.post('/installningar/inloggningar', { sessionId: sessionIds[1] ?? '' }))), laptop)
    expect(other.location).toBe('/installningar/inloggningar')
    expect(flashOf(other)).toEqual({ message: 'Enheten är utloggad.', tone: 'success' })

    const here = await call(() => action(routeArgs(laptop.post('/installningar/inloggningar', { sessionId: sessionIds[0] ?? '' }))), laptop)
    const fromMenu = await call(() => signOutAction(routeArgs(tablet.post('/logga-ut', {}))), tablet)
    for (const result of [here, fromMenu]) {
      expect(result.location).toBe('/logga-in')
      expect(flashOf(result)).toEqual({ message: 'Du är utloggad.', tone: 'success' })
    }
    expect([laptop.cookie('samverka_session'), tablet.cookie('samverka_session')]).toEqual([undefined, undefined])
    expect(await prisma.session.count({ where: { id: { in: sessionIds } } })).toBe(0)
  })
})
