import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField } from '#app/components/forms.tsx'
import { VerifiedBadge } from '#app/components/organisation-badge.tsx'
import { listOrganisations } from '#app/models/organisation.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { decodeCursor, encodeCursor } from '#app/utils/cursor.ts'
import { OrganisationTypeLabels, OrganisationTypeSchema } from '#app/validation/auth.ts'

export const meta: MetaFunction = () => [{ title: 'Organisationer – Samverka' }]

const FilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  typ: OrganisationTypeSchema.optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  const params = new URL(request.url).searchParams
  const filter = FilterSchema.parse(Object.fromEntries(params))
  const after = decodeCursor(params.get('efter'), ['sortKey', 'id'] as const)
  const { organisations, next } = await listOrganisations({ query: filter.q || undefined, type: filter.typ, after })
  const nextParams = new URLSearchParams(params)
  if (next) nextParams.set('efter', encodeCursor(next))
  return {
    filter,
    organisations: organisations.map(({ sortKey: _sortKey, ...organisation }) => organisation),
    nextPage: next ? `?${nextParams}` : null,
  }
}

const typeOptions = [{ value: '', label: 'Alla typer' }, ...Object.entries(OrganisationTypeLabels).map(([value, label]) => ({ value, label }))]

export default function Organisations() {
  const { filter, organisations, nextPage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Organisationer</h1>
      <p>Kommuner, regioner och myndigheter i Samverka.</p>
      <Form method="get" className="filters" role="search" aria-label="Filtrera organisationer">
        <Field label="Namn" name="q" type="search" defaultValue={filter.q ?? ''} />
        <SelectField label="Typ" name="typ" options={typeOptions} defaultValue={filter.typ ?? ''} />
        <button type="submit">Filtrera</button>
      </Form>
      {organisations.length === 0 ? <p>Inga organisationer matchar.</p> : null}
      <ul className="organisation-list">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <Link to={`/organisationer/${organisation.slug}`}>{organisation.name}</Link>{' '}
            <span className="meta">
              {OrganisationTypeLabels[organisation.type]}
              {organisation.county ? `, ${organisation.county}` : ''}
            </span>{' '}
            {organisation.verified ? null : <VerifiedBadge verified={false} />}
          </li>
        ))}
      </ul>
      {nextPage ? (
        <p className="pagination">
          <Link to={nextPage}>Fler organisationer</Link>
        </p>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
