import type { PostCard } from '#app/models/post.server.ts'
import type { PostListItem } from '#app/components/post-list.tsx'
import { encodeCursor } from '#app/utils/cursor.ts'
import { formatRelativeDate } from '#app/utils/swedish.ts'

/** Post cards as the browser gets them: dates already in Swedish (no hydration drift). */
export function presentPosts(posts: PostCard[], now = new Date()): PostListItem[] {
  return posts.map(({ activityAt, ...post }) => ({ ...post, when: formatRelativeDate(activityAt, now) }))
}

/** The URL of the next page: the current query with the cursor replaced. */
export function nextPageUrl(request: Request, next: Record<string, string> | null, param = 'efter') {
  if (!next) return null
  const params = new URL(request.url).searchParams
  params.set(param, encodeCursor(next))
  return `?${params}`
}
