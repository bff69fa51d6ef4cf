import type { Prisma } from '#app/generated/prisma/client.ts'
import { contentOnPageWhere, visibleContentWhere } from '#app/policies/content.ts'
import type { ActorLike } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Reads of posts (questions now; projects and artifacts share the table). Lists show visible
 * posts only, newest activity first, keyset-paged on (activityAt, id) so any page costs one
 * index range scan.
 */
export const FEED_PAGE_SIZE = 20
export const SNIPPET_LENGTH = 240

export const postCardSelect = {
  id: true,
  type: true,
  title: true,
  bodyText: true,
  answerCount: true,
  acceptedAnswerId: true,
  likeCount: true,
  commentCount: true,
  activityAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  organisation: { select: { name: true, slug: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
} satisfies Prisma.PostSelect

type PostCardRow = Prisma.PostGetPayload<{ select: typeof postCardSelect }>

export type FeedCursor = { activityAt: string; id: string }

function toCard(row: PostCardRow) {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    snippet: row.bodyText.length > SNIPPET_LENGTH ? `${row.bodyText.slice(0, SNIPPET_LENGTH).trimEnd()} …` : row.bodyText,
    answerCount: row.answerCount,
    answered: row.acceptedAnswerId !== null,
    likeCount: row.likeCount,
    commentCount: row.commentCount,
    activityAt: row.activityAt,
    author: row.author,
    organisation: row.organisation,
    tags: row.tags.map((item) => item.tag.name),
  }
}

export type PostCard = ReturnType<typeof toCard>

function afterCursor(cursor: FeedCursor | undefined): Prisma.PostWhereInput {
  if (!cursor) return {}
  const activityAt = new Date(cursor.activityAt)
  if (Number.isNaN(activityAt.getTime())) return {}
  return { OR: [{ activityAt: { lt: activityAt } }, { activityAt, id: { lt: cursor.id } }] }
}

function page(rows: PostCardRow[]) {
  const cards = rows.slice(0, FEED_PAGE_SIZE).map(toCard)
  const last = rows.length > FEED_PAGE_SIZE ? cards[cards.length - 1] : undefined
  return { posts: cards, next: last ? { activityAt: last.activityAt.toISOString(), id: last.id } : null }
}

export type FeedFilter = {
  type?: 'question' | 'project' | 'artifact'
  unanswered?: boolean
  projectStatus?: 'idea' | 'ongoing' | 'completed' | 'paused'
  seekingPartners?: boolean
  artifactKind?: 'document' | 'template' | 'procurement' | 'code' | 'dataset' | 'guide' | 'other'
  after?: FeedCursor
}

export async function listFeed(input: FeedFilter) {
  const rows = await prisma.post.findMany({
    where: {
      ...visibleContentWhere,
      ...(input.type ? { type: input.type } : {}),
      ...(input.unanswered ? { answerCount: 0 } : {}),
      ...(input.projectStatus ? { projectStatus: input.projectStatus } : {}),
      ...(input.seekingPartners ? { seekingPartners: true } : {}),
      ...(input.artifactKind ? { artifactKind: input.artifactKind } : {}),
      ...afterCursor(input.after),
    },
    select: postCardSelect,
    orderBy: [{ activityAt: 'desc' }, { id: 'desc' }],
    take: FEED_PAGE_SIZE + 1,
  })
  return page(rows)
}

/**
 * "Det jag följer": visible posts the member follows, by an organisation they follow or with
 * a tag they follow, newest activity first. The follow checks are semi-joins on the
 * member's own follows (Follow's (userId, targetType, …) index), evaluated while the feed
 * index is walked.
 */
export async function listFollowingFeed(userId: string, after?: FeedCursor) {
  const rows = await prisma.post.findMany({
    where: {
      AND: [
        visibleContentWhere,
        afterCursor(after),
        {
          OR: [
            { followers: { some: { userId } } },
            { organisation: { followers: { some: { userId } } } },
            { tags: { some: { tag: { followers: { some: { userId } } } } } },
          ],
        },
      ],
    },
    select: postCardSelect,
    orderBy: [{ activityAt: 'desc' }, { id: 'desc' }],
    take: FEED_PAGE_SIZE + 1,
  })
  return page(rows)
}

/** Everything with a tag, newest activity first, through the tag index. */
export async function listTagFeed(tagName: string, after?: FeedCursor) {
  const tag = await prisma.tag.findUnique({ where: { name: tagName }, select: { id: true, name: true } })
  if (!tag) return null
  const activityAt = after ? new Date(after.activityAt) : null
  const links = await prisma.postTag.findMany({
    where: {
      tagId: tag.id,
      post: visibleContentWhere,
      ...(after && activityAt && !Number.isNaN(activityAt.getTime())
        ? { OR: [{ postActivityAt: { lt: activityAt } }, { postActivityAt: activityAt, postId: { lt: after.id } }] }
        : {}),
    },
    select: { post: { select: postCardSelect } },
    orderBy: [{ postActivityAt: 'desc' }, { postId: 'desc' }],
    take: FEED_PAGE_SIZE + 1,
  })
  return { tag: tag.name, ...page(links.map((link) => link.post)) }
}

/** Visible posts by an author or an organisation, for profile and organisation pages. */
export async function listPostsBy(where: { authorId: string } | { organisationId: string }, take = 10) {
  const rows = await prisma.post.findMany({
    where: { ...visibleContentWhere, ...where },
    select: postCardSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
  return rows.map(toCard)
}

const answerSelect = {
  id: true,
  bodyHtml: true,
  score: true,
  status: true,
  createdAt: true,
  editedAt: true,
  moderatorEditedAt: true,
  statusReason: true,
  authorId: true,
  author: { select: { id: true, name: true, organisation: { select: { name: true } } } },
} satisfies Prisma.AnswerSelect

/**
 * A question with its answers (accepted first, then by score, then oldest) and the viewer's
 * own votes. Members see visible content (and their own hidden content); moderators also hidden and deleted.
 */
export async function getQuestion(id: string, viewer: ActorLike & { id: string }) {
  const question = await prisma.post.findFirst({
    where: { id, type: 'question', ...contentOnPageWhere(viewer) },
    select: {
      id: true,
      title: true,
      bodyHtml: true,
      body: true,
      status: true,
      statusReason: true,
      authorId: true,
      acceptedAnswerId: true,
      likeCount: true,
      createdAt: true,
      editedAt: true,
      moderatorEditedAt: true,
      author: { select: { id: true, name: true, title: true } },
      organisation: { select: { name: true, slug: true, verified: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
    },
  })
  if (!question) return null
  const answers = await prisma.answer.findMany({
    where: { postId: question.id, ...contentOnPageWhere(viewer) },
    select: answerSelect,
    orderBy: [{ score: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
  })
  const votes = await prisma.answerVote.findMany({
    where: { userId: viewer.id, answerId: { in: answers.map((answer) => answer.id) } },
    select: { answerId: true, value: true },
  })
  const myVotes = new Map(votes.map((vote) => [vote.answerId, vote.value]))
  const accepted = answers.filter((answer) => answer.id === question.acceptedAnswerId)
  const others = answers.filter((answer) => answer.id !== question.acceptedAnswerId)
  return {
    ...question,
    tags: question.tags.map((item) => item.tag.name),
    answers: [...accepted, ...others].map((answer) => ({ ...answer, myVote: myVotes.get(answer.id) ?? 0 })),
  }
}

export async function getQuestionForEditing(id: string) {
  return prisma.post.findFirst({
    where: { id, type: 'question' },
    select: { id: true, title: true, body: true, status: true, authorId: true, tags: { select: { tag: { select: { name: true } } } } },
  })
}

export async function getAnswerForEditing(id: string) {
  return prisma.answer.findUnique({
    where: { id },
    select: { id: true, body: true, status: true, authorId: true, post: { select: { id: true, title: true, status: true } } },
  })
}

const postPageSelect = {
  id: true,
  type: true,
  title: true,
  body: true,
  bodyHtml: true,
  status: true,
  statusReason: true,
  authorId: true,
  organisationId: true,
  shareEditing: true,
  createdAt: true,
  editedAt: true,
  moderatorEditedAt: true,
  projectStatus: true,
  startDate: true,
  endDate: true,
  seekingPartners: true,
  contactName: true,
  contactEmail: true,
  artifactKind: true,
  licence: true,
  externalUrl: true,
  downloadCount: true,
  likeCount: true,
  author: { select: { id: true, name: true, title: true, email: true } },
  organisation: { select: { id: true, name: true, slug: true, verified: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
  participants: { select: { role: true, organisation: { select: { id: true, name: true, slug: true } } } },
  links: { select: { url: true, label: true }, orderBy: { position: 'asc' } },
  files: { where: { inline: false }, select: { id: true, originalName: true, mimeType: true, size: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.PostSelect

/**
 * A project or artifact page; members see visible ones (and their own hidden ones), moderators
 * also hidden and deleted. A project's leading organisation (if any) apart from the others.
 */
export async function getPost(id: string, type: 'project' | 'artifact', viewer: ActorLike) {
  const post = await prisma.post.findFirst({ where: { id, type, ...contentOnPageWhere(viewer) }, select: postPageSelect })
  if (!post) return null
  return {
    ...post,
    tags: post.tags.map((item) => item.tag.name),
    lead: post.participants.find((item) => item.role === 'lead')?.organisation ?? null,
    participants: post.participants
      .filter((item) => item.role !== 'lead')
      .map((item) => item.organisation)
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  }
}

/** The viewer's like, bookmark and follow on a post, and the comments they may see (oldest first). */
export async function getEngagement(postId: string, viewer: ActorLike) {
  const viewerId = viewer.id
  const [like, bookmark, follow, comments] = await Promise.all([
    prisma.postLike.findUnique({ where: { postId_userId: { postId, userId: viewerId } }, select: { postId: true } }),
    prisma.bookmark.findUnique({ where: { postId_userId: { postId, userId: viewerId } }, select: { postId: true } }),
    prisma.follow.findUnique({ where: { userId_postId: { userId: viewerId, postId } }, select: { id: true } }),
    prisma.comment.findMany({
      where: { postId, ...contentOnPageWhere(viewer) },
      select: {
        id: true,
        body: true,
        createdAt: true,
        authorId: true,
        status: true,
        statusReason: true,
        moderatorEditedAt: true,
        author: { select: { id: true, name: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 500,
    }),
  ])
  return { liked: Boolean(like), bookmarked: Boolean(bookmark), following: Boolean(follow), comments }
}

export type BookmarkCursor = { createdAt: string; postId: string }

/** The member's saved posts, newest saved first, keyset-paged; hidden or deleted posts drop out. */
export async function listBookmarks(userId: string, after?: BookmarkCursor) {
  const createdAt = after ? new Date(after.createdAt) : null
  const rows = await prisma.bookmark.findMany({
    where: {
      userId,
      post: visibleContentWhere,
      ...(after && createdAt && !Number.isNaN(createdAt.getTime())
        ? { OR: [{ createdAt: { lt: createdAt } }, { createdAt, postId: { lt: after.postId } }] }
        : {}),
    },
    select: { createdAt: true, postId: true, post: { select: postCardSelect } },
    orderBy: [{ createdAt: 'desc' }, { postId: 'desc' }],
    take: FEED_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, FEED_PAGE_SIZE)
  const last = rows.length > FEED_PAGE_SIZE ? page[page.length - 1] : undefined
  return {
    posts: page.map((row) => toCard(row.post)),
    next: last ? { createdAt: last.createdAt.toISOString(), postId: last.postId } : null,
  }
}

/** A member's visible answers on visible questions, newest first, for their profile. */
export async function listAnswersBy(authorId: string, take = 10) {
  return prisma.answer.findMany({
    where: { authorId, ...visibleContentWhere, post: visibleContentWhere },
    select: { id: true, bodyText: true, createdAt: true, post: { select: { id: true, title: true, acceptedAnswerId: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

/** What a moderator's ownership correction starts from (the moderation page). */
export async function getPostOwnership(id: string) {
  return prisma.post.findUnique({ where: { id }, select: { id: true, type: true, authorId: true, status: true, organisationId: true, shareEditing: true } })
}
