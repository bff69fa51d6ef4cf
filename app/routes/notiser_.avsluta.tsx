import { type ActionFunctionArgs, data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getNotificationEmailPreferences } from '#app/models/member.server.ts'
import { turnOffNotificationEmails } from '#app/services/profile.server.ts'
import { INVALID_UNSUBSCRIBE_LINK, isOneClickUnsubscribe, readUnsubscribeLink, UNSUBSCRIBE_PAGE_HEADERS } from '#app/utils/unsubscribe-token.server.ts'
import { EMAIL_NOTIFICATION_LABELS, isEmailNotificationKind } from '#app/validation/notification-email.ts'

/**
 * The unsubscribe link and List-Unsubscribe URL of a notification e-mail; the token names the
 * member and the kinds the e-mail told of. Like the digest's (`veckobrev_.avsluta.tsx`): no
 * sign-in and no CSRF token (the signed token is the authority), GET only shows what would
 * stop, a POST from the page's button or a mail client's one-click POST (RFC 8058) turns
 * those kinds off.
 */
export const meta: MetaFunction = () => [{ title: 'Sluta få notiser med e-post – Samverka' }]

export const headers: HeadersFunction = () => UNSUBSCRIBE_PAGE_HEADERS

async function linkFromRequest(request: Request) {
  const link = readUnsubscribeLink(request, 'notifications', { settingsHint: 'välj vilka notiser du får med e-post' })
  if (!link.ok) return link
  const member = await getNotificationEmailPreferences(link.userId)
  const kinds = link.kinds.filter(isEmailNotificationKind)
  return member && kinds.length > 0 ? ({ ok: true, member, kinds } as const) : INVALID_UNSUBSCRIBE_LINK
}

const labels = (kinds: readonly string[]) => kinds.filter(isEmailNotificationKind).map((kind) => EMAIL_NOTIFICATION_LABELS[kind].toLowerCase())

export async function loader({ request }: LoaderFunctionArgs) {
  const found = await linkFromRequest(request)
  if (!found.ok) return data({ problem: found.message, kinds: [], stillOn: [] }, { status: found.status })
  const stillOn = found.kinds.filter((kind) => found.member.notificationMailKinds.includes(kind))
  return { problem: null, kinds: labels(found.kinds), stillOn: labels(stillOn) }
}

export async function action({ request }: ActionFunctionArgs) {
  const found = await linkFromRequest(request)
  if (!found.ok) return data({ problem: found.message, saved: null }, { status: found.status })
  const formData = await request.formData()
  if (!isOneClickUnsubscribe(formData) && formData.get('intent') !== 'off') {
    return data({ problem: 'Välj Sluta skicka för att stänga av e-posten.', saved: null }, { status: 400 })
  }
  await turnOffNotificationEmails(found.member.id, found.kinds)
  return { problem: null, saved: labels(found.kinds) }
}

export default function NotificationUnsubscribe() {
  const { problem, kinds, stillOn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>Sluta få notiser med e-post</h1>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : actionData?.saved ? (
        <p className="notice notice-success" role="status">
          Klart. Du får ingen e-post längre om {actionData.saved.join(', ')}. Notiserna syns fortfarande i Samverka.
        </p>
      ) : (
        <>
          {actionData?.problem ? (
            <p className="notice notice-error" role="alert">
              {actionData.problem}
            </p>
          ) : null}
          <p>{stillOn.length > 0 ? `Just nu får du e-post om ${stillOn.join(', ')}.` : `Du får redan ingen e-post om ${kinds.join(', ')}.`}</p>
          <Form method="post" replace>
            <button type="submit" name="intent" value="off">
              Sluta skicka e-post om {kinds.join(', ')}
            </button>
          </Form>
        </>
      )}
      <p>
        Du kan också <Link to="/installningar/notiser">välja vilka notiser du får med e-post</Link> när du är inloggad.
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
