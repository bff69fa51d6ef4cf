import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { answerQuestion, askQuestion } from '#app/services/question.server.ts'
import { indexPendingChanges } from '#app/utils/search.server.ts'
import { expectConsoleError } from '#tests/console-errors.ts'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { whileSearchIndexIsAway } from '#tests/search-outage.ts'
import { loader } from './sok.tsx'
import { deleteContent } from '#app/services/content-moderation.server.ts'

const { prisma } = database

let member: Browser
let asker: Actor
let organisationSlug: string
const ids: Record<string, string> = {}

type Page = {
  criteria: Record<string, unknown>
  notices: { kind: string; value?: string }[]
  searched: boolean
  failed?: boolean
  total?: number
  page?: number
  lastPage?: number
  groups?: { key: string; legend: string; options: { value: string; label: string; count: number; selected: boolean }[] }[]
  partner?: { count: number; selected: boolean } | null
  chips?: { label: string; href: string }[]
  organisations?: { name: string; slug: string }[]
  members?: { id: string; name: string }[]
  hits?: { path: string; titleHtml: string; snippetHtml: string; type: string; organisation: { name: string } | null }[]
}

const groupCounts = (page: Page, key: string) =>
  Object.fromEntries((page.groups?.find((group) => group.key === key)?.options ?? []).map((option) => [option.value, option.count]))

async function searchPage(query: string, browser = member) {
  const result = await call(() => loader(routeArgs(browser.get(`/sok${query}`))), browser)
  return { ...result, page: result.data as Page }
}

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Sökkommunen', type: 'kommun', county: 'Skåne län' })
  organisationSlug = organisation.slug
  await insertMember(prisma, { name: 'Sökbar Sökarsson', title: 'Arkivarie', organisationId: organisation.id })
  await insertMember(prisma, { name: 'Sökbar Avstängdsson', status: 'suspended', organisationId: organisation.id })
  await insertMember(prisma, { name: 'Sökbar Väntarsson', status: 'pending', organisationId: organisation.id })
  const user = await insertMember(prisma, { organisationId: organisation.id })
  asker = { id: user.id, name: user.name, role: user.role, status: user.status, organisationId: organisation.id }
  member = new Browser()
  await member.signInAs(user.id)

  ids.procurement = (
    await askQuestion(asker, {
      title: 'Hur gör ni upphandling av e-arkiv?',
      body: plainTextToDocument('Vi behöver ett upphandlingsunderlag.'),
      tags: ['e-arkiv'],
    })
  ).id
  ids.answered = (await askQuestion(asker, { title: 'Vilket system för bygglov?', body: plainTextToDocument('Vi ska byta system.'), tags: [] })).id
  await answerQuestion(asker, ids.answered, plainTextToDocument('Vi upphandlade Castor förra året.'))
  ids.removed = (await askQuestion(asker, { title: 'Borttagen fråga om upphandling', body: plainTextToDocument('Raderas strax.'), tags: [] })).id
  await indexPendingChanges()
  await deleteContent(asker, { targetType: 'post', targetId: ids.removed, reason: null })
})

