import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { getQuestion, listFeed, listTagFeed, listPostsBy, type FeedCursor } from '#app/models/post.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { acceptAnswer, answerQuestion, askQuestion, editAnswer, editQuestion, voteOnAnswer } from './question.server.ts'
import { deleteContent, editContentAsModerator, restoreContent } from './content-moderation.server.ts'

const { prisma } = database

let asker: Actor
let helper: Actor
let other: Actor
let moderator: Actor

async function actor(overrides: Parameters<typeof insertMember>[1] = {}): Promise<Actor> {
  const member = await insertMember(prisma, overrides)
  return { id: member.id, name: member.name, role: member.role, status: member.status }
}

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Frågekommunen' }, ['fragekommunen.se'])
  asker = await actor({ organisationId: organisation.id })
  helper = await actor()
  other = await actor()
  moderator = await actor({ role: 'moderator' })
})

const ask = (title = 'Hur arkiverar ni e-post i e-arkivet?', tags = ['e-arkiv', 'arkivering']) =>
  askQuestion(asker, { title, body: plainTextToDocument('Vi funderar på hur e-post ska bevaras.'), tags })

describe('asking and answering', () => {
  test('a question is stored with sanitised HTML, plain text, tags, the organisation and an outbox row', async () => {
    const before = await prisma.searchOutbox.count()
    const { id } = await ask()
    const stored = await prisma.post.findUniqueOrThrow({
      where: { id },
      select: { bodyHtml: true, bodyText: true, organisation: { select: { name: true } }, tags: { select: { tag: { select: { name: true } } } } },
    })
    expect(stored.bodyHtml).toBe('<p>Vi funderar på hur e-post ska bevaras.</p>')
    expect(stored.bodyText).toBe('Vi funderar på hur e-post ska bevaras.')
    expect(stored.organisation?.name).toBe('Frågekommunen')
    expect(stored.tags.map((item) => item.tag.name).sort()).toEqual(['arkivering', 'e-arkiv'])
    expect(await prisma.searchOutbox.count()).toBe(before + 1)
    expect(await prisma.searchOutbox.findFirst({ where: { entityId: id }, select: { entityType: true, operation: true } })).toEqual({
      entityType: 'post',
      operation: 'upsert',
    })
  })

  test('a failing write leaves no outbox row behind', async () => {
    const before = await prisma.searchOutbox.count()
    const ghost = { ...asker, id: 'no-such-member' }
    await expect(askQuestion(ghost, { title: 'Spökfråga utan författare', body: plainTextToDocument('x'), tags: [] })).rejects.toThrow()
    await expect(answerQuestion(helper, 'no-such-question', plainTextToDocument('x'))).rejects.toMatchObject({ status: 404 })
    expect(await prisma.searchOutbox.count()).toBe(before)
  })

  test('answers count, bump the question in the feed, and can be edited only by their author (moderators: content moderation)', async () => {
    const { id } = await ask('Vilket ärendehanteringssystem använder ni?')
    const answer = await answerQuestion(helper, id, plainTextToDocument('Vi använder Public 360.'))
    const question = await prisma.post.findUniqueOrThrow({ where: { id }, select: { answerCount: true, activityAt: true, createdAt: true } })
    expect(question.answerCount).toBe(1)
    expect(question.activityAt.getTime()).toBeGreaterThanOrEqual(question.createdAt.getTime())

    await expect(editAnswer(other, answer.id, plainTextToDocument('Kapat svar'))).rejects.toMatchObject({ status: 403 })
    await expect(editQuestion(helper, id, { title: 'Kapad rubrik på frågan', body: plainTextToDocument('x'), tags: [] })).rejects.toMatchObject({ status: 403 })
    await editAnswer(helper, answer.id, plainTextToDocument('Vi använder Public 360 sedan 2019.'))
    const edited = await prisma.answer.findUniqueOrThrow({ where: { id: answer.id }, select: { bodyText: true, editedAt: true } })
    expect(edited.bodyText).toBe('Vi använder Public 360 sedan 2019.')
    expect(edited.editedAt).not.toBeNull()

    await expect(
      editQuestion(moderator, id, { title: 'Vilket ärendehanteringssystem har ni?', body: plainTextToDocument('Förtydligad.'), tags: [] }),
    ).rejects.toMatchObject({ status: 403 })
    await editContentAsModerator(moderator, {
      targetType: 'post',
      targetId: id,
      title: 'Vilket ärendehanteringssystem har ni?',
      body: plainTextToDocument('Förtydligad.'),
      reason: 'Tydligare rubrik.',
    })
    expect(await prisma.auditLog.count({ where: { action: 'content.edited', targetId: id } })).toBe(1)
  })
})

