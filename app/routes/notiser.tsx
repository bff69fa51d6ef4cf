import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MutationFields } from '#app/components/forms.tsx'
import { MoreLink } from '#app/components/post-list.tsx'
import { countUnreadNotifications, listNotifications } from '#app/models/notification.server.ts'
import { presentNotifications } from '#app/presenters/notification.server.ts'
import { nextPageUrl } from '#app/presenters/post.server.ts'
import { markNotificationsRead } from '#app/services/notification.server.ts'
import { requireActor, requireMember } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { decodeCursor } from '#app/utils/cursor.ts'
import { badRequest } from '#app/utils/errors.server.ts'

export const meta: MetaFunction = () => [{ title: 'Notiser – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const [{ notifications, next }, unread] = await Promise.all([
    listNotifications(member.id, decodeCursor(new URL(request.url).searchParams.get('efter'), ['lastEventAt', 'id'] as const)),
    countUnreadNotifications(member.id),
  ])
  return { notifications: presentNotifications(notifications), unread, nextPage: nextPageUrl(request, next) }
}

const ReadSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), notificationId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal('read-all') }),
])

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  const parsed = ReadSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw badRequest('Ogiltig begäran.')
  await markNotificationsRead(actor, parsed.data.intent === 'read-all' ? 'all' : parsed.data.notificationId)
  return redirect('/notiser')
}

export default function Notifications() {
  const { notifications, unread, nextPage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Notiser</h1>
      <p role="status">{unread === 0 ? 'Du har inga olästa notiser.' : unread === 1 ? 'Du har 1 oläst notis.' : `Du har ${unread} olästa notiser.`}</p>
      {unread > 0 ? (
        <Form method="post">
          <MutationFields />
          <button type="submit" name="intent" value="read-all" className="secondary">
            Markera alla som lästa
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p>Här hamnar svar på dina frågor, kommentarer, nytt i det du följer och besked från moderatorerna.</p>
      ) : (
        <ol className="card-list notification-list" aria-label="Notiser">
          {notifications.map((notification) => (
            <li key={notification.id} className={notification.unread ? 'card unread' : 'card'}>
              <p>
                {notification.unread ? <strong className="badge">Ny</strong> : null}{' '}
                {notification.href ? <Link to={notification.href}>{notification.text}</Link> : notification.text}
              </p>
              {notification.reason ? <p>Motivering: {notification.reason}</p> : null}
              {notification.appealHref ? (
                <p>
                  <Link to={notification.appealHref}>Överklaga beslutet</Link>
                </p>
              ) : null}
              <div className="meta">
                {notification.when}
                {notification.unread ? (
                  <Form method="post" className="inline-form">
                    <MutationFields />
                    <input type="hidden" name="notificationId" value={notification.id} />{' '}
                    <button type="submit" name="intent" value="read" className="link-button" aria-label={`Markera som läst: ${notification.text}`}>
                      Markera som läst
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      <MoreLink to={nextPage} label="Äldre notiser" />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
