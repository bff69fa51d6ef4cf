import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { drainOutbox, reindexEverything } from '../index.ts'
import { enqueue, insertPost, setStatus } from '../test-corpus.ts'
import { createPostgresEngine } from './engine.ts'

/**
 * What the PostgreSQL engine adds beyond the contract (engine.contract.test.ts): the typo
 * vocabulary, the result cache and its invalidation, the triggers that keep invisible posts
 * out of the index, and the bounded relevance ranking of broad queries.
 */
const { prisma } = database
const day = (n: number) => new Date(Date.UTC(2026, 9, n, 9, 0, 0))

const engine = createPostgresEngine({ prisma })
const hitIds = async (query: string) => (await engine.search(query)).hits.map((hit) => hit.entityId)
const documentCount = (postId: string) => prisma.searchDocument.count({ where: { entityType: 'post', entityId: postId } })

beforeAll(async () => {
  await insertPost(prisma, { type: 'question', title: 'Gruppbostäder för vuxna', body: 'Hur planerar ni vårdkedjan kring gruppbostäderna?', createdAt: day(1) })
  await reindexEverything({ prisma, engine })
})

describe('typos through the vocabulary of stems', () => {
  test('corrects a misspelled word found only in the text, and highlights the corrected word', async () => {
    const [hit] = (await engine.search('vårdkedjn')).hits
    expect(hit?.snippet).toContain('<mark>vårdkedjan</mark>')
  })

  test('learns the words of every document the worker writes', async () => {
    const postId = await insertPost(prisma, { type: 'project', title: 'Kvarnhjulsprojektet', body: 'Om kvarnhjul.', createdAt: day(2) }, { outbox: true })
    expect(await prisma.searchTerm.count({ where: { lexeme: { startsWith: 'kvarnhjul' } } })).toBe(0)
    await drainOutbox({ prisma, engine })
    expect(await prisma.searchTerm.count({ where: { lexeme: { startsWith: 'kvarnhjul' } } })).toBeGreaterThan(0)
    expect(await hitIds('kvarnhjl')).toEqual([postId])
  })

  test('leaves a word the index knows alone, and a word like nothing known matches nothing', async () => {
    // "vuxna" is in the index: it is not widened to similar stems.
    const known = await engine.search('vuxna')
    expect(known.total).toBe(1)
    expect(await hitIds('qxzvbnmlkj')).toEqual([])
    // Stop words and search syntax around a typo are harmless.
    expect((await engine.search('"och" -vuxna gruppbostädr')).hits).toEqual([])
  })
})

describe('result cache', () => {
  test('a post hidden a moment ago is never served from the cache, and comes back when restored', async () => {
    const postId = await insertPost(prisma, { type: 'project', title: 'Cachat projekt om Zebraträd', body: 'Zebraträd', createdAt: day(3) }, { outbox: true })
    await drainOutbox({ prisma, engine })
    expect(await hitIds('Zebraträd')).toEqual([postId])
    expect(await hitIds('Zebraträd')).toEqual([postId])

    await setStatus(prisma, postId, 'hidden')
    expect(await hitIds('Zebraträd')).toEqual([])
    await drainOutbox({ prisma, engine })
    expect(await hitIds('Zebraträd')).toEqual([])

    await setStatus(prisma, postId, 'visible')
    await drainOutbox({ prisma, engine })
    expect(await hitIds('Zebraträd')).toEqual([postId])
  })

  test('an edit is searchable as soon as the worker has applied it', async () => {
    const postId = await insertPost(prisma, { type: 'question', title: 'Fråga om Zebrabro', body: 'Text.', createdAt: day(4) }, { outbox: true })
    await drainOutbox({ prisma, engine })
    expect(await hitIds('Sjöborrar')).toEqual([])
    await prisma.post.update({ where: { id: postId }, data: { title: 'Fråga om sjöborrar' }, select: { id: true } })
    await enqueue(prisma, 'post', postId)
    await drainOutbox({ prisma, engine })
    expect(await hitIds('Sjöborrar')).toEqual([postId])
  })

  test('returns copies: changing a result does not change what the next search gets', async () => {
    const first = await engine.search('gruppbostäder')
    first.hits.length = 0
    expect((await engine.search('gruppbostäder')).hits).toHaveLength(1)
  })
})

describe('the index holds visible posts only', () => {
  test('a post that stops being visible loses its document in the same transaction, without the worker', async () => {
    const postId = await insertPost(prisma, { type: 'artifact', title: 'Mall för Zebrastaket', body: 'Mall.', createdAt: day(5) }, { outbox: true })
    await drainOutbox({ prisma, engine })
    expect(await documentCount(postId)).toBe(1)
    await prisma.post.update({ where: { id: postId }, data: { status: 'deleted' }, select: { id: true } })
    expect(await documentCount(postId)).toBe(0)
  })

  test('a post row deleted outright takes its document with it', async () => {
    const postId = await insertPost(prisma, { type: 'artifact', title: 'Mall för Zebragrind', body: 'Mall.', createdAt: day(6) }, { outbox: true })
    await drainOutbox({ prisma, engine })
    await prisma.post.delete({ where: { id: postId }, select: { id: true } })
    expect(await documentCount(postId)).toBe(0)
    expect(await hitIds('Zebragrind')).toEqual([])
  })

  test('other edits keep the document', async () => {
    const postId = await insertPost(prisma, { type: 'artifact', title: 'Mall för Zebrabänk', body: 'Mall.', createdAt: day(7) }, { outbox: true })
    await drainOutbox({ prisma, engine })
    await prisma.post.update({ where: { id: postId }, data: { title: 'Mall för Zebrabänkar', status: 'visible' }, select: { id: true } })
    expect(await documentCount(postId)).toBe(1)
  })
})

describe('bounded relevance ranking', () => {
  // A window of two: only the two most recently active matches are ranked.
  const windowed = createPostgresEngine({ prisma, resultCache: false, rankWindow: 2 })
  const ids: string[] = []
  const pageOf = async (page: number) => (await windowed.search('zebravagnar', { pageSize: 1, page })).hits.map((hit) => hit.entityId)

  beforeAll(async () => {
    // The oldest has the best match (in its title); the two newer ones mention it in the text.
    ids.push(await insertPost(prisma, { type: 'question', title: 'Zebravagnar', body: 'Om vagnar.', createdAt: day(10) }, { outbox: true }))
    ids.push(await insertPost(prisma, { type: 'question', title: 'Fråga ett', body: 'Något om zebravagnar.', createdAt: day(11) }, { outbox: true }))
    ids.push(await insertPost(prisma, { type: 'question', title: 'Fråga två', body: 'Mer om zebravagnar.', createdAt: day(12) }, { outbox: true }))
    await drainOutbox({ prisma, engine })
  })

  test('ranks the most recent matches first, while the total and the facets count every match', async () => {
    const result = await windowed.search('zebravagnar', { pageSize: 1, facets: ['type'] })
    expect(result.total).toBe(3)
    expect(result.facets.type).toEqual({ question: 3 })
    expect(result.hits.map((hit) => hit.entityId)).toEqual([ids[2]])
    // Without the bound the title match comes first.
    expect((await hitIds('zebravagnar'))[0]).toBe(ids[0])
  })

  test('matches beyond the window follow by activity, and the pages never overlap', async () => {
    expect([...(await pageOf(1)), ...(await pageOf(2)), ...(await pageOf(3))]).toEqual([ids[2], ids[1], ids[0]])
    expect(await pageOf(4)).toEqual([])
  })
})
