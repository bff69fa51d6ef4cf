import { type ActionFunctionArgs, data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getDigestRecipient } from '#app/models/member.server.ts'
import { setDigestFrequency } from '#app/services/profile.server.ts'
import { INVALID_UNSUBSCRIBE_LINK, isOneClickUnsubscribe, readUnsubscribeLink, UNSUBSCRIBE_PAGE_HEADERS } from '#app/utils/unsubscribe-token.server.ts'
import { DigestUnsubscribeSchema } from '#app/validation/digest.ts'

/**
 * The digest's unsubscribe link and List-Unsubscribe URL. Works without signing in: the
 * signed, expiring token in the URL names the member and is the only authority (no CSRF
 * token — a forged or expired token changes nothing). GET only shows the choice, because
 * mail scanners follow links; POST acts. A POST with the body `List-Unsubscribe=One-Click`
 * is a mail client's one-click unsubscribe (RFC 8058) and turns the digest off.
 */
export const meta: MetaFunction = () => [{ title: 'Avsluta veckobrevet – Samverka' }]

export const headers: HeadersFunction = () => UNSUBSCRIBE_PAGE_HEADERS

async function recipientFromToken(request: Request) {
  const link = readUnsubscribeLink(request, 'digest', { settingsHint: 'ändra veckobrevet' })
  if (!link.ok) return link
  const recipient = await getDigestRecipient(link.userId)
  return recipient ? ({ ok: true, recipient } as const) : INVALID_UNSUBSCRIBE_LINK
}

export async function loader({ request }: LoaderFunctionArgs) {
  const found = await recipientFromToken(request)
  if (!found.ok) return data({ problem: found.message, frequency: null }, { status: found.status })
  return { problem: null, frequency: found.recipient.digestFrequency }
}

export async function action({ request }: ActionFunctionArgs) {
  const found = await recipientFromToken(request)
  if (!found.ok) return data({ problem: found.message, saved: null }, { status: found.status })
  const formData = await request.formData()
  const submission = DigestUnsubscribeSchema.safeParse({ frequency: isOneClickUnsubscribe(formData) ? 'never' : formData.get('frequency') })
  if (!submission.success) return data({ problem: submission.error.issues[0]?.message ?? 'Välj ett alternativ.', saved: null }, { status: 400 })
  await setDigestFrequency(found.recipient.id, submission.data.frequency)
  return { problem: null, saved: submission.data.frequency }
}

const SAVED_MESSAGES = {
  never: 'Klart. Du får inga fler veckobrev från Samverka.',
  monthly: 'Klart. Du får veckobrevet en gång i månaden.',
  weekly: 'Klart. Du får veckobrevet varje vecka igen.',
} as const

const CURRENT_FREQUENCY = {
  weekly: 'Just nu får du veckobrevet varje vecka.',
  monthly: 'Just nu får du veckobrevet en gång i månaden.',
  never: 'Just nu får du inga veckobrev.',
} as const

export default function DigestUnsubscribe() {
  const { problem, frequency } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>Avsluta veckobrevet</h1>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : (
        <>
          {actionData?.saved ? (
            <p className="notice notice-success" role="status">
              {SAVED_MESSAGES[actionData.saved]}
            </p>
          ) : null}
          {actionData?.problem ? (
            <p className="notice notice-error" role="alert">
              {actionData.problem}
            </p>
          ) : null}
          {frequency ? <p>{CURRENT_FREQUENCY[frequency]}</p> : null}
          <Form method="post" replace>
            <fieldset>
              <legend>Hur vill du ha det?</legend>
              <div>
                <label>
                  <input type="radio" name="frequency" value="never" defaultChecked /> Skicka inga fler veckobrev
                </label>
              </div>
              <div>
                <label>
                  <input type="radio" name="frequency" value="monthly" /> Skicka bara en sammanfattning i månaden
                </label>
              </div>
              <div>
                <label>
                  <input type="radio" name="frequency" value="weekly" /> Fortsätt skicka varje vecka
                </label>
              </div>
            </fieldset>
            <button type="submit">Spara</button>
          </Form>
          <p>
            Du kan också <Link to="/installningar/veckobrev">välja vad veckobrevet tar med</Link> när du är inloggad.
          </p>
        </>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
