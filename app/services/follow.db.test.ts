import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { isFollowing, listFollows } from '#app/models/follow.server.ts'
import { listFollowingFeed } from '#app/models/post.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { insertActor, insertOrganisation } from '#tests/factories.ts'
import { follow, unfollow } from './follow.server.ts'
import { answerQuestion, askQuestion } from './question.server.ts'
import { deleteContent } from './content-moderation.server.ts'

const { prisma } = database

const actor = (overrides: Parameters<typeof insertActor>[1] = {}) => insertActor(prisma, overrides)

let follower: Actor
let asker: Actor
let helper: Actor
let moderator: Actor
let organisationId: string
let otherOrganisationId: string

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Följekommunen' }, ['foljekommunen.se'])
  const other = await insertOrganisation(prisma, { name: 'Andra kommunen' }, ['andrakommunen.se'])
  organisationId = organisation.id
  otherOrganisationId = other.id
  follower = await actor()
  asker = await actor({ organisationId })
  helper = await actor({ organisationId: otherOrganisationId })
  moderator = await actor({ role: 'moderator' })
})

const ask = (by: Actor, title: string, tags: string[]) => askQuestion(by, { title, body: plainTextToDocument('Hur gör ni?'), tags })
const followingFeedTitles = async (member: Actor) =>
  (await prisma.post.findMany({ where: { id: { in: (await listFollowingFeed(member.id)).posts.map((post) => post.id) } }, select: { title: true } }))
    .map((post) => post.title)
    .sort()

describe('following', () => {
  test('a tag, an organisation and a post can be followed once and unfollowed; repeating is harmless', async () => {
    const question = await ask(asker, 'Vem följer skolskjutsar?', ['skolskjuts'])
    for (let i = 0; i < 2; i++) {
      await follow(follower, { type: 'tag', key: 'Skolskjuts' })
      await follow(follower, { type: 'organisation', key: organisationId })
      await follow(follower, { type: 'post', key: question.id })
    }
    expect(await prisma.follow.count({ where: { userId: follower.id } })).toBe(3)
    expect(await isFollowing(follower.id, { type: 'tag', key: 'skolskjuts' })).toBe(true)
    expect(await isFollowing(follower.id, { type: 'organisation', key: organisationId })).toBe(true)
    expect(await isFollowing(follower.id, { type: 'post', key: question.id })).toBe(true)

    const follows = await listFollows(follower.id)
    expect(follows.tags).toEqual(['skolskjuts'])
    expect(follows.organisations.map((organisation) => organisation.name)).toEqual(['Följekommunen'])
    expect(follows.posts.map((post) => post.title)).toEqual(['Vem följer skolskjutsar?'])

    for (let i = 0; i < 2; i++) {
      await unfollow(follower, { type: 'tag', key: 'skolskjuts' })
      await unfollow(follower, { type: 'organisation', key: organisationId })
      await unfollow(follower, { type: 'post', key: question.id })
    }
    expect(await prisma.follow.count({ where: { userId: follower.id } })).toBe(0)
  })

  test('unknown targets, unverified organisations and invisible posts cannot be followed', async () => {
    const hidden = await ask(asker, 'Snart borttagen fråga', [])
    await deleteContent(moderator, { targetType: 'post', targetId: hidden.id, reason: 'Dubblett' })
    const unverified = await insertOrganisation(prisma, { name: 'Overifierade förbundet', verified: false })
    const refused = [
      { type: 'tag', key: 'finns-inte-alls' },
      { type: 'organisation', key: 'no-such-id' },
      { type: 'organisation', key: unverified.id },
      { type: 'post', key: hidden.id },
    ] as const
    for (const target of refused) await expect(follow(follower, target)).rejects.toMatchObject({ status: 404 })
    expect(await prisma.follow.count({ where: { userId: follower.id } })).toBe(0)
  })

  test('a suspended member cannot follow', async () => {
    const suspended = await actor({ status: 'suspended' })
    await expect(follow(suspended, { type: 'organisation', key: organisationId })).rejects.toMatchObject({ status: 403 })
  })

  test('asking and answering follow the question automatically; an explicit follow makes it explicit', async () => {
    const question = await ask(asker, 'Automatiskt följd fråga om bygglov', ['bygglov'])
    await answerQuestion(helper, question.id, plainTextToDocument('Vi använder en e-tjänst.'))
    const rows = await prisma.follow.findMany({ where: { postId: question.id }, select: { userId: true, automatic: true } })
    expect(rows.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [
        { userId: asker.id, automatic: true },
        { userId: helper.id, automatic: true },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    )
    // Answering twice adds nothing.
    await answerQuestion(helper, question.id, plainTextToDocument('Och en till sak.'))
    expect(await prisma.follow.count({ where: { postId: question.id } })).toBe(2)

    await follow(helper, { type: 'post', key: question.id })
    expect(await prisma.follow.findFirst({ where: { postId: question.id, userId: helper.id }, select: { automatic: true } })).toEqual({ automatic: false })
  })
})

describe('"Det jag följer"', () => {
  test('shows visible posts followed directly, by organisation or by tag, newest activity first, and nothing else', async () => {
    const reader = await actor()
    await ask(helper, 'Taggad fråga om hemtjänst', ['hemtjänst'])
    await ask(asker, 'Fråga från den följda kommunen', [])
    const direct = await ask(helper, 'Direkt följd fråga', [])
    await ask(helper, 'Ofölld fråga från annat håll', ['annat'])
    const hidden = await ask(asker, 'Borttagen fråga från den följda kommunen', [])
    await deleteContent(moderator, { targetType: 'post', targetId: hidden.id, reason: 'Fel forum' })

    expect((await listFollowingFeed(reader.id)).posts).toEqual([])
    await follow(reader, { type: 'tag', key: 'hemtjänst' })
    await follow(reader, { type: 'organisation', key: organisationId })
    await follow(reader, { type: 'post', key: direct.id })

    const titles = await followingFeedTitles(reader)
    expect(titles).toContain('Taggad fråga om hemtjänst')
    expect(titles).toContain('Fråga från den följda kommunen')
    expect(titles).toContain('Direkt följd fråga')
    expect(titles).not.toContain('Ofölld fråga från annat håll')
    expect(titles).not.toContain('Borttagen fråga från den följda kommunen')

    const feed = await listFollowingFeed(reader.id)
    const times = feed.posts.map((post) => post.activityAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  test('keyset paging walks every followed post exactly once', async () => {
    const reader = await actor()
    for (let i = 0; i < 25; i++) await ask(helper, `Sidfråga ${i} om vatten`, ['vattenfråga'])
    await follow(reader, { type: 'tag', key: 'vattenfråga' })
    const seen: string[] = []
    let after: { activityAt: string; id: string } | undefined
    for (;;) {
      const page = await listFollowingFeed(reader.id, after)
      seen.push(...page.posts.map((post) => post.id))
      if (!page.next) break
      after = page.next
    }
    expect(seen).toHaveLength(25)
    expect(new Set(seen).size).toBe(25)
  })
})
