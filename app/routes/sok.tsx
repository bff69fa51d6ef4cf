import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireMember } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sök – Samverka' }]

/** The header's search target. Full-text search over content arrives with the search issue. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  return { query: (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200) }
}

export default function Search() {
  const { query } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Sök</h1>
      {query ? <p>Du sökte efter ”{query}”.</p> : null}
      <p>Det finns inget innehåll att söka i ännu. Sökningen över projekt, frågor och material kommer snart.</p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
