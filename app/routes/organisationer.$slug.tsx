import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FollowButton } from '#app/components/follow-button.tsx'
import { VerifiedBadge } from '#app/components/organisation-badge.tsx'
import { isFollowing } from '#app/models/follow.server.ts'
import { listOrganisationMembers } from '#app/models/member.server.ts'
import { getOrganisationBySlug } from '#app/models/organisation.server.ts'
import { listPostsBy } from '#app/models/post.server.ts'
import { PostList } from '#app/components/post-list.tsx'
import { canModerate } from '#app/policies/member.ts'
import { presentPosts } from '#app/presenters/post.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor, encodeCursor } from '#app/utils/cursor.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { OrganisationTypeLabels } from '#app/validation/auth.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? 'Organisation'} – Samverka` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const organisation = await getOrganisationBySlug(params.slug ?? '')
  invariantResponse(organisation, 'Organisationen finns inte.')
  // Merged into another organisation: its old address leads there for good.
  if (organisation.mergedInto) throw redirect(`/organisationer/${organisation.mergedInto.slug}`, 301)
  const after = decodeCursor(new URL(request.url).searchParams.get('efter'), ['sortKey', 'id'] as const)
  const [{ members, next }, posts, following] = await Promise.all([
    listOrganisationMembers(organisation.id, after),
    listPostsBy({ organisationId: organisation.id }),
    isFollowing(member.id, { type: 'organisation', key: organisation.id }),
  ])
  return {
    posts: presentPosts(posts),
    organisation,
    members: members.map(({ sortKey: _sortKey, ...rest }) => rest),
    nextPage: next ? `?efter=${encodeCursor(next)}` : null,
    canEdit: canModerate(member),
    following,
  }
}

export default function OrganisationPage() {
  const { organisation, members, nextPage, canEdit, posts, following } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>
        {organisation.name} <VerifiedBadge verified={organisation.verified} />
      </h1>
      {organisation.verified ? <FollowButton targetType="organisation" target={organisation.id} following={following} name={organisation.name} /> : null}
      <dl className="facts">
        <dt>Typ</dt>
        <dd>{OrganisationTypeLabels[organisation.type]}</dd>
        {organisation.county ? (
          <>
            <dt>Län</dt>
            <dd>{organisation.county}</dd>
          </>
        ) : null}
        {organisation.orgNumber ? (
          <>
            <dt>Organisationsnummer</dt>
            <dd>{organisation.orgNumber}</dd>
          </>
        ) : null}
        {organisation.domains.length > 0 ? (
          <>
            <dt>E-postdomäner</dt>
            <dd>{organisation.domains.map((domain) => domain.domain).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {canEdit ? (
        <p>
          <Link to={`/moderering/organisationer/${organisation.id}`}>Redigera organisationen</Link>
        </p>
      ) : null}
      <h2>Senaste inläggen</h2>
      <PostList posts={posts} emptyText="Organisationen har inte publicerat något ännu." />
      <h2>Medlemmar</h2>
      {members.length === 0 ? <p>Ingen från organisationen har gått med ännu.</p> : null}
      <ul>
        {members.map((member) => (
          <li key={member.id}>
            <Link to={`/medlemmar/${member.id}`}>{member.name}</Link>
            {member.title ? `, ${member.title}` : ''}
          </li>
        ))}
      </ul>
      {nextPage ? (
        <p className="pagination">
          <Link to={nextPage}>Fler medlemmar</Link>
        </p>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
