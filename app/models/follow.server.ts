import type { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { prisma } from '#app/utils/db.server.ts'
import { normalizeTag } from '#app/validation/content.ts'
import type { FollowTargetRef } from '#app/validation/follow.ts'

/** Reads of what members follow: the state of a follow button and the "Följer" page. */
export const FOLLOWED_POSTS_PAGE_SIZE = 50

export type FollowedPostCursor = { createdAt: string; id: string }

/** The follow rows of one target (a tag by its normalised name, others by id). */
export function followTargetWhere(target: FollowTargetRef): Prisma.FollowWhereInput {
  const key =
    target.type === 'tag'
      ? { tag: { name: normalizeTag(target.key) } }
      : target.type === 'organisation'
        ? { organisationId: target.key }
        : { postId: target.key }
  return { targetType: target.type, ...key }
}

export async function isFollowing(userId: string, target: FollowTargetRef): Promise<boolean> {
  const found = await prisma.follow.findFirst({ where: { userId, ...followTargetWhere(target) }, select: { id: true } })
  return found !== null
}

/**
 * Everything a member follows: tags and organisations in full (Swedish order), followed
 * posts that are still visible newest first and keyset-paged (asking and answering add
 * them, so they grow).
 */
export async function listFollows(userId: string, postsAfter?: FollowedPostCursor) {
  const after = postsAfter ? new Date(postsAfter.createdAt) : null
  const [tags, organisations, postRows] = await Promise.all([
    prisma.follow.findMany({
      where: { userId, targetType: 'tag' },
      select: { tag: { select: { name: true } } },
      orderBy: { tag: { name: 'asc' } },
    }),
    prisma.follow.findMany({
      where: { userId, targetType: 'organisation' },
      select: { organisation: { select: { id: true, name: true, slug: true, type: true } } },
      orderBy: { organisation: { sortKey: 'asc' } },
    }),
    prisma.follow.findMany({
      where: {
        userId,
        targetType: 'post',
        post: visibleContentWhere,
        ...(postsAfter && after && !Number.isNaN(after.getTime())
          ? { OR: [{ createdAt: { lt: after } }, { createdAt: after, id: { lt: postsAfter.id } }] }
          : {}),
      },
      select: { id: true, createdAt: true, automatic: true, post: { select: { id: true, type: true, title: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: FOLLOWED_POSTS_PAGE_SIZE + 1,
    }),
  ])
  const posts = postRows.slice(0, FOLLOWED_POSTS_PAGE_SIZE)
  const last = postRows.length > FOLLOWED_POSTS_PAGE_SIZE ? posts[posts.length - 1] : undefined
  return {
    tags: tags.flatMap((follow) => (follow.tag ? [follow.tag.name] : [])),
    organisations: organisations.flatMap((follow) => (follow.organisation ? [follow.organisation] : [])),
    posts: posts.flatMap((follow) => (follow.post ? [{ ...follow.post, automatic: follow.automatic }] : [])),
    nextPosts: last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  }
}
