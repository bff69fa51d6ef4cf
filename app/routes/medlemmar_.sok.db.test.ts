import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import type { MemberSuggestion } from '#app/editor/extensions.ts'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { loader } from './medlemmar_.sok.ts'

const { prisma } = database

let member: Browser

async function lookup(query: string, browser = member) {
  const result = await call(() => loader(routeArgs(browser.get(`/medlemmar/sok${query}`))), browser)
  return { ...result, body: result.data as { members?: MemberSuggestion[]; error?: string } }
}

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Nämndkommunen', type: 'kommun' })
  member = await signedIn((await insertMember(prisma, { organisationId: organisation.id, name: 'Sökande Medlem' })).id)
  await insertMember(prisma, { name: 'Gunnel Omnämndsson', title: 'Arkivarie', organisationId: organisation.id })
  await insertMember(prisma, { name: 'Gustav Omnämndsson', status: 'suspended' })
  await insertMember(prisma, { name: 'Greta Omnämndsson', status: 'pending' })
  for (let index = 0; index < 12; index += 1) await insertMember(prisma, { name: `Mångfald Person${index}` })
})

describe('GET /medlemmar/sok', () => {
  test('asks anonymous visitors to sign in', async () => {
    const { status, location } = await lookup('?q=omnämnd', new Browser())
    expect(status).toBe(302)
    expect(location).toMatch(/^\/logga-in/)
  })

  test('sends members who are not active yet to the waiting page', async () => {
    const pending = await signedIn((await insertMember(prisma, { name: 'Väntande Sökare', status: 'pending' })).id)
    const { status, location } = await lookup('?q=omnämnd', pending)
    expect(status).toBe(302)
    expect(location).toBe('/vantar')
  })

  test('finds an active member by part of the name, with title and organisation, as JSON that is never cached', async () => {
    const { status, body, response } = await lookup('?q=omn%C3%A4mnd')
    expect(status).toBe(200)
    expect(response?.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(response?.headers.get('Cache-Control')).toBe('private, no-store')
    expect(body.members).toEqual([{ id: expect.any(String), name: 'Gunnel Omnämndsson', title: 'Arkivarie', organisation: 'Nämndkommunen' }])
  })

  test('never finds suspended or pending members', async () => {
    for (const query of ['?q=Gustav', '?q=Greta', '?q=Gustav+Omn%C3%A4mndsson']) {
      const { status, body } = await lookup(query)
      expect(status).toBe(200)
      expect(body.members?.filter((found) => /^(Gustav|Greta) /.test(found.name))).toEqual([])
    }
  })

  test('answers with at most 8 members; a query shorter than a name search needs finds nobody', async () => {
    expect((await lookup('?q=M%C3%A5ngfald')).body.members).toHaveLength(8)
    expect((await lookup('?q=G')).body).toEqual({ members: [] })
  })

  test('a missing, empty or over-long query is refused with a Swedish message', async () => {
    for (const query of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(101)}`]) {
      const { status, body } = await lookup(query)
      expect(status, query.slice(0, 20)).toBe(400)
      expect(body.error).toBe('Skriv 1–100 tecken av namnet.')
    }
    expect((await lookup(`?q=${'a'.repeat(100)}`)).status).toBe(200)
  })
})
