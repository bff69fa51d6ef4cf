import { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { DigestPeriod } from '#app/utils/digest-schedule.ts'
import { normalizeTag } from '#app/validation/content.ts'

/**
 * The content of one member's weekly digest: a few indexed queries per member, starting
 * from what the member follows (small lists), never a scan of everything per member. Only
 * visible content; never the member's own posts; never an item an earlier digest already
 * had (DigestSentItem); each post at most once per digest (the first section wins).
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

const ITEMS_PER_SECTION = { followed: 10, answers: 10, active: 5, county: 5, partners: 5, colleagues: 10 } as const satisfies Record<DigestSectionKey, number>
// Candidates fetched per section before dropping already-sent items.
const CANDIDATE_FACTOR = 3

export type DigestItem = {
  /** DigestSentItem key of what this item reports ("post:<id>", "answer:<id>", "member:<id>"). */
  keys: string[]
  title: string
  path: string
  /** One line under the title, e.g. "Malmö kommun · 3 nya svar". */
  detail: string
}

export type DigestSection = { key: DigestSectionKey; heading: string; items: DigestItem[] }

export type Digest = { period: DigestPeriod; sections: DigestSection[] }

export type DigestMember = { id: string; organisationId: string | null; sectionsOff: readonly string[]; interests: readonly string[] }

const postSelect = {
  id: true,
  type: true,
  title: true,
  organisation: { select: { name: true } },
  answerCount: true,
  commentCount: true,
} satisfies Prisma.PostSelect

type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>

const POST_PATHS = { question: 'fragor', project: 'projekt', artifact: 'material' } as const
const TYPE_LABELS = { question: 'Fråga', project: 'Projekt', artifact: 'Material' } as const

function postItem(post: PostRow, extra?: string): DigestItem {
  const detail = [TYPE_LABELS[post.type], post.organisation?.name, extra].filter(Boolean).join(' · ')
  return { keys: [`post:${post.id}`], title: post.title, path: `/${POST_PATHS[post.type]}/${post.id}`, detail }
}

