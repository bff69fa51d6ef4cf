import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MoreLink, PostList } from '#app/components/post-list.tsx'
import { listBookmarks } from '#app/models/post.server.ts'
import { nextPageUrl, presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'

export const meta: MetaFunction = () => [{ title: 'Sparat – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const bookmarks = await listBookmarks(member.id, decodeCursor(new URL(request.url).searchParams.get('efter'), ['createdAt', 'postId'] as const))
  return { posts: presentPosts(bookmarks.posts), nextPage: nextPageUrl(request, bookmarks.next) }
}

export default function Saved() {
  const { posts, nextPage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Sparat</h1>
      <PostList posts={posts} emptyText="Du har inte sparat något ännu. Använd knappen Spara på ett projekt, en fråga eller ett material." />
      <MoreLink to={nextPage} label="Äldre sparade" />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
