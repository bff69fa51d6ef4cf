import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertMember } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { action } from './installningar.veckobrev.tsx'

const { prisma } = database

let member: Browser
let memberId: string

beforeAll(async () => {
  const user = await insertMember(prisma)
  memberId = user.id
  member = new Browser()
  await member.signInAs(user.id)
})

const save = (fields: [string, string][], options?: Parameters<Browser['post']>[2]) => {
  const request = member.post('/installningar/veckobrev', {}, options)
  const body = new URLSearchParams(fields)
  if (options?.csrf !== false) body.set('csrf', member.csrfToken)
  return call(() => action(routeArgs(new Request(request.url, { method: 'POST', headers: request.headers, body }))), member)
}
const preferences = () => prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { digestFrequency: true, digestSectionsOff: true } })

describe('POST /installningar/veckobrev', () => {
  test('stores the frequency and the sections left unticked', async () => {
    const result = await save([
      ['frequency', 'never'],
      ['sections', 'answers'],
      ['sections', 'followed'],
    ])
    expect(result.location).toBe('/installningar/veckobrev')
    expect(flashOf(result)).toEqual({ message: 'Inställningarna för veckobrevet är sparade.', tone: 'success' })
    expect(await preferences()).toEqual({ digestFrequency: 'never', digestSectionsOff: ['partners', 'county', 'active', 'colleagues'] })
  })

  test('bad input is refused with a Swedish message and changes nothing', async () => {
    const before = await preferences()
    const daily = await save([['frequency', 'daily']])
    expect(daily.status).toBe(400)
    expect(JSON.stringify(daily.data)).toContain('Välj hur ofta du vill få veckobrevet.')
    const unknown = await save([
      ['frequency', 'weekly'],
      ['sections', 'gossip'],
    ])
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.data)).toContain('Okänd del av veckobrevet.')
    expect(await preferences()).toEqual(before)
  })

  test('refuses a request without the CSRF token', async () => {
    const result = await save([['frequency', 'weekly']], { csrf: false })
    expect(result.status).toBe(403)
    expect((await preferences()).digestFrequency).toBe('never')
  })

  test('saving again restarts digests that stopped after repeated refusals', async () => {
    await prisma.user.update({ where: { id: memberId }, data: { digestHardFailures: 3, digestStoppedReason: 'e-postservern avvisade brevet 3 gånger i rad.' } })
    await save([['frequency', 'monthly']])
    expect(
      await prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { digestFrequency: true, digestHardFailures: true, digestStoppedReason: true } }),
    ).toEqual({
      digestFrequency: 'monthly',
      digestHardFailures: 0,
      digestStoppedReason: null,
    })
  })
})
