import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertMember } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { action, loader } from './installningar.notiser.tsx'

const { prisma } = database

let member: Browser
let memberId: string

beforeAll(async () => {
  const user = await insertMember(prisma)
  memberId = user.id
  member = new Browser()
  await member.signInAs(user.id)
})

/** The form as a browser without JavaScript posts it: the ticked boxes only. */
const save = (kinds: string[], options?: Parameters<Browser['post']>[2]) => {
  const request = member.post('/installningar/notiser', {}, options)
  const body = new URLSearchParams(kinds.map((kind) => ['kinds', kind]))
  if (options?.csrf !== false) body.set('csrf', member.csrfToken)
  return call(() => action(routeArgs(new Request(request.url, { method: 'POST', headers: request.headers, body }))), member)
}
const stored = async () =>
  await prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { notificationMailKinds: true, digestStoppedReason: true, digestHardFailures: true } })

describe('/installningar/notiser', () => {
  test('shows answers, comments, accepted answers and mentions on and followed questions off by default', async () => {
    const result = await call(() => loader(routeArgs(member.get('/installningar/notiser'))), member)
    expect(result.data).toMatchObject({
      delay: 'efter 5 minuter',
      kinds: [
        { key: 'answer', on: true },
        { key: 'comment', on: true },
        { key: 'accepted', on: true },
        { key: 'mention', on: true },
        { key: 'following', on: false },
      ],
    })
  })

  test('stores the ticked kinds (none ticked turns them all off) and starts e-mail that stopped after refusals again', async () => {
    await prisma.user.update({ where: { id: memberId }, data: { digestHardFailures: 3, digestStoppedReason: 'e-postservern avvisade brevet 3 gånger i rad.' } })
    const result = await save(['mention', 'following'])
    expect(result.location).toBe('/installningar/notiser')
    expect(flashOf(result)).toEqual({ message: 'Inställningarna för notiser är sparade.', tone: 'success' })
    expect(await stored()).toEqual({ notificationMailKinds: ['mention', 'following'], digestStoppedReason: null, digestHardFailures: 0 })
    await save([])
    expect((await stored()).notificationMailKinds).toEqual([])
  })

  test('an unknown kind is a Swedish 400 and changes nothing; no CSRF token is a 403', async () => {
    await save(['answer'])
    const unknown = await save(['answer', 'gossip'])
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.data)).toContain('Okänd sorts notis.')
    expect((await save(['comment'], { csrf: false })).status).toBe(403)
    expect((await stored()).notificationMailKinds).toEqual(['answer'])
  })
})
