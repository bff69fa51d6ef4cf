/**
 * A post's type in Swedish and its address: the one place they are spelled out (lists, search
 * facets, notifications, e-mails, the digest and the moderation queue all read them here).
 */
export type PostType = 'question' | 'project' | 'artifact'

export const POST_TYPE_LABELS = { question: 'Fråga', project: 'Projekt', artifact: 'Material' } as const satisfies Record<PostType, string>

/** The heading of a group of posts of one type ("Frågor", a search facet). */
export const POST_TYPE_PLURALS = { question: 'Frågor', project: 'Projekt', artifact: 'Material' } as const satisfies Record<PostType, string>

const PATH_SEGMENTS = { question: 'fragor', project: 'projekt', artifact: 'material' } as const satisfies Record<PostType, string>

export function postPath(post: { id: string; type: PostType }): string {
  return `/${PATH_SEGMENTS[post.type]}/${post.id}`
}
