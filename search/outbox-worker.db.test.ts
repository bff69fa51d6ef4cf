import { database } from '#tests/setup/database.ts'
import { describe, expect, test, vi } from 'vitest'
import { insertOrganisation } from '#tests/factories.ts'
import { createOutboxWorker, createSearchEngine, drainOutbox, pruneOutbox, reindexEverything, type SearchDocument, type SearchEngine } from './index.ts'
import { enqueue, insertPost, setStatus } from './test-corpus.ts'

const { prisma } = database
const postgres = createSearchEngine({}, { prisma })

/**
 * An engine outside the database (as Meilisearch is), kept in memory so the tests can take
 * it down, make it refuse documents, or "crash" right after a push.
 */
function externalEngine() {
  const docs = new Map<string, SearchDocument>()
  const pushes: string[][] = []
  const state = { down: false, crashAfterPush: false, refuse: (_doc: SearchDocument) => false }
  const engine: SearchEngine = {
    name: 'meilisearch',
    async search() {
      throw new Error('not used here')
    },
    async upsert(list) {
      if (state.down) throw new Error('engine unreachable')
      if (list.some(state.refuse)) throw new Error('document refused')
      pushes.push(list.map((doc) => doc.entityId))
      for (const doc of list) docs.set(doc.id, doc)
      if (state.crashAfterPush) throw new Error('crashed after the push')
    },
    async remove(ids) {
      if (state.down) throw new Error('engine unreachable')
      for (const id of ids) docs.delete(id)
    },
    async applySettings() {
      return { rebuildNeeded: false }
    },
    async reindexAll() {
      return { indexed: 0 }
    },
  }
  const pushCount = (postId: string) => pushes.flat().filter((id) => id === postId).length
  return { engine, docs, state, pushCount }
}

const outboxRow = (entityId: string) =>
  prisma.searchOutbox.findFirstOrThrow({ where: { entityId }, orderBy: { id: 'desc' }, select: { processedAt: true, attempts: true } })
const indexed = (postId: string) =>
  prisma.searchDocument.findUnique({ where: { id: `post:${postId}` }, select: { title: true, text: true, organisationName: true } })

describe('draining into PostgreSQL', () => {
  test("a write's outbox row brings the post into the index and is marked processed", async () => {
    const postId = await insertPost(prisma, { type: 'question', title: 'Hur mäter ni nöjdhet?', body: 'Enkäter eller intervjuer?' }, { outbox: true })
    const result = await drainOutbox({ prisma, engine: postgres })
    expect(result.error).toBeUndefined()
    expect(result.processed).toBeGreaterThanOrEqual(1)
    expect(await indexed(postId)).toMatchObject({ title: 'Hur mäter ni nöjdhet?' })
    expect((await outboxRow(postId)).processedAt).not.toBeNull()
  })

  test('a post hidden or deleted is removed from the index; restored, it comes back', async () => {
    const postId = await insertPost(prisma, { type: 'project', title: 'Projekt som döljs', body: 'x' }, { outbox: true })
    await drainOutbox({ prisma, engine: postgres })
    await setStatus(prisma, postId, 'hidden')
    await drainOutbox({ prisma, engine: postgres })
    expect(await indexed(postId)).toBeNull()
    await setStatus(prisma, postId, 'visible')
    await drainOutbox({ prisma, engine: postgres })
    expect(await indexed(postId)).not.toBeNull()
    await prisma.post.delete({ where: { id: postId } })
    await enqueue(prisma, 'post', postId)
    await drainOutbox({ prisma, engine: postgres })
    expect(await indexed(postId)).toBeNull()
  })

  test('answer and organisation rows re-index the posts they belong to', async () => {
    const organisation = await insertOrganisation(prisma, { name: 'Gamla namnet kommun' })
    const postId = await insertPost(prisma, { type: 'question', title: 'Fråga med svar', body: 'Fråga.', organisationId: organisation.id }, { outbox: true })
    await drainOutbox({ prisma, engine: postgres })

    const answer = await prisma.answer.create({ data: { postId, body: {}, bodyHtml: '', bodyText: 'Ett svar om Kvittomaskiner.' }, select: { id: true } })
    await enqueue(prisma, 'answer', answer.id)
    await prisma.organisation.update({ where: { id: organisation.id }, data: { name: 'Nya namnet kommun' } })
    await enqueue(prisma, 'organisation', organisation.id)
    await drainOutbox({ prisma, engine: postgres })
    expect(await indexed(postId)).toMatchObject({ text: 'Fråga. Ett svar om Kvittomaskiner.', organisationName: 'Nya namnet kommun' })
  })

  test('rows of entity types the index does not handle wait untouched', async () => {
    await enqueue(prisma, 'user', 'some-user')
    await drainOutbox({ prisma, engine: postgres })
    expect(await outboxRow('some-user')).toEqual({ processedAt: null, attempts: 0 })
  })
})

