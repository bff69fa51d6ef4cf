import { Prisma } from '#app/generated/prisma/client.ts'
import { POST_TYPE_LABELS, postPath } from '#app/presenters/post-type.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { visibleContentSql } from '#app/policies/content-sql.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { DigestPeriod } from '#app/utils/digest-schedule.ts'
import { normalizeTag } from '#app/validation/content.ts'

/**
 * The content of members' digests, built in two layers so that 100,000 digests stay cheap:
 *
 * - `loadDigestWeek(period)`: what happened in the period, the same for everyone — the new
 *   visible posts (with tags, organisation, county), the new visible answers grouped by
 *   question, the most active threads, the new members per organisation. A handful of
 *   queries once per run (or per preview).
 * - `loadDigestReaders(members, week)`: what is personal, for a whole batch of members in
 *   three queries — what they follow, which of the week's tags their own posts carry, and
 *   which of the period's items earlier digests already had (DigestSentItem).
 *
 * `composeDigest` then picks each member's items in memory. Only visible content; never the
 * member's own posts or answers; never an item an earlier digest had; each post at most once
 * per digest (the first section wins).
 */
export const DIGEST_SECTIONS = ['answers', 'partners', 'followed', 'county', 'active', 'colleagues'] as const
export type DigestSectionKey = (typeof DIGEST_SECTIONS)[number]

export const DIGEST_SECTION_HEADINGS: Record<DigestSectionKey, string> = {
  answers: 'Nya svar på frågor du ställt eller följer',
  partners: 'Projekt som söker samarbetspartner inom dina ämnen',
  followed: 'Nytt i det du följer',
  county: 'Nya projekt i ditt län',
  active: 'Veckans mest aktiva trådar',
  colleagues: 'Nya medlemmar från din organisation',
}

const ITEMS_PER_SECTION = {
  followed: 10,
  answers: 10,
  active: 5,
  county: 5,
  partners: 5,
  colleagues: 10,
} as const satisfies Record<DigestSectionKey, number>
const ACTIVE_THREADS = 30

export type DigestItem = {
  /** DigestSentItem key of what this item reports ("post:<id>", "answer:<id>", "member:<id>"). */
  keys: string[]
  title: string
  path: string
  /** One line under the title, e.g. "Malmö kommun · 3 nya svar". */
  detail: string
}

export type DigestSection = {
  key: DigestSectionKey
  heading: string
  items: DigestItem[]
}

export type Digest = { period: DigestPeriod; sections: DigestSection[] }

export type DigestMember = {
  id: string
  organisationId: string | null
  sectionsOff: readonly string[]
  interests: readonly string[]
}

const postSelect = {
  id: true,
  type: true,
  title: true,
  authorId: true,
  organisationId: true,
  seekingPartners: true,
  organisation: { select: { name: true, county: true } },
} satisfies Prisma.PostSelect

type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>
/** A post of the period; `rank` is its place in the period's newest-first order. */
type WeekPost = PostRow & { tagIds: string[]; rank: number }

function postItem(post: PostRow, extra?: string): DigestItem {
  const detail = [POST_TYPE_LABELS[post.type], post.organisation?.name, extra].filter(Boolean).join(' · ')
  return {
    keys: [`post:${post.id}`],
    title: post.title,
    path: postPath(post),
    detail,
  }
}

