import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MutationFields } from '#app/components/forms.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { listSessions } from '#app/models/member.server.ts'
import { createSession, requireMember, revokeAllSessions, revokeSession, signOutToSignIn } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { notFound } from '#app/utils/errors.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { displayClientAddress } from '#app/utils/request.server.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { describeUserAgent } from '#app/utils/user-agent.ts'

export const meta: MetaFunction = () => [{ title: 'Inloggningar – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const sessions = await listSessions(member.id)
  return {
    sessions: sessions.map((session) => ({
      id: session.id,
      device: describeUserAgent(session.userAgent),
      ipAddress: displayClientAddress(session.ipAddress),
      createdAt: formatDateTime(session.createdAt),
      lastUsedAt: formatDateTime(session.lastUsedAt),
      current: session.id === member.sessionId,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const formData = await requireValidMutation(request)
  if (formData.get('intent') === 'revoke-others') {
    // End every session, then give this device a fresh one.
    await revokeAllSessions(member.id)
    return redirectWithFlash(
      request,
      '/installningar/inloggningar',
      { message: 'Alla andra enheter är utloggade.', tone: 'success' },
      { headers: { 'Set-Cookie': await createSession(request, member.id) } },
    )
  }
  const sessionId = String(formData.get('sessionId') ?? '')
  if (sessionId === member.sessionId) {
    return signOutToSignIn(request)
  }
  if (!(await revokeSession(member.id, sessionId))) throw notFound('Inloggningen finns inte.')
  return redirectWithFlash(request, '/installningar/inloggningar', { message: 'Enheten är utloggad.', tone: 'success' })
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Inställningar</h1>
      <SettingsNav />
      <h2>Dina inloggningar</h2>
      <p>Här ser du var du är inloggad. Logga ut enheter du inte känner igen.</p>
      <table>
        <caption className="visually-hidden">Aktiva inloggningar</caption>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            <th scope="col">Senast använd</th>
            <th scope="col">Inloggad</th>
            <th scope="col">IP-adress</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                {session.device}
                {session.current ? (
                  <>
                    {' '}
                    <span className="badge">Den här enheten</span>
                  </>
                ) : null}
              </td>
              <td>{session.lastUsedAt}</td>
              <td>{session.createdAt}</td>
              <td>{session.ipAddress}</td>
              <td>
                <Form method="post">
                  <MutationFields />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="secondary" aria-label={`Logga ut ${session.device}, senast använd ${session.lastUsedAt}`}>
                    Logga ut
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.length > 1 ? (
        <Form method="post" className="actions">
          <MutationFields />
          <button type="submit" name="intent" value="revoke-others">
            Logga ut alla andra enheter
          </button>
        </Form>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