describe('failures', () => {
  test('engine down: writes still succeed, nothing is lost, and the backlog drains when it is back', async () => {
    const external = externalEngine()
    await drainOutbox({ prisma, engine: external.engine })
    external.state.down = true
    const postIds = [
      await insertPost(prisma, { type: 'question', title: 'Under avbrottet 1', body: 'x' }, { outbox: true }),
      await insertPost(prisma, { type: 'question', title: 'Under avbrottet 2', body: 'x' }, { outbox: true }),
    ]
    const failed = await drainOutbox({ prisma, engine: external.engine })
    expect(failed).toMatchObject({ processed: 0, failed: 2, failedFresh: true })
    for (const postId of postIds) expect(await outboxRow(postId)).toEqual({ processedAt: null, attempts: 1 })

    external.state.down = false
    const recovered = await drainOutbox({ prisma, engine: external.engine })
    expect(recovered).toEqual({ processed: 2, failed: 0 })
    for (const postId of postIds) {
      expect(external.docs.has(`post:${postId}`)).toBe(true)
      expect((await outboxRow(postId)).processedAt).not.toBeNull()
    }
  })

  test('a crash between push and mark-done only repeats an idempotent push', async () => {
    const external = externalEngine()
    await drainOutbox({ prisma, engine: external.engine })
    const postId = await insertPost(prisma, { type: 'artifact', title: 'Krasch efter push', body: 'x' }, { outbox: true })
    external.state.crashAfterPush = true
    expect((await drainOutbox({ prisma, engine: external.engine })).failed).toBe(1)
    expect(external.docs.has(`post:${postId}`)).toBe(true)
    expect((await outboxRow(postId)).processedAt).toBeNull()

    external.state.crashAfterPush = false
    await drainOutbox({ prisma, engine: external.engine })
    expect(external.pushCount(postId)).toBe(2)
    expect([...external.docs.keys()].filter((id) => id === `post:${postId}`)).toHaveLength(1)
    expect((await outboxRow(postId)).processedAt).not.toBeNull()
  })

  test('inside the database a failed push leaves no trace: the index write rolls back with the batch', async () => {
    await drainOutbox({ prisma, engine: postgres })
    const postId = await insertPost(prisma, { type: 'question', title: 'Rullas tillbaka', body: 'x' }, { outbox: true })
    const inTransaction = postgres.withinTransaction
    if (!inTransaction) throw new Error("the PostgreSQL engine writes within the worker's transaction")
    const failing: SearchEngine = {
      ...postgres,
      withinTransaction: (tx) => ({
        ...inTransaction(tx),
        async remove() {
          throw new Error('failed after the upsert')
        },
      }),
    }
    expect((await drainOutbox({ prisma, engine: failing })).failed).toBe(1)
    expect(await indexed(postId)).toBeNull()
    await drainOutbox({ prisma, engine: postgres })
    expect(await indexed(postId)).not.toBeNull()
  })

  test('a row the engine keeps refusing ends up alone and waits; the rest go through', async () => {
    const external = externalEngine()
    await drainOutbox({ prisma, engine: external.engine })
    const healthy = []
    for (let index = 0; index < 7; index++)
      healthy.push(await insertPost(prisma, { type: 'question', title: `Frisk fråga ${index}`, body: 'x' }, { outbox: true }))
    const poison = await insertPost(prisma, { type: 'question', title: 'Giftig fråga', body: 'x' }, { outbox: true })
    external.state.refuse = (doc) => doc.title.startsWith('Giftig')

    for (let round = 0; round < 12; round++) await drainOutbox({ prisma, engine: external.engine, batchSize: 8 })
    for (const postId of healthy) expect((await outboxRow(postId)).processedAt).not.toBeNull()
    const refused = await outboxRow(poison)
    expect(refused.processedAt).toBeNull()
    expect(refused.attempts).toBeGreaterThanOrEqual(4)

    // Fresh rows are not held up by it, also while its retries are backing off.
    const fresh = await insertPost(prisma, { type: 'question', title: 'Ny fråga under tiden', body: 'x' }, { outbox: true })
    expect(await drainOutbox({ prisma, engine: external.engine, includeRetries: false })).toEqual({ processed: 1, failed: 0 })
    expect(external.docs.has(`post:${fresh}`)).toBe(true)

    external.state.refuse = () => false
    await drainOutbox({ prisma, engine: external.engine })
    expect((await outboxRow(poison)).processedAt).not.toBeNull()
  })
})

