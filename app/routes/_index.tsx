import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MoreLink, PostList } from '#app/components/post-list.tsx'
import { listNewestColleagues, getOwnProfile } from '#app/models/member.server.ts'
import { countPendingItems } from '#app/models/moderation.server.ts'
import { listFeed, listFollowingFeed } from '#app/models/post.server.ts'
import { canModerate } from '#app/policies/member.ts'
import { nextPageUrl, presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'

export const meta: MetaFunction = () => [{ title: 'Start – Samverka' }]

const FEED_VIEWS = { allt: undefined, projekt: 'project', fragor: 'question', material: 'artifact' } as const
const FEED_TABS = [
  ['allt', 'Allt'],
  ['foljer', 'Det jag följer'],
  ['projekt', 'Projekt'],
  ['fragor', 'Frågor'],
  ['material', 'Material'],
] as const
const EMPTY_FOLLOWING_FEED = 'Inget här ännu. Följ taggar, organisationer eller inlägg så samlas det nya från dem här (se Inställningar, Följer).'
const ViewSchema = z.enum(['allt', 'foljer', 'projekt', 'fragor', 'material']).catch('allt')

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const params = new URL(request.url).searchParams
  const view = ViewSchema.parse(params.get('visa') ?? 'allt')
  const after = decodeCursor(params.get('efter'), ['activityAt', 'id'] as const)
  const [profile, feed, colleagues, pendingItems] = await Promise.all([
    getOwnProfile(member.id),
    view === 'foljer' ? listFollowingFeed(member.id, after) : listFeed({ type: FEED_VIEWS[view], after }),
    member.organisationId ? listNewestColleagues(member.organisationId, member.id) : [],
    canModerate(member) ? countPendingItems() : null,
  ])
  return {
    name: member.name,
    view,
    organisation: profile.organisation,
    posts: presentPosts(feed.posts),
    nextPage: nextPageUrl(request, feed.next),
    colleagues,
    pendingItems,
  }
}

export default function Home() {
  const { name, view, organisation, posts, nextPage, colleagues, pendingItems } = useLoaderData<typeof loader>()
  return (
    <div className="with-sidebar">
      <div>
        <h1>Hej {name}!</h1>
        {pendingItems ? (
          <p className="notice" role="status">
            <Link to="/moderering">{pendingItems === 1 ? '1 ärende väntar' : `${pendingItems} ärenden väntar`} på moderering</Link>
          </p>
        ) : null}
        <p className="actions">
          <Link className="button" to="/fragor/ny">
            Ställ en fråga
          </Link>
          <Link className="button secondary" to="/projekt/ny">
            Nytt projekt
          </Link>
          <Link className="button secondary" to="/material/ny">
            Dela material
          </Link>
        </p>
        <h2 id="feed-heading">Senaste aktivitet</h2>
        <nav aria-label="Visa i flödet" className="sub-nav">
          <ul>
            {FEED_TABS.map(([value, label]) => (
              <li key={value}>
                <Link to={`/?visa=${value}`} aria-current={view === value ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <PostList posts={posts} emptyText={view === 'foljer' ? EMPTY_FOLLOWING_FEED : 'Här är det tomt än så länge. Ställ den första frågan!'} />
        <MoreLink to={nextPage} label="Äldre inlägg" />
      </div>
      <aside aria-labelledby="my-organisation">
        <h2 id="my-organisation">Din organisation</h2>
        {organisation ? (
          <p>
            <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>
          </p>
        ) : null}
        {colleagues.length > 0 ? (
          <>
            <h3>Nya kollegor i Samverka</h3>
            <ul>
              {colleagues.map((colleague) => (
                <li key={colleague.id}>
                  <Link to={`/medlemmar/${colleague.id}`}>{colleague.name}</Link>
                  {colleague.title ? `, ${colleague.title}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Du är först från din organisation. Bjud gärna in dina kollegor!</p>
        )}
      </aside>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
