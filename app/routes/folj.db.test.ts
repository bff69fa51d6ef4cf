import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { action } from './folj.tsx'

const { prisma } = database

let member: Browser
let memberId: string
let organisationId: string

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Knappkommunen' })
  organisationId = organisation.id
  const user = await insertMember(prisma, { organisationId })
  memberId = user.id
  member = new Browser()
  await member.signInAs(user.id)
})

const post = (fields: Record<string, string>, options?: Parameters<Browser['post']>[2], browser = member) =>
  call(() => action(routeArgs(browser.post('/folj', fields, options))), browser)
const follows = () => prisma.follow.count({ where: { userId: memberId } })

describe('POST /folj', () => {
  test('follows and unfollows, then returns to the page the button was on', async () => {
    const followed = await post({ intent: 'follow', targetType: 'organisation', target: organisationId, redirectTo: '/organisationer/knappkommunen?x=1' })
    expect(followed.status).toBe(302)
    expect(followed.location).toBe('/organisationer/knappkommunen?x=1')
    expect(await follows()).toBe(1)

    const unfollowed = await post({ intent: 'unfollow', targetType: 'organisation', target: organisationId, redirectTo: '/installningar/foljer' })
    expect(unfollowed.location).toBe('/installningar/foljer')
    expect(await follows()).toBe(0)
  })

  test('never redirects off the site', async () => {
    for (const redirectTo of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const result = await post({ intent: 'follow', targetType: 'organisation', target: organisationId, redirectTo })
      expect(result.location).toBe('/installningar/foljer')
    }
    await post({ intent: 'unfollow', targetType: 'organisation', target: organisationId })
  })

  test('refuses a request without the CSRF token or from another site, and changes nothing', async () => {
    const withoutToken = await post({ intent: 'follow', targetType: 'organisation', target: organisationId }, { csrf: false })
    expect(withoutToken.status).toBe(403)
    const foreign = await post({ intent: 'follow', targetType: 'organisation', target: organisationId }, { headers: { Origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect(await follows()).toBe(0)
  })

  test('bad input gets a 400 or 404 with a Swedish message', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ intent: 'follow', targetType: 'planet', target: 'x' }, 400, /Okänt slag/],
      [{ intent: 'stalk', targetType: 'tag', target: 'x' }, 400, /följa eller sluta följa/],
      [{ intent: 'follow', targetType: 'tag', target: '' }, 400, /Ange vad du vill följa/],
      [{ intent: 'follow', targetType: 'tag', target: 'x'.repeat(10_000) }, 400, /Okänt mål/],
      [{ intent: 'follow', targetType: 'tag', target: 'ingen-sådan-tagg' }, 404, /Taggen finns inte/],
      [{ intent: 'follow', targetType: 'post', target: '\'; DROP TABLE "Follow"; --' }, 404, /Inlägget finns inte/],
    ]
    for (const [fields, status, message] of cases) {
      const result = await post(fields)
      expect(result.status).toBe(status)
      expect(JSON.stringify(result.data)).toMatch(message)
    }
    expect(await follows()).toBe(0)
  })

  test('asks an anonymous visitor to sign in', async () => {
    const result = await post({ intent: 'follow', targetType: 'organisation', target: organisationId }, undefined, new Browser())
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/logga-in/)
  })
})