test('two workers at once never take the same row and never drop one', async () => {
  const external = externalEngine()
  await drainOutbox({ prisma, engine: external.engine })
  const postIds: string[] = []
  for (let index = 0; index < 30; index++)
    postIds.push(await insertPost(prisma, { type: 'project', title: `Parallellt projekt ${index}`, body: 'x' }, { outbox: true }))
  const [first, second] = await Promise.all([
    drainOutbox({ prisma, engine: external.engine, batchSize: 4 }),
    drainOutbox({ prisma, engine: external.engine, batchSize: 4 }),
  ])
  expect((first?.processed ?? 0) + (second?.processed ?? 0)).toBe(30)
  for (const postId of postIds) {
    expect(external.pushCount(postId)).toBe(1)
    expect((await outboxRow(postId)).processedAt).not.toBeNull()
  }
})

test('the worker indexes new writes, backs off and logs while the engine is down, never throws, and recovers', async () => {
  const external = externalEngine()
  const log = { info: vi.fn(), error: vi.fn() }
  const worker = createOutboxWorker({ prisma, engine: external.engine, intervalMs: 10, log })

  const first = await insertPost(prisma, { type: 'question', title: 'Loopen tar den', body: 'x' }, { outbox: true })
  expect(await worker.step()).toBe(10)
  expect(external.docs.has(`post:${first}`)).toBe(true)

  external.state.down = true
  const second = await insertPost(prisma, { type: 'question', title: 'Loopen väntar', body: 'x' }, { outbox: true })
  // A fresh change failed: the engine looks down, so the next step waits twice as long each time.
  expect(await worker.step()).toBe(20)
  expect(log.error).toHaveBeenLastCalledWith(expect.stringContaining('left for a retry (failure 1 in a row): engine unreachable'))
  expect(external.docs.has(`post:${second}`)).toBe(false)
  // What a step throws is logged and answered with the next wait, like a failed drain.
  expect(worker.onError(new Error('connection lost'))).toBe(40)
  expect(log.error).toHaveBeenLastCalledWith('Search outbox: connection lost')

  external.state.down = false
  expect(await worker.step()).toBe(10)
  expect(external.docs.has(`post:${second}`)).toBe(true)
  expect(log.info).toHaveBeenCalledWith('Search outbox: changes are reaching the index again.')
})

test('pruneOutbox deletes processed rows older than a week, nothing else', async () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000)
  await prisma.searchOutbox.createMany({
    data: [
      { entityType: 'post', entityId: 'prune-old', operation: 'upsert', processedAt: daysAgo(8) },
      { entityType: 'post', entityId: 'prune-recent', operation: 'upsert', processedAt: daysAgo(1) },
      { entityType: 'post', entityId: 'prune-pending', operation: 'upsert', createdAt: daysAgo(30) },
    ],
  })
  expect(await pruneOutbox(prisma)).toBeGreaterThanOrEqual(1)
  const left = await prisma.searchOutbox.findMany({ where: { entityId: { startsWith: 'prune-' } }, select: { entityId: true } })
  expect(left.map((row) => row.entityId).sort()).toEqual(['prune-pending', 'prune-recent'])
})

describe('rebuilding', () => {
  test('reindexEverything leaves exactly the visible posts in the index, with the current settings version', async () => {
    await insertPost(prisma, { type: 'question', title: 'Aldrig köad', body: 'Skrevs utan outbox-rad.' })
    await insertPost(prisma, { type: 'question', title: 'Dold sedan länge', body: 'x', status: 'hidden' })
    await postgres.upsert([
      {
        id: 'post:ghost',
        entityType: 'post',
        entityId: 'ghost',
        type: 'question',
        title: 'Spöke',
        text: '',
        tags: [],
        organisationName: null,
        organisationSlug: null,
        organisationType: null,
        county: null,
        projectStatus: null,
        artifactKind: null,
        seekingPartners: false,
        status: 'visible',
        createdAt: 0,
        activityAt: 0,
      },
    ])
    await prisma.$executeRaw`UPDATE "SearchDocument" SET "settingsVersion" = 0`
    expect(await postgres.applySettings()).toEqual({ rebuildNeeded: true })

    const { indexed } = await reindexEverything({ prisma, engine: postgres, batchSize: 7 })
    const visible = await prisma.post.findMany({ where: { status: 'visible' }, select: { id: true } })
    expect(indexed).toBe(visible.length)
    const documents = await prisma.searchDocument.findMany({ select: { entityId: true } })
    expect(documents.map((doc) => doc.entityId).sort()).toEqual(visible.map((post) => post.id).sort())
    expect(await postgres.applySettings()).toEqual({ rebuildNeeded: false })
  })

  test('an empty index while there are visible posts calls for a rebuild', async () => {
    await prisma.$executeRaw`DELETE FROM "SearchDocument"`
    expect(await postgres.applySettings()).toEqual({ rebuildNeeded: true })
    await reindexEverything({ prisma, engine: postgres })
    expect(await postgres.applySettings()).toEqual({ rebuildNeeded: false })
  })
})
