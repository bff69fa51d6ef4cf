import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { listStoredEmails } from '#app/utils/email.server.ts'
import { env } from '#app/utils/env.server.ts'
import { notFound } from '#app/utils/errors.server.ts'
import { formatDateTime } from '#app/utils/swedish.ts'

export const meta: MetaFunction = () => [{ title: 'Utkorg (utveckling) – Samverka' }]

/**
 * The local mail outbox, readable in the browser. Exists only in development with no
 * SMTP_URL: anywhere else it would hand out everyone's sign-in codes.
 */
export function loader(_: LoaderFunctionArgs) {
  if (env().NODE_ENV !== 'development' || env().SMTP_URL) throw notFound()
  return {
    emails: listStoredEmails().map((email) => ({ id: email.id, to: email.to, subject: email.subject, text: email.text, date: formatDateTime(email.date) })),
  }
}

export default function DevOutbox() {
  const { emails } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Utkorg (bara i utveckling)</h1>
      <p>E-post som appen har skickat, nyaste först. Filerna ligger i DATA_DIR/mail.</p>
      {emails.length === 0 ? <p>Inga e-postmeddelanden ännu.</p> : null}
      <ul className="card-list">
        {emails.map((email) => (
          <li key={email.id} className="card">
            <h2>{email.subject}</h2>
            <p className="meta">
              Till {email.to} · {email.date}
            </p>
            <pre className="mail-text">{email.text}</pre>
          </li>
        ))}
      </ul>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
