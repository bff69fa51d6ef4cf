import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * One error boundary for every route: Swedish messages per status, the server's message
 * when it sent one, never a stack trace.
 */
type StatusHandler = (info: { message: string | null }) => ReactNode

const DEFAULT_HANDLERS: Record<number, StatusHandler> = {
  400: ({ message }) => <ErrorText title="Felaktig begäran" message={message ?? 'Begäran kunde inte behandlas.'} />,
  403: ({ message }) => <ErrorText title="Ingen behörighet" message={message ?? 'Du har inte behörighet att se det här.'} />,
  404: ({ message }) => <ErrorText title="Sidan finns inte" message={message ?? 'Sidan du letade efter finns inte, eller så har den flyttats.'} />,
  409: ({ message }) => <ErrorText title="Konflikt" message={message ?? 'Någon annan hann före. Ladda om sidan.'} />,
  413: () => <ErrorText title="För stort" message="Det du skickade är för stort." />,
  429: ({ message }) => <ErrorText title="För många försök" message={message ?? 'Vänta en stund och försök igen.'} />,
}

function ErrorText({ title, message }: { title: string; message: string }) {
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Till startsidan</Link>
      </p>
    </div>
  )
}

function messageOf(data: unknown): string | null {
  if (typeof data === 'string') {
    try {
      return messageOf(JSON.parse(data))
    } catch {
      return data.length < 300 ? data : null
    }
  }
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message
  return null
}

export function GeneralErrorBoundary({ statusHandlers }: { statusHandlers?: Record<number, StatusHandler> }) {
  const error = useRouteError()
  if (typeof document !== 'undefined') console.error(error)
  if (isRouteErrorResponse(error)) {
    const handler = statusHandlers?.[error.status] ?? DEFAULT_HANDLERS[error.status]
    if (handler) return <>{handler({ message: messageOf(error.data) })}</>
  }
  return <ErrorText title="Något gick fel" message="Ett oväntat fel inträffade. Försök igen om en stund." />
}
