import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireMember } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Notiser – Samverka' }]

/** The header's notifications target; notifications arrive with the following/notifications issue. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  return null
}

export default function Notifications() {
  return (
    <>
      <h1>Notiser</h1>
      <p>Du har inga notiser.</p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
