import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { SimilarContent } from '#app/presenters/similar-content.ts'
import { askQuestion } from '#app/services/question.server.ts'
import { indexPendingChanges } from '#app/utils/search.server.ts'
import { expectConsoleError } from '#tests/console-errors.ts'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { whileSearchIndexIsAway } from '#tests/search-outage.ts'
import { loader } from './sok_.liknande.ts'

const { prisma } = database

let member: Browser
let questionId: string

async function similar(query: string, browser = member) {
  const result = await call(() => loader(routeArgs(browser.get(`/sok/liknande${query}`))), browser)
  return { ...result, body: result.data as SimilarContent & { error?: string } }
}

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Liknandekommunen', type: 'kommun' })
  const user = await insertMember(prisma, { organisationId: organisation.id })
  member = new Browser()
  await member.signInAs(user.id)
  const actor = { id: user.id, name: user.name, role: user.role, status: user.status, organisationId: organisation.id }
  questionId = (
    await askQuestion(actor, { title: 'Hur digitaliserar ni färdtjänsten?', body: plainTextToDocument('Vi vill ha en app.'), tags: ['färdtjänst'] })
  ).id
  await indexPendingChanges()
})

describe('GET /sok/liknande', () => {
  test('asks anonymous visitors to sign in', async () => {
    const { status, location } = await similar('?titel=färdtjänst', new Browser())
    expect(status).toBe(302)
    expect(location).toMatch(/^\/logga-in/)
  })

  test('answers with similar posts and their organisations as JSON that is never cached', async () => {
    const { status, body, response } = await similar(`?titel=${encodeURIComponent('Färdtjänst i glesbygd')}&tagg=resor`)
    expect(status).toBe(200)
    expect(response?.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(response?.headers.get('Cache-Control')).toBe('private, no-store')
    expect(body.posts.map((post) => post.path)).toEqual([`/fragor/${questionId}`])
    expect(body.organisations).toEqual([{ name: 'Liknandekommunen', slug: expect.any(String), count: 1 }])
  })

  test('a tag alone is enough when the title says something; a type narrows the suggestions', async () => {
    expect((await similar('?titel=Resor+till+sjukhuset&tagg=f%C3%A4rdtj%C3%A4nst')).body.posts).toHaveLength(1)
    expect((await similar('?titel=F%C3%A4rdtj%C3%A4nst&typ=fraga')).body.posts).toHaveLength(1)
    expect((await similar('?titel=F%C3%A4rdtj%C3%A4nst&typ=projekt&typ=material')).body.posts).toEqual([])
  })

  test('a short or missing title gives nothing', async () => {
    for (const query of ['', '?titel=', '?titel=ab', '?tagg=f%C3%A4rdtj%C3%A4nst']) {
      const { status, body } = await similar(query)
      expect(status).toBe(200)
      expect(body).toEqual({ posts: [], organisations: [] })
    }
  })

  test('oversized and hostile input gets a bounded answer, never a server error', async () => {
    const hugeTitle = `${'färdtjänst '.repeat(1_000)}`
    const manyTags = Array.from({ length: 100 }, (_, index) => `tagg=${index === 99 ? 'f%C3%A4rdtj%C3%A4nst' : `t${index}`}`).join('&')
    for (const query of [
      `?titel=${encodeURIComponent(hugeTitle)}`,
      `?titel=F%C3%A4rdtj%C3%A4nst&${manyTags}`,
      `?titel=F%C3%A4rdtj%C3%A4nst&tagg=${'x'.repeat(10_000)}`,
      `?titel=${encodeURIComponent('"\'\\; DROP TABLE "Post" -- id NOT IN ["x"]')}`,
      '?titel=%00%00%00nul&tagg=%22',
      '?titel=%E0%A4%A',
      `?titel=${encodeURIComponent('🙂 مرحبا שלום \u202E')}`,
    ]) {
      const { status, body } = await similar(query)
      expect(status, query.slice(0, 60)).toBe(200)
      expect(body.posts.length).toBeLessThanOrEqual(5)
    }
  })

  test('an unknown type is refused with a Swedish message', async () => {
    for (const type of ['okand', '__proto__', 'constructor', 'x'.repeat(5_000)]) {
      const { status, body, response } = await similar(`?titel=F%C3%A4rdtj%C3%A4nst&typ=fraga&typ=${type}`)
      expect(status).toBe(400)
      expect(body.error).toMatch(/^Okänd typ ”.{1,20}”\. Välj fraga, projekt eller material\.$/)
      expect(response?.headers.get('Cache-Control')).toBe('private, no-store')
    }
  })

  test('a search engine failure is a 503 with a Swedish message, not an empty list', async () => {
    expectConsoleError(/^Similar content failed: /)
    const { status, body, response } = await whileSearchIndexIsAway(prisma, () => similar('?titel=F%C3%A4rdtj%C3%A4nst+med+taxi'))
    expect(status).toBe(503)
    expect(body).toEqual({ error: 'Sökningen är inte tillgänglig just nu. Försök igen om en stund.' })
    expect(response?.headers.get('Cache-Control')).toBe('private, no-store')
  })
})
