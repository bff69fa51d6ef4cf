import { type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getPendingStatus } from '#app/models/member.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Ditt konto väntar på godkännande – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (user.status === 'active') throw redirect('/')
  return { name: user.name, email: user.email, status: await getPendingStatus(user.id) }
}

export default function Waiting() {
  const { name, email, status } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <h1>Ditt konto väntar på godkännande</h1>
      <p>Tack, {name}! Ditt konto är skapat men inte aktiverat ännu.</p>
      {status.organisationRequest ? (
        <p>
          Du har bett oss lägga till <strong>{status.organisationRequest.name}</strong> (domänen {status.organisationRequest.domain}) i registret. En moderator
          granskar begäran.
        </p>
      ) : status.organisation ? (
        <p>
          <strong>{status.organisation.name}</strong> godkänner nya medlemmar manuellt. En moderator granskar ditt konto.
        </p>
      ) : null}
      <p>Du får ett e-postmeddelande till {email} så snart beslutet är fattat.</p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