describe('the search page', () => {
  test('asks anonymous visitors to sign in', async () => {
    const { status, location } = await searchPage('?q=upphandling', new Browser())
    expect(status).toBe(302)
    expect(location).toMatch(/^\/logga-in/)
  })

  test('without a query it only shows the form', async () => {
    const { page } = await searchPage('')
    expect(page).toMatchObject({ searched: false, notices: [], criteria: { query: '', sort: 'relevance', type: [], tags: [] } })
  })

  test('finds service-written content, also through answers, with highlights, paths and organisation', async () => {
    // The typo finds "upphandling" (the title, first) and other forms of the word ("upphandlade" in an answer).
    const { page } = await searchPage('?q=upphandlng')
    expect(page.hits?.map((hit) => hit.path)).toEqual([`/fragor/${ids.procurement}`, `/fragor/${ids.answered}`])
    const { page: castor } = await searchPage('?q=Castor')
    expect(castor.hits?.[0]).toMatchObject({ path: `/fragor/${ids.answered}`, type: 'question', organisation: { name: 'Sökkommunen' } })
    expect(castor.hits?.[0]?.snippetHtml).toContain('<mark>Castor</mark>')
  })

  test('a deleted post is gone at once, before the worker has processed its removal', async () => {
    // The deletion's marker (a trigger's 'hide' row) is still waiting for the worker.
    expect(await prisma.searchOutbox.count({ where: { entityId: ids.removed, processedAt: null, operation: 'hide' } })).toBe(1)
    const { page } = await searchPage('?q=upphandling&typ=fraga')
    expect(page.hits?.map((hit) => hit.path)).toEqual([`/fragor/${ids.procurement}`])
    expect(page.total).toBe(1)
    expect(groupCounts(page, 'type')).toEqual({ question: 1 })
  })

  test("filters by type from the URL and keeps the other types' counts", async () => {
    const { page } = await searchPage('?q=system&typ=projekt')
    expect(page).toMatchObject({ searched: true, total: 0, hits: [] })
    expect(page.groups?.find((group) => group.key === 'type')?.options).toEqual([
      { value: 'question', label: 'Frågor', count: 1, selected: false },
      { value: 'project', label: 'Projekt', count: 0, selected: true },
    ])
  })

  test('every filter group the results call for, with Swedish labels, counts and organisation names; chips remove one filter each', async () => {
    const { page } = await searchPage(`?q=upphandling&lan=${encodeURIComponent('Skåne län')}&organisation=${organisationSlug}&tagg=e-arkiv`)
    expect(page.total).toBe(1)
    expect(page.groups?.map((group) => group.key)).toEqual(['type', 'organisationType', 'county', 'organisation', 'tags'])
    expect(page.groups?.find((group) => group.key === 'organisationType')?.options).toEqual([{ value: 'kommun', label: 'Kommun', count: 1, selected: false }])
    expect(page.groups?.find((group) => group.key === 'organisation')?.options).toEqual([
      { value: organisationSlug, label: 'Sökkommunen', count: 1, selected: true },
    ])
    expect(page.groups?.find((group) => group.key === 'county')).toMatchObject({ legend: 'Län', options: [{ value: 'Skåne län', selected: true }] })
    expect(page.partner).toBeNull()
    expect(page.chips).toEqual([
      { label: 'Län: Skåne län', href: `/sok?q=upphandling&organisation=${organisationSlug}&tagg=e-arkiv` },
      { label: 'Organisation: Sökkommunen', href: `/sok?q=upphandling&lan=Sk%C3%A5ne+l%C3%A4n&tagg=e-arkiv` },
      { label: 'Taggar: e-arkiv', href: `/sok?q=upphandling&lan=Sk%C3%A5ne+l%C3%A4n&organisation=${organisationSlug}` },
    ])
  })

  test('a query finds organisations and active members by name, typos and accents included, above the content', async () => {
    const { page } = await searchPage('?q=sokarsson')
    expect(page.members?.map((found) => found.name)).toEqual(['Sökbar Sökarsson'])
    const { page: typo } = await searchPage('?q=S%C3%B6kkomunen')
    expect(typo.organisations).toMatchObject([{ name: 'Sökkommunen', slug: organisationSlug }])
    const { page: everyone } = await searchPage('?q=S%C3%B6kbar')
    expect(everyone.members?.map((found) => found.name)).toEqual(['Sökbar Sökarsson'])
    // Filters narrow the content; names are not shown then, nor beyond the first page.
    expect((await searchPage('?q=sokarsson&typ=fraga')).page.members).toEqual([])
    expect((await searchPage('?q=sokarsson&sida=2')).page.members).toEqual([])
  })

  test('bad input is explained or ignored, never an error', async () => {
    const long = await searchPage('?q=' + 'upphandling '.repeat(900))
    expect(long.status).toBe(200)
    expect(long.page.notices).toEqual([{ kind: 'query-truncated' }])
    expect(String(long.page.criteria.query).length).toBeLessThanOrEqual(200)

    const beyond = await searchPage('?q=upphandling&sida=999999')
    expect(beyond.status).toBe(200)
    expect(beyond.page).toMatchObject({ total: 1, hits: [], lastPage: 1 })
    expect((await searchPage('?q=upphandling&sida=abc')).page).toMatchObject({ page: 1, total: 1, notices: [] })

    const unknown = await searchPage('?q=upphandling&typ=okand&orgtyp=planet&projektstatus=klar&slag=x&partner=kanske&sortera=baklanges')
    expect(unknown.page).toMatchObject({
      total: 1,
      notices: [],
      chips: [],
      criteria: { type: [], organisationType: [], projectStatus: [], sort: 'relevance', seekingPartners: false },
    })

    for (const value of ['2026-13-45', '2026-02-30', 'igår']) {
      const { status, page } = await searchPage(`?q=upphandling&fran=${value}`)
      expect(status).toBe(200)
      expect(page).toMatchObject({ total: 1, notices: [{ kind: 'invalid-date', value }], criteria: { from: '' } })
    }
    const reversed = await searchPage('?q=upphandling&fran=2026-12-01&till=2026-01-01')
    expect(reversed.page).toMatchObject({ total: 1, notices: [{ kind: 'dates-reversed' }], criteria: { from: '', to: '' } })
    const range = await searchPage('?q=upphandling&fran=2000-01-01&till=2000-12-31')
    expect(range.page).toMatchObject({ total: 0, notices: [], criteria: { from: '2000-01-01', to: '2000-12-31' } })
    expect(range.page.chips?.map((chip) => chip.label)).toEqual(['Från: 2000-01-01', 'Till: 2000-12-31'])
  })

  test('any query text or parameter gives a page, never a server error', async () => {
    for (const query of [
      '?q=' + encodeURIComponent('"\'\\; DROP TABLE "Post" --'),
      '?q=' + 'x'.repeat(10_000),
      '?q=%F0%9F%99%82&typ=%00&sida=-5&sortera=%22',
      '?q=%E0%A4%A&tagg=%22',
    ]) {
      const { status, page } = await searchPage(query)
      expect(status).toBe(200)
      expect(page.searched).toBe(true)
    }
  })

  test('an engine failure shows the error state instead of a 500', async () => {
    expectConsoleError(/^Search failed: /)
    // A new search, so the engine's result cache cannot answer it.
    const { status, page } = await whileSearchIndexIsAway(prisma, () => searchPage('?q=bygglov'))
    expect(status).toBe(200)
    expect(page).toMatchObject({ searched: true, failed: true })
  })
})
