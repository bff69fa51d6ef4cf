import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FollowButton } from '#app/components/follow-button.tsx'
import { MoreLink, PostList } from '#app/components/post-list.tsx'
import { isFollowing } from '#app/models/follow.server.ts'
import { listTagFeed } from '#app/models/post.server.ts'
import { nextPageUrl, presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { normalizeTag } from '#app/validation/content.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tag ?? 'Tagg'} – Samverka` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const feed = await listTagFeed(
    normalizeTag(params.tag ?? '').slice(0, 40),
    decodeCursor(new URL(request.url).searchParams.get('efter'), ['activityAt', 'id'] as const),
  )
  invariantResponse(feed, 'Taggen finns inte.')
  const following = await isFollowing(member.id, { type: 'tag', key: feed.tag })
  return { tag: feed.tag, following, posts: presentPosts(feed.posts), nextPage: nextPageUrl(request, feed.next) }
}

export default function TagPage() {
  const { tag, following, posts, nextPage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Taggen ”{tag}”</h1>
      <FollowButton targetType="tag" target={tag} following={following} name={`taggen ${tag}`} />
      <PostList posts={posts} emptyText="Inget synligt innehåll har den här taggen just nu." />
      <MoreLink to={nextPage} label="Äldre inlägg" />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
