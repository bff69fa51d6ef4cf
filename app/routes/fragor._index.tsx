import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MoreLink, PostList } from '#app/components/post-list.tsx'
import { listFeed } from '#app/models/post.server.ts'
import { nextPageUrl, presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'

export const meta: MetaFunction = () => [{ title: 'Frågor – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const params = new URL(request.url).searchParams
  const unanswered = params.get('visa') === 'obesvarade'
  const feed = await listFeed({ type: 'question', unanswered, after: decodeCursor(params.get('efter'), ['activityAt', 'id'] as const) })
  return { unanswered, posts: presentPosts(feed.posts), nextPage: nextPageUrl(request, feed.next) }
}

export default function Questions() {
  const { unanswered, posts, nextPage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Frågor</h1>
      <p className="actions">
        <Link className="button" to="/fragor/ny">
          Ställ en fråga
        </Link>
      </p>
      <nav aria-label="Urval" className="sub-nav">
        <ul>
          <li>
            <Link to="/fragor" aria-current={unanswered ? undefined : 'page'}>
              Alla frågor
            </Link>
          </li>
          <li>
            <Link to="/fragor?visa=obesvarade" aria-current={unanswered ? 'page' : undefined}>
              Obesvarade
            </Link>
          </li>
        </ul>
      </nav>
      <PostList posts={posts} emptyText={unanswered ? 'Alla frågor har fått svar.' : 'Inga frågor ännu.'} />
      <MoreLink to={nextPage} label="Äldre frågor" />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
