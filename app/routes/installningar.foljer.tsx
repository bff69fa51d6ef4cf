import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FollowButton } from '#app/components/follow-button.tsx'
import { MoreLink } from '#app/components/post-list.tsx'
import { POST_TYPE_LABELS, postPath } from '#app/presenters/post-type.ts'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { listFollows } from '#app/models/follow.server.ts'
import { nextPageUrl } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'

export const meta: MetaFunction = () => [{ title: 'Följer – Inställningar – Samverka' }]

/** Everything the member follows, each with "Sluta följa". */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const follows = await listFollows(member.id, decodeCursor(new URL(request.url).searchParams.get('efter'), ['createdAt', 'id'] as const))
  return { ...follows, nextPosts: nextPageUrl(request, follows.nextPosts) }
}

export default function Following() {
  const { tags, organisations, posts, nextPosts } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Inställningar</h1>
      <SettingsNav />
      <h2>Följer</h2>
      <p>
        Det du följer visas under <Link to="/?visa=foljer">Det jag följer</Link> på startsidan och i ditt veckobrev (
        <Link to="/veckobrev">förhandsgranska mitt veckobrev</Link>). Frågor du ställer eller svarar på följer du automatiskt.
      </p>
      <section aria-labelledby="followed-tags">
        <h3 id="followed-tags">Taggar</h3>
        {tags.length === 0 ? (
          <p>Du följer inga taggar. Följ en tagg från taggens sida.</p>
        ) : (
          <ul className="follow-list">
            {tags.map((tag) => (
              <li key={tag}>
                <Link to={`/taggar/${encodeURIComponent(tag)}`}>{tag}</Link> <FollowButton targetType="tag" target={tag} following name={`taggen ${tag}`} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="followed-organisations">
        <h3 id="followed-organisations">Organisationer</h3>
        {organisations.length === 0 ? (
          <p>Du följer inga organisationer. Följ en organisation från dess sida.</p>
        ) : (
          <ul className="follow-list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>{' '}
                <FollowButton targetType="organisation" target={organisation.id} following name={organisation.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="followed-posts">
        <h3 id="followed-posts">Projekt, frågor och material</h3>
        {posts.length === 0 ? (
          <p>Du följer inga enskilda inlägg.</p>
        ) : (
          <ul className="follow-list">
            {posts.map((post) => (
              <li key={post.id}>
                <span className="badge">{POST_TYPE_LABELS[post.type]}</span> <Link to={postPath(post)}>{post.title}</Link>
                {post.automatic ? <span className="meta"> (följs automatiskt)</span> : null}{' '}
                <FollowButton targetType="post" target={post.id} following name={`”${post.title}”`} />
              </li>
            ))}
          </ul>
        )}
        <MoreLink to={nextPosts} label="Fler inlägg du följer" />
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
