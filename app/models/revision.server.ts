import type { PostType } from '#app/generated/prisma/client.ts'
import { canSeeVersionsBeforeModeratorEdit, contentOnPageWhere } from '#app/policies/content.ts'
import type { ActorLike } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'

/** One version of a post's title and text or of an answer's text, and who wrote it when. */
export type Version = {
  title: string | null
  bodyHtml: string
  bodyText: string
  by: string | null
  at: Date
  /** Written by a moderator's edit. */
  byModerator: boolean
}

export type ContentHistory = {
  post: { id: string; type: PostType; title: string }
  answerId: string | null
  /** Oldest first; the last is the current version. */
  versions: Version[]
  /** Earlier versions this viewer may not see (replaced by a moderator's edit). */
  withheld: number
}

const authored = { authorId: true, createdAt: true, bodyHtml: true, bodyText: true, author: { select: { name: true } } } as const

/**
 * The history of a post (or, with `answerId`, of one of its answers) as the viewer may see it:
 * nothing when the viewer may not see the post or the answer (visibility in the where, as on
 * the post's page). Versions are rebuilt from the revisions: each revision holds the version an
 * edit replaced, and the edit's author and time belong to the version that followed.
 */
export async function getContentHistory(viewer: ActorLike, postId: string, type: PostType, answerId: string | null): Promise<ContentHistory | null> {
  const post = await prisma.post.findFirst({
    where: { id: postId, type, ...contentOnPageWhere(viewer) },
    select: { id: true, type: true, title: true, ...authored },
  })
  if (!post) return null
  const answer = answerId ? await prisma.answer.findFirst({ where: { id: answerId, postId: post.id, ...contentOnPageWhere(viewer) }, select: authored }) : null
  if (answerId && !answer) return null
  const current = answer ?? post
  const revisions = await prisma.revision.findMany({
    where: { postId: post.id, answerId: answerId ?? null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { title: true, bodyHtml: true, bodyText: true, byModerator: true, createdAt: true, editor: { select: { name: true } } },
  })
  const currentTitle = answer ? null : post.title
  const contents = [
    ...revisions.map(({ title, bodyHtml, bodyText }) => ({ title, bodyHtml, bodyText })),
    { title: currentTitle, bodyHtml: current.bodyHtml, bodyText: current.bodyText },
  ]
  const versions: Version[] = contents.map((content, index) => {
    const edit = index === 0 ? null : revisions[index - 1]
    return edit
      ? { ...content, by: edit.editor?.name ?? null, at: edit.createdAt, byModerator: edit.byModerator }
      : { ...content, by: current.author?.name ?? null, at: current.createdAt, byModerator: false }
  })
  const lastModeratorEdit = revisions.findLastIndex((revision) => revision.byModerator)
  const withheld = canSeeVersionsBeforeModeratorEdit(viewer, current) ? 0 : lastModeratorEdit + 1
  return { post: { id: post.id, type: post.type, title: post.title }, answerId, versions: versions.slice(withheld), withheld }
}