describe('votes and accepted answers', () => {
  test('one vote per member, changeable and retractable; no votes on your own answer', async () => {
    const { id } = await ask('Hur många röstar?')
    const answer = await answerQuestion(helper, id, plainTextToDocument('Ett svar att rösta på.'))
    await voteOnAnswer(asker, answer.id, 1)
    await voteOnAnswer(asker, answer.id, 1)
    await voteOnAnswer(other, answer.id, 1)
    expect((await prisma.answer.findUniqueOrThrow({ where: { id: answer.id } })).score).toBe(2)
    await voteOnAnswer(other, answer.id, -1)
    expect((await prisma.answer.findUniqueOrThrow({ where: { id: answer.id } })).score).toBe(0)
    await voteOnAnswer(other, answer.id, 0)
    expect((await prisma.answer.findUniqueOrThrow({ where: { id: answer.id } })).score).toBe(1)
    expect(await prisma.answerVote.count({ where: { answerId: answer.id } })).toBe(1)
    await expect(voteOnAnswer(helper, answer.id, 1)).rejects.toMatchObject({ status: 403 })
  })

  test('only the asker or a moderator accepts; the accepted answer shows first, then by score', async () => {
    const { id } = await ask('Vilket svar är bäst?')
    const first = await answerQuestion(helper, id, plainTextToDocument('Första svaret.'))
    const popular = await answerQuestion(other, id, plainTextToDocument('Populära svaret.'))
    const accepted = await answerQuestion(moderator, id, plainTextToDocument('Det accepterade svaret.'))
    await voteOnAnswer(asker, popular.id, 1)

    await expect(acceptAnswer(helper, id, first.id)).rejects.toMatchObject({ status: 403 })
    await acceptAnswer(asker, id, accepted.id)
    const view = await getQuestion(id, asker)
    expect(view?.answers.map((answer) => answer.id)).toEqual([accepted.id, popular.id, first.id])

    await acceptAnswer(moderator, id, first.id)
    expect((await prisma.post.findUniqueOrThrow({ where: { id } })).acceptedAnswerId).toBe(first.id)
    const elsewhere = await ask('En annan fråga med ett svar')
    const foreign = await answerQuestion(helper, elsewhere.id, plainTextToDocument('Svar på annan fråga.'))
    await expect(acceptAnswer(asker, id, foreign.id)).rejects.toMatchObject({ status: 404 })
  })
})

describe('soft delete', () => {
  test('deleted questions vanish from feeds, tag pages, lists and for members, but moderators can restore them', async () => {
    const tag = `radera-${Date.now()}`
    const { id } = await ask('Frågan som tas bort', [tag])
    expect((await listTagFeed(tag))?.posts.map((post) => post.id)).toEqual([id])

    await expect(deleteContent(other, { targetType: 'post', targetId: id, reason: null })).rejects.toMatchObject({ status: 403 })
    await deleteContent(asker, { targetType: 'post', targetId: id, reason: null })
    expect((await listTagFeed(tag))?.posts).toEqual([])
    expect((await listFeed({ type: 'question' })).posts.some((post) => post.id === id)).toBe(false)
    expect((await listPostsBy({ authorId: asker.id })).some((post) => post.id === id)).toBe(false)
    expect(await getQuestion(id, other)).toBeNull()
    expect((await getQuestion(id, moderator))?.status).toBe('deleted')

    await expect(restoreContent(asker, { targetType: 'post', targetId: id, reason: 'Felaktigt borttaget.' })).rejects.toMatchObject({ status: 403 })
    await restoreContent(moderator, { targetType: 'post', targetId: id, reason: 'Raderades av misstag.' })
    expect((await listTagFeed(tag))?.posts.map((post) => post.id)).toEqual([id])
    expect(await prisma.auditLog.findFirst({ where: { action: 'content.restored', targetId: id }, select: { reason: true } })).toEqual({
      reason: 'Raderades av misstag.',
    })
  })

  test('a deleted answer leaves the count and the accepted mark', async () => {
    const { id } = await ask('Svar som försvinner')
    const answer = await answerQuestion(helper, id, plainTextToDocument('Snart borta.'))
    await acceptAnswer(asker, id, answer.id)
    await deleteContent(helper, { targetType: 'answer', targetId: answer.id, reason: null })
    const question = await prisma.post.findUniqueOrThrow({ where: { id }, select: { answerCount: true, acceptedAnswerId: true } })
    expect(question).toEqual({ answerCount: 0, acceptedAnswerId: null })
    expect((await getQuestion(id, other))?.answers).toEqual([])
    expect((await listFeed({ type: 'question', unanswered: true })).posts.some((post) => post.id === id)).toBe(true)
  })
})

describe('keyset pagination', () => {
  test('walks every post exactly once, also across equal timestamps', async () => {
    await prisma.post.deleteMany({})
    const at = new Date('2026-11-01T10:00:00Z')
    await prisma.post.createMany({
      data: Array.from({ length: 47 }, (_, index) => ({
        id: `page-${String(index).padStart(3, '0')}`,
        type: 'question' as const,
        title: `Fråga nummer ${index}`,
        body: plainTextToDocument('x') as object,
        bodyHtml: '<p>x</p>',
        bodyText: 'x',
        authorId: asker.id,
        // Groups of five share the exact same activity time.
        activityAt: new Date(at.getTime() - Math.floor(index / 5) * 60_000),
        status: index === 13 ? ('hidden' as const) : ('visible' as const),
      })),
    })
    const seen: string[] = []
    let after: FeedCursor | undefined
    let pages = 0
    do {
      const page = await listFeed({ after })
      seen.push(...page.posts.map((post) => post.id))
      after = page.next ?? undefined
      pages++
    } while (after && pages < 10)
    expect(pages).toBe(3)
    expect(seen).toHaveLength(46)
    expect(new Set(seen).size).toBe(46)
    expect(seen).not.toContain('page-013')
  })
})

test('a profile lists the member’s visible answers on visible questions only', async () => {
  const { listAnswersBy } = await import('#app/models/post.server.ts')
  const answerer = await actor()
  const kept = await ask('Frågan där svaret syns på profilen')
  const gone = await ask('Frågan som tas bort med svaret')
  const shown = await answerQuestion(answerer, kept.id, plainTextToDocument('Syns på profilen.'))
  const removed = await answerQuestion(answerer, kept.id, plainTextToDocument('Tas bort.'))
  await answerQuestion(answerer, gone.id, plainTextToDocument('Försvinner med frågan.'))
  await deleteContent(answerer, { targetType: 'answer', targetId: removed.id, reason: null })
  await deleteContent(asker, { targetType: 'post', targetId: gone.id, reason: null })
  expect((await listAnswersBy(answerer.id)).map((answer) => answer.id)).toEqual([shown.id])
})
