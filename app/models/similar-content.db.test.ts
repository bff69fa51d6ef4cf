import { database } from '#tests/setup/database.ts'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { createProject } from '#app/services/post.server.ts'
import { askQuestion } from '#app/services/question.server.ts'
import { buildProjectInput, insertMember, insertOrganisation } from '#tests/factories.ts'
import { deleteContent } from '#app/services/content-moderation.server.ts'
import { getSearchEngine, indexPendingChanges } from '#app/utils/search.server.ts'
import { findSimilarContent, type SimilarContentInput } from './similar-content.server.ts'
import { expectConsoleError } from '#tests/console-errors.ts'
import { whileSearchIndexIsAway } from '#tests/search-outage.ts'

const { prisma } = database

const ids: Record<string, string> = {}
const slugs: Record<string, string> = {}

async function member(organisationId: string, name: string): Promise<Actor> {
  const user = await insertMember(prisma, { organisationId, name })
  return { id: user.id, name: user.name, role: user.role, status: user.status, organisationId }
}

/** The suggestions, when the engine answered (a failure fails the test instead of passing for "nothing similar"). */
async function similarTo(input: SimilarContentInput) {
  const outcome = await findSimilarContent(input)
  if (!outcome.ok) throw new Error('The search engine failed')
  return outcome.result
}

const project = (actor: Actor, title: string, tags: string[]) => createProject(actor, buildProjectInput(title, { tags }))

/** What hiding a post does in the database (its document stays indexed until the worker runs). */
async function hideWithoutIndexing(postId: string) {
  await prisma.post.update({ where: { id: postId }, data: { status: 'hidden' }, select: { id: true } })
  await prisma.searchOutbox.create({ data: { entityType: 'post', entityId: postId, operation: 'upsert' }, select: { id: true } })
}

beforeAll(async () => {
  const municipality = await insertOrganisation(prisma, { name: 'Likhetskommunen', type: 'kommun' })
  const region = await insertOrganisation(prisma, { name: 'Region Likhet', type: 'region' })
  Object.assign(slugs, { municipality: municipality.slug, region: region.slug })
  const anna = await member(municipality.id, 'Anna Likhet')
  const rolf = await member(region.id, 'Rolf Region')

  ids.question = (
    await askQuestion(anna, { title: 'Hur upphandlar ni snöröjningstjänster?', body: plainTextToDocument('Vi vill byta entreprenör.'), tags: ['snöröjning'] })
  ).id
  ids.joint = (await project(anna, 'Gemensam upphandling av snöröjning', ['snöröjning', 'upphandling'])).id
  ids.vehicles = (await project(rolf, 'Snöröjning med egna fordon', ['fordon'])).id
  ids.hidden = (await askQuestion(rolf, { title: 'Snöröjning i smala gränder', body: plainTextToDocument('Vi har små maskiner.'), tags: [] })).id
  ids.deleted = (await project(rolf, 'Snöröjning och sandning i hela regionen', [])).id
  await indexPendingChanges()
  // Both leave the index only when the worker runs next: until then the query itself must leave them out.
  await hideWithoutIndexing(ids.hidden)
  await deleteContent(rolf, { targetType: 'post', targetId: ids.deleted, reason: null })
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('findSimilarContent', () => {
  test('suggests visible posts that share words with the title and tags, with the organisations behind them', async () => {
    const similar = await similarTo({ title: 'Snöröjning på vintern', tags: ['upphandling'] })
    expect(similar.posts.map((post) => post.id).sort()).toEqual([ids.question, ids.joint, ids.vehicles].sort())
    // Two shared words (title and tags) come before one.
    expect(similar.posts[0]).toMatchObject({
      id: ids.joint,
      type: 'project',
      path: `/projekt/${ids.joint}`,
      organisation: { name: 'Likhetskommunen', slug: slugs.municipality },
    })
    expect(similar.posts[0]?.titleHtml).toBe('Gemensam <mark>upphandling</mark> av <mark>snöröjning</mark>')
    expect(similar.posts.find((post) => post.id === ids.question)?.path).toBe(`/fragor/${ids.question}`)
    expect(similar.organisations).toEqual([
      { name: 'Likhetskommunen', slug: slugs.municipality, count: 2 },
      { name: 'Region Likhet', slug: slugs.region, count: 1 },
    ])
  })

  test('never suggests hidden or deleted posts, even before the index has caught up', async () => {
    const waiting = await prisma.searchOutbox.count({
      where: { entityId: { in: [ids.hidden ?? '', ids.deleted ?? ''] }, processedAt: null, operation: 'hide' },
    })
    expect(waiting).toBe(2)
    const found = (await similarTo({ title: 'Snöröjning i smala gränder och sandning i regionen' })).posts.map((post) => post.id)
    expect(found).not.toContain(ids.hidden)
    expect(found).not.toContain(ids.deleted)
    expect(found).toEqual(expect.arrayContaining([ids.vehicles]))
  })

  test('leaves out the post itself, keeps to the types asked for, and to the limit', async () => {
    const forJoint = await similarTo({
      title: 'Gemensam upphandling av snöröjning',
      tags: ['snöröjning', 'upphandling'],
      types: ['project'],
      excludePostId: ids.joint,
    })
    expect(forJoint.posts.map((post) => post.id)).toEqual([ids.vehicles])
    expect(forJoint.organisations).toEqual([{ name: 'Region Likhet', slug: slugs.region, count: 1 }])
    expect((await similarTo({ title: 'Snöröjning', limit: 1 })).posts).toHaveLength(1)
    expect((await similarTo({ title: 'Snöröjning', limit: 500 })).posts.length).toBeLessThanOrEqual(5)
  })

  test('a title of fewer than three letters or digits gives nothing, without asking the engine', async () => {
    const search = vi.spyOn(getSearchEngine(), 'search')
    for (const title of ['', '   ', 'ab', '!!! ?? …', 'å 1', '🙂🙂🙂🙂']) {
      expect(await similarTo({ title, tags: ['snöröjning'] })).toEqual({ posts: [], organisations: [] })
    }
    expect(search).not.toHaveBeenCalled()
    // Stop words are text enough to ask, but match nothing.
    expect(await similarTo({ title: 'och det att i en' })).toEqual({ posts: [], organisations: [] })
    expect(search).toHaveBeenCalledTimes(1)
  })

  test('an engine failure is reported to the caller, not taken for "nothing similar"', async () => {
    expectConsoleError(/^Similar content failed: /)
    expect(await whileSearchIndexIsAway(prisma, () => findSimilarContent({ title: 'Plogning av cykelbanor', tags: ['vinterväghållning'] }))).toEqual({
      ok: false,
    })
  })
})