const inPeriod = (period: DigestPeriod) => ({
  gte: period.from,
  lt: period.to,
})
// Timestamps are stored as UTC without a zone; compare in UTC whatever the session's zone.
const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`

function groupBy<T>(items: Iterable<T>, keysOf: (item: T) => Iterable<string | null | undefined>): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    for (const key of keysOf(item)) {
      if (key) groups.set(key, [...(groups.get(key) ?? []), item])
    }
  }
  return groups
}

/** The busiest visible threads of the period (answers and comments). */
async function listActiveThreads(period: DigestPeriod) {
  const rows = await prisma.$queryRaw<{ postId: string; events: number }[]>`
    SELECT events."postId", count(*)::int AS "events"
    FROM (
      SELECT a."postId" FROM "Answer" a WHERE a."createdAt" >= ${utc(period.from)} AND a."createdAt" < ${utc(period.to)} AND ${visibleContentSql('a')}
      UNION ALL
      SELECT c."postId" FROM "Comment" c WHERE c."createdAt" >= ${utc(period.from)} AND c."createdAt" < ${utc(period.to)} AND ${visibleContentSql('c')}
    ) AS events
    JOIN "Post" p ON p."id" = events."postId" AND ${visibleContentSql('p')}
    GROUP BY events."postId"
    HAVING count(*) >= 2
    ORDER BY count(*) DESC, events."postId"
    LIMIT ${ACTIVE_THREADS}`
  const posts = await prisma.post.findMany({
    where: { id: { in: rows.map((row) => row.postId) } },
    select: postSelect,
  })
  const byId = new Map(posts.map((post) => [post.id, post]))
  return rows.flatMap((row) => {
    const post = byId.get(row.postId)
    return post ? [{ post, events: row.events }] : []
  })
}

export type DigestWeek = Awaited<ReturnType<typeof loadDigestWeek>>

/** Everything new in the period that any digest can report, loaded once for all members. */
export async function loadDigestWeek(period: DigestPeriod) {
  const [posts, answers, activeThreads, newMembers] = await Promise.all([
    prisma.post.findMany({
      // A post's activity is its creation or a later answer: the condition lets the feed's index find the period's posts.
      where: {
        ...visibleContentWhere,
        createdAt: inPeriod(period),
        activityAt: { gte: period.from },
      },
      select: {
        ...postSelect,
        tags: { select: { tagId: true, tag: { select: { name: true } } } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
    prisma.answer.findMany({
      where: {
        ...visibleContentWhere,
        createdAt: inPeriod(period),
        post: visibleContentWhere,
      },
      select: { id: true, authorId: true, postId: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
    listActiveThreads(period),
    prisma.user.findMany({
      where: {
        status: 'active',
        createdAt: inPeriod(period),
        organisationId: { not: null },
      },
      select: { id: true, name: true, title: true, organisationId: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  ])
  const weekPosts: WeekPost[] = posts.map(({ tags, ...post }, rank) => ({
    ...post,
    tagIds: tags.map((tag) => tag.tagId),
    rank,
  }))
  const questions = await prisma.post.findMany({
    where: { id: { in: [...new Set(answers.map((answer) => answer.postId))] } },
    select: postSelect,
  })
  const tagIdsByName = new Map(posts.flatMap((post) => post.tags.map((tag) => [tag.tag.name, tag.tagId] as const)))
  const projects = weekPosts.filter((post) => post.type === 'project')
  return {
    period,
    tagIds: [...new Set(tagIdsByName.values())],
    tagIdsByName,
    postsByTag: groupBy(weekPosts, (post) => post.tagIds),
    postsByOrganisation: groupBy(weekPosts, (post) => [post.organisationId]),
    projectsByCounty: groupBy(projects, (post) => [post.organisation?.county]),
    partnerProjectsByTag: groupBy(
      projects.filter((post) => post.seekingPartners),
      (post) => post.tagIds,
    ),
    questions: new Map(questions.map((question) => [question.id, question])),
    /** Questions by their newest answer, newest first. */
    questionRank: new Map([...new Set(answers.map((answer) => answer.postId))].map((postId, rank) => [postId, rank])),
    answersByQuestion: groupBy(answers, (answer) => [answer.postId]),
    questionsByAuthor: groupBy(questions, (question) => [question.authorId]),
    activeThreads,
    newMembersByOrganisation: groupBy(newMembers, (member) => [member.organisationId]),
  }
}

export type DigestReader = {
  followedTagIds: string[]
  followedOrganisationIds: string[]
  followedPostIds: string[]
  /** The week's tags that also mark posts the member wrote ("your subjects"). */
  ownTagIds: string[]
  county: string | null
  sentKeys: Set<string>
}

/** The personal part of a batch of members' digests, in three queries whatever the batch size. */
export async function loadDigestReaders(members: readonly DigestMember[], week: DigestWeek): Promise<Map<string, DigestReader>> {
  const ids = members.map((member) => member.id)
  const organisationIds = [...new Set(members.flatMap((member) => (member.organisationId ? [member.organisationId] : [])))]
  const [follows, ownTags, organisations, sent] = await Promise.all([
    prisma.follow.findMany({
      where: { userId: { in: ids } },
      select: { userId: true, tagId: true, organisationId: true, postId: true },
    }),
    week.tagIds.length
      ? prisma.$queryRaw<{ authorId: string; tagId: string }[]>`
          SELECT DISTINCT p."authorId", pt."tagId"
          FROM "Post" p JOIN "PostTag" pt ON pt."postId" = p."id"
          WHERE p."authorId" = ANY(${ids}::text[]) AND pt."tagId" = ANY(${week.tagIds}::text[])`
      : [],
    prisma.organisation.findMany({
      where: { id: { in: organisationIds } },
      select: { id: true, county: true },
    }),
    // An item of this period can only have been sent since the period began.
    prisma.digestSentItem.findMany({
      where: { userId: { in: ids }, createdAt: { gte: week.period.from } },
      select: { userId: true, itemKey: true },
    }),
  ])
  const followsOf = groupBy(follows, (row) => [row.userId])
  const ownTagsOf = groupBy(ownTags, (row) => [row.authorId])
  const sentOf = groupBy(sent, (row) => [row.userId])
  const countyOf = new Map(organisations.map((organisation) => [organisation.id, organisation.county]))
  return new Map(
    members.map((member) => {
      const memberFollows = followsOf.get(member.id) ?? []
      const pick = (key: 'tagId' | 'organisationId' | 'postId') => memberFollows.flatMap((row) => (row[key] ? [row[key]] : []))
      return [
        member.id,
        {
          followedTagIds: pick('tagId'),
          followedOrganisationIds: pick('organisationId'),
          followedPostIds: pick('postId'),
          ownTagIds: (ownTagsOf.get(member.id) ?? []).map((row) => row.tagId),
          county: member.organisationId ? (countyOf.get(member.organisationId) ?? null) : null,
          sentKeys: new Set((sentOf.get(member.id) ?? []).map((row) => row.itemKey)),
        },
      ]
    }),
  )
}

/** The posts of several of the week's lists, each once. */
function mergePosts(lists: (WeekPost[] | undefined)[]): WeekPost[] {
  const byId = new Map<string, WeekPost>()
  for (const list of lists) for (const post of list ?? []) byId.set(post.id, post)
  return [...byId.values()]
}

/** One member's digest from the week and their reader data: no database access. */
export function composeDigest(member: DigestMember, week: DigestWeek, reader: DigestReader): Digest {
  const wanted = (key: DigestSectionKey) => !member.sectionsOff.includes(key)
  const notMine = (post: { authorId: string | null }) => post.authorId !== member.id
  const subjectTagIds = new Set([
    ...reader.followedTagIds,
    ...reader.ownTagIds,
    ...member.interests.flatMap((interest) => week.tagIdsByName.get(normalizeTag(interest)) ?? []),
  ])
  const newest = (posts: WeekPost[]) => posts.filter(notMine).sort((a, b) => a.rank - b.rank)

  const followedQuestions = new Set([...(week.questionsByAuthor.get(member.id) ?? []).map((question) => question.id), ...reader.followedPostIds])
  const candidates: Record<DigestSectionKey, DigestItem[]> = {
    answers: wanted('answers')
      ? [...followedQuestions]
          .sort((a, b) => (week.questionRank.get(a) ?? Infinity) - (week.questionRank.get(b) ?? Infinity))
          .flatMap((questionId) => {
            const question = week.questions.get(questionId)
            const answers = (week.answersByQuestion.get(questionId) ?? []).filter(notMine)
            if (!question || answers.length === 0) return []
            return [
              {
                ...postItem(question, answers.length === 1 ? '1 nytt svar' : `${answers.length} nya svar`),
                keys: answers.map((answer) => `answer:${answer.id}`),
              },
            ]
          })
      : [],
    partners: wanted('partners')
      ? newest(mergePosts([...subjectTagIds].map((tagId) => week.partnerProjectsByTag.get(tagId)))).map((post) => postItem(post))
      : [],
    followed: wanted('followed')
      ? newest(
          mergePosts([
            ...reader.followedTagIds.map((tagId) => week.postsByTag.get(tagId)),
            ...reader.followedOrganisationIds.map((organisationId) => week.postsByOrganisation.get(organisationId)),
          ]),
        ).map((post) => postItem(post))
      : [],
    county:
      wanted('county') && reader.county
        ? newest(week.projectsByCounty.get(reader.county) ?? [])
            .filter((post) => post.organisationId !== member.organisationId)
            .map((post) => postItem(post))
        : [],
    active: wanted('active')
      ? week.activeThreads.filter(({ post }) => notMine(post)).map(({ post, events }) => postItem(post, `${events} nya svar och kommentarer`))
      : [],
    colleagues:
      wanted('colleagues') && member.organisationId
        ? (week.newMembersByOrganisation.get(member.organisationId) ?? [])
            .filter((colleague) => colleague.id !== member.id)
            .map((colleague) => ({
              keys: [`member:${colleague.id}`],
              title: colleague.name,
              path: `/medlemmar/${colleague.id}`,
              detail: colleague.title,
            }))
        : [],
  }

  const used = new Set(reader.sentKeys)
  const sections: DigestSection[] = []
  for (const key of DIGEST_SECTIONS) {
    const items: DigestItem[] = []
    for (const item of candidates[key]) {
      if (items.length >= ITEMS_PER_SECTION[key]) break
      // An item shows what has not been sent yet: an answered question with only sent answers is left out.
      const fresh = item.keys.filter((itemKey) => !used.has(itemKey))
      const shownKey = `shown:${item.path}`
      if (fresh.length === 0 || used.has(shownKey)) continue
      for (const itemKey of fresh) used.add(itemKey)
      used.add(shownKey)
      items.push({ ...item, keys: fresh })
    }
    if (items.length > 0) sections.push({ key, heading: DIGEST_SECTION_HEADINGS[key], items })
  }
  return { period: week.period, sections }
}

/** One member's digest (the preview page, tests): the reader data of a batch of one. */
export async function buildDigest(member: DigestMember, week: DigestWeek): Promise<Digest> {
  const readers = await loadDigestReaders([member], week)
  return composeDigest(member, week, readers.get(member.id) as DigestReader)
}
