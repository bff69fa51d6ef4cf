import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import type { RichTextDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { setPostStatus } from '#app/services/post.server.ts'
import { answerQuestion, askQuestion } from '#app/services/question.server.ts'
import { createSession } from '#app/utils/auth.server.ts'
import { indexPendingChanges } from '#app/utils/search.server.ts'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { loader } from './sok.tsx'

const { prisma } = database

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }) as RichTextDocument

let member: Browser
let asker: Actor
const ids: Record<string, string> = {}

type Page = {
  searched: boolean
  failed?: boolean
  total?: number
  facets?: { type: Record<string, number> }
  hits?: { path: string; titleHtml: string; snippetHtml: string; type: string; organisation: { name: string } | null }[]
  hasNext?: boolean
}

async function searchPage(query: string, browser = member) {
  const result = await call(() => loader(routeArgs(browser.get(`/sok${query}`))), browser)
  return { ...result, page: result.data as Page }
}

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Sökkommunen', type: 'kommun' })
  const user = await insertMember(prisma, { organisationId: organisation.id })
  asker = { id: user.id, name: user.name, role: user.role, status: user.status, organisationId: organisation.id }
  member = new Browser()
  member.store(new Response(null, { headers: { 'Set-Cookie': await createSession(member.get('/'), user.id) } }))

  ids.procurement = (await askQuestion(asker, { title: 'Hur gör ni upphandling av e-arkiv?', body: doc('Vi behöver ett upphandlingsunderlag.'), tags: ['e-arkiv'] })).id
  ids.answered = (await askQuestion(asker, { title: 'Vilket system för bygglov?', body: doc('Vi ska byta system.'), tags: [] })).id
  await answerQuestion(asker, ids.answered, doc('Vi upphandlade Castor förra året.'))
  ids.removed = (await askQuestion(asker, { title: 'Borttagen fråga om upphandling', body: doc('Raderas strax.'), tags: [] })).id
  await indexPendingChanges()
  await setPostStatus(asker, ids.removed, 'deleted', null)
})

describe('the search page', () => {
  test('asks anonymous visitors to sign in', async () => {
    const { status, location } = await searchPage('?q=upphandling', new Browser())
    expect(status).toBe(302)
    expect(location).toMatch(/^\/logga-in/)
  })

  test('without a query it only shows the form', async () => {
    expect((await searchPage('')).page).toEqual({ query: '', sort: 'relevance', type: null, organisationType: null, tag: null, searched: false })
  })

  test('finds service-written content, also through answers, with highlights, paths and organisation', async () => {
    const { page } = await searchPage('?q=upphandlng')
    expect(page.hits?.map((hit) => hit.path)).toEqual([`/fragor/${ids.procurement}`])
    const { page: castor } = await searchPage('?q=Castor')
    expect(castor.hits?.[0]).toMatchObject({ path: `/fragor/${ids.answered}`, type: 'question', organisation: { name: 'Sökkommunen' } })
    expect(castor.hits?.[0]?.snippetHtml).toContain('<mark>Castor</mark>')
  })

  test('a deleted post is gone at once, before the worker has processed its removal', async () => {
    expect(await prisma.searchOutbox.count({ where: { entityId: ids.removed, processedAt: null } })).toBe(1)
    const { page } = await searchPage('?q=upphandling&typ=fraga')
    expect(page.hits?.map((hit) => hit.path)).toEqual([`/fragor/${ids.procurement}`])
    expect(page.total).toBe(1)
    expect(page.facets?.type).toEqual({ question: 1 })
  })

  test('filters by type from the URL and keeps the other types\' counts', async () => {
    const { page } = await searchPage('?q=system&typ=projekt')
    expect(page).toMatchObject({ searched: true, total: 0, hits: [], facets: { type: { question: 1 } } })
  })

  test('any query text or parameter gives a page, never a server error', async () => {
    for (const query of ['?q=' + encodeURIComponent('"\'\\; DROP TABLE "Post" --'), '?q=' + 'x'.repeat(10_000), '?q=%F0%9F%99%82&typ=%00&sida=-5&sortera=%22', '?q=%E0%A4%A&tagg=%22']) {
      const { status, page } = await searchPage(query)
      expect(status).toBe(200)
      expect(page.searched).toBe(true)
    }
  })

  test('an engine failure shows the error state instead of a 500', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    // A real failure: the index table is briefly not there.
    await prisma.$executeRaw`ALTER TABLE "SearchDocument" RENAME TO "SearchDocumentAway"`
    try {
      const { status, page } = await searchPage('?q=upphandling')
      expect(status).toBe(200)
      expect(page).toMatchObject({ searched: true, failed: true })
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Search failed: /))
    } finally {
      // On PGlite the pool replaces its one connection after a failed statement, and the
      // statement right after can find it closed: try the restore more than once.
      for (let attempt = 1; ; attempt++) {
        try {
          await prisma.$executeRaw`ALTER TABLE "SearchDocumentAway" RENAME TO "SearchDocument"`
          break
        } catch (error) {
          if (attempt >= 3) throw error
        }
      }
    }
  })
})
