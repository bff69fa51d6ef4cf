import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { listNewestColleagues, getOwnProfile } from '#app/models/member.server.ts'
import { countPendingItems } from '#app/models/moderation.server.ts'
import { canModerate } from '#app/policies/member.ts'
import { requireMember } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Start – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const profile = await getOwnProfile(member.id)
  const [colleagues, pendingItems] = await Promise.all([
    member.organisationId ? listNewestColleagues(member.organisationId, member.id) : [],
    canModerate(member) ? countPendingItems() : null,
  ])
  return { name: member.name, organisation: profile.organisation, colleagues, pendingItems }
}

export default function Home() {
  const { name, organisation, colleagues, pendingItems } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Hej {name}!</h1>
      <p>
        Samverka är platsen där offentlig sektor delar projekt, frågor och material, så att ingen behöver uppfinna
        hjulet igen.
      </p>
      {pendingItems ? (
        <p className="notice" role="status">
          <Link to="/moderering">{pendingItems === 1 ? '1 ärende väntar' : `${pendingItems} ärenden väntar`} på moderering</Link>
        </p>
      ) : null}
      {organisation ? (
        <section aria-labelledby="my-organisation">
          <h2 id="my-organisation">Din organisation</h2>
          <p>
            <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>
          </p>
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
        </section>
      ) : null}
      <section aria-labelledby="explore">
        <h2 id="explore">Utforska</h2>
        <ul>
          <li>
            <Link to="/organisationer">Alla organisationer i Samverka</Link>
          </li>
          <li>
            <Link to="/installningar">Din profil och dina intresseområden</Link>
          </li>
        </ul>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