const inPeriod = (period: DigestPeriod) => ({ gte: period.from, lt: period.to })
// Timestamps are stored as UTC without a zone; compare in UTC whatever the session's zone.
const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`

/** The busiest visible threads of the period (answers and comments): the same for everyone, computed once per run. */
export async function listActiveThreads(period: DigestPeriod, take = ITEMS_PER_SECTION.active * CANDIDATE_FACTOR * 2) {
  const rows = await prisma.$queryRaw<{ postId: string; events: number }[]>`
    SELECT events."postId", count(*)::int AS "events"
    FROM (
      SELECT a."postId" FROM "Answer" a WHERE a."createdAt" >= ${utc(period.from)} AND a."createdAt" < ${utc(period.to)} AND a."status" = 'visible'
      UNION ALL
      SELECT c."postId" FROM "Comment" c WHERE c."createdAt" >= ${utc(period.from)} AND c."createdAt" < ${utc(period.to)} AND c."status" = 'visible'
    ) AS events
    JOIN "Post" p ON p."id" = events."postId" AND p."status" = 'visible'
    GROUP BY events."postId"
    HAVING count(*) >= 2
    ORDER BY count(*) DESC, events."postId"
    LIMIT ${take}`
  const posts = await prisma.post.findMany({ where: { id: { in: rows.map((row) => row.postId) } }, select: { ...postSelect, authorId: true } })
  const byId = new Map(posts.map((post) => [post.id, post]))
  return rows.flatMap((row) => {
    const post = byId.get(row.postId)
    return post ? [{ post, events: row.events }] : []
  })
}

export type ActiveThreads = Awaited<ReturnType<typeof listActiveThreads>>

export async function buildDigest(member: DigestMember, period: DigestPeriod, activeThreads: ActiveThreads): Promise<Digest> {
  const wanted = (key: DigestSectionKey) => !member.sectionsOff.includes(key)
  const [follows, ownTags, interestTags, me] = await Promise.all([
    prisma.follow.findMany({ where: { userId: member.id }, select: { tagId: true, organisationId: true, postId: true } }),
    // "Your subjects": the tags you follow, those on your own posts and your profile's interests.
    prisma.postTag.findMany({ where: { post: { authorId: member.id } }, select: { tagId: true }, distinct: ['tagId'], take: 50 }),
    prisma.tag.findMany({ where: { name: { in: member.interests.map(normalizeTag) } }, select: { id: true }, take: 50 }),
    member.organisationId
      ? prisma.organisation.findUnique({ where: { id: member.organisationId }, select: { county: true } })
      : Promise.resolve(null),
  ])
  const tagIds = follows.flatMap((follow) => (follow.tagId ? [follow.tagId] : []))
  const organisationIds = follows.flatMap((follow) => (follow.organisationId ? [follow.organisationId] : []))
  const followedPostIds = follows.flatMap((follow) => (follow.postId ? [follow.postId] : []))
  const subjectTagIds = [...new Set([...tagIds, ...ownTags.map((tag) => tag.tagId), ...interestTags.map((tag) => tag.id)])]
  const newPosts = (where: Prisma.PostWhereInput, take: number) =>
    prisma.post.findMany({
      where: { ...visibleContentWhere, createdAt: inPeriod(period), NOT: { authorId: member.id }, ...where },
      select: postSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take * CANDIDATE_FACTOR,
    })

  const [followed, answers, county, partners, colleagues] = await Promise.all([
    wanted('followed') && (tagIds.length || organisationIds.length)
      ? newPosts({ OR: [{ organisationId: { in: organisationIds } }, { tags: { some: { tagId: { in: tagIds } } } }] }, ITEMS_PER_SECTION.followed)
      : [],
    wanted('answers')
      ? prisma.answer.findMany({
          where: {
            ...visibleContentWhere,
            createdAt: inPeriod(period),
            NOT: { authorId: member.id },
            post: { ...visibleContentWhere, OR: [{ authorId: member.id }, { id: { in: followedPostIds } }] },
          },
          select: { id: true, post: { select: postSelect } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: 200,
        })
      : [],
    wanted('county') && me?.county
      ? newPosts({ type: 'project', organisation: { county: me.county }, NOT: { organisationId: member.organisationId } }, ITEMS_PER_SECTION.county)
      : [],
    wanted('partners') && subjectTagIds.length
      ? newPosts({ type: 'project', seekingPartners: true, tags: { some: { tagId: { in: subjectTagIds } } } }, ITEMS_PER_SECTION.partners)
      : [],
    wanted('colleagues') && member.organisationId
      ? prisma.user.findMany({
          where: { organisationId: member.organisationId, status: 'active', createdAt: inPeriod(period), NOT: { id: member.id } },
          select: { id: true, name: true, title: true },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: ITEMS_PER_SECTION.colleagues * CANDIDATE_FACTOR,
        })
      : [],
  ])

  // New answers, one item per question.
  const answersByQuestion = new Map<string, { post: PostRow; answerIds: string[] }>()
  for (const answer of answers) {
    const entry = answersByQuestion.get(answer.post.id) ?? { post: answer.post, answerIds: [] }
    entry.answerIds.push(answer.id)
    answersByQuestion.set(answer.post.id, entry)
  }
  const candidates: Record<DigestSectionKey, DigestItem[]> = {
    followed: followed.map((post) => postItem(post)),
    answers: [...answersByQuestion.values()].map(({ post, answerIds }) => ({
      ...postItem(post, answerIds.length === 1 ? '1 nytt svar' : `${answerIds.length} nya svar`),
      keys: answerIds.map((id) => `answer:${id}`),
    })),
    active: wanted('active')
      ? activeThreads.filter(({ post }) => post.authorId !== member.id).map(({ post, events }) => postItem(post, `${events} nya svar och kommentarer`))
      : [],
    county: county.map((post) => postItem(post)),
    partners: partners.map((post) => postItem(post)),
    colleagues: colleagues.map((colleague) => ({ keys: [`member:${colleague.id}`], title: colleague.name, path: `/medlemmar/${colleague.id}`, detail: colleague.title })),
  }

  const allKeys = Object.values(candidates).flatMap((items) => items.flatMap((item) => item.keys))
  const sentRows = allKeys.length
    ? await prisma.digestSentItem.findMany({ where: { userId: member.id, itemKey: { in: allKeys } }, select: { itemKey: true } })
    : []
  const used = new Set(sentRows.map((row) => row.itemKey))
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
  return { period, sections }
}
