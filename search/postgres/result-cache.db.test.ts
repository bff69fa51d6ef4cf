import { database } from '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import { enqueue } from '../test-corpus.ts'
import type { SearchResult } from '../types.ts'
import { createResultCache } from './result-cache.ts'

const { prisma } = database

const result = (query: string): SearchResult => ({ query, hits: [], total: 0, page: 1, pageSize: 20, facets: {} })

/** A cache on a clock the test moves, and a count of the computations it asked for. */
function setUp() {
  let clock = 0
  const cache = createResultCache(prisma, () => clock)
  const computed: string[] = []
  const get = (query: string) =>
    cache.get({ query }, async () => {
      computed.push(query)
      return result(query)
    })
  return { cache, computed, get, advance: (ms: number) => (clock += ms) }
}

describe('result cache', () => {
  test('answers the same search at the same index version from memory', async () => {
    const { computed, get } = setUp()
    expect(await get('a')).toEqual(result('a'))
    expect(await get('a')).toEqual(result('a'))
    await get('b')
    expect(computed).toEqual(['a', 'b'])
  })

  test('a new outbox row, and its processing, are new index versions', async () => {
    const { computed, get } = setUp()
    await get('a')
    await enqueue(prisma, 'post', 'some-post')
    await get('a')
    await prisma.searchOutbox.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } })
    await get('a')
    await get('a')
    expect(computed).toEqual(['a', 'a', 'a'])
  })

  test('a result expires after 30 seconds', async () => {
    const { computed, get, advance } = setUp()
    await get('a')
    advance(29_999)
    await get('a')
    advance(1)
    await get('a')
    expect(computed).toEqual(['a', 'a'])
  })

  test('keeps the 500 most recently used results; clear() drops them all', async () => {
    const { cache, computed, get } = setUp()
    for (let n = 0; n < 500; n++) await get(`q${n}`)
    await get('q0') // used again: now the most recent
    await get('q500') // evicts q1, the least recently used
    computed.length = 0
    await get('q0')
    await get('q1')
    expect(computed).toEqual(['q1'])
    cache.clear()
    await get('q0')
    expect(computed).toEqual(['q1', 'q0'])
  })

  test('a failed computation is not cached', async () => {
    const { cache, get } = setUp()
    await expect(cache.get({ query: 'x' }, () => Promise.reject(new Error('engine down')))).rejects.toThrow('engine down')
    expect(await get('x')).toEqual(result('x'))
  })
})
