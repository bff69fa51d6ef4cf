import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { buildDigest, loadDigestWeek } from '#app/models/digest.server.ts'
import { getDigestPreferences } from '#app/models/member.server.ts'
import { getDigestSchedule } from '#app/models/site-settings.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { describeSchedule, upcomingMonthlyPeriod, upcomingPeriod } from '#app/utils/digest-schedule.ts'
import { formatDateTime } from '#app/utils/swedish.ts'

export const meta: MetaFunction = () => [{ title: 'Förhandsgranska mitt veckobrev – Samverka' }]

/** "Förhandsgranska mitt veckobrev": what the member's next digest holds so far. */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const preferences = await getDigestPreferences(member.id)
  const schedule = await getDigestSchedule()
  const monthly = preferences.digestFrequency === 'monthly'
  const period = (monthly ? upcomingMonthlyPeriod : upcomingPeriod)(new Date(), schedule)
  const digest = await buildDigest(
    { id: member.id, organisationId: member.organisationId, sectionsOff: preferences.digestSectionsOff, interests: preferences.interests },
    await loadDigestWeek(period),
  )
  return {
    since: formatDateTime(period.from),
    when: monthly ? `den första av månadens ${describeSchedule(schedule)}` : describeSchedule(schedule),
    off: preferences.digestFrequency === 'never',
    stoppedReason: preferences.digestStoppedReason,
    sections: digest.sections.map((section) => ({ ...section, items: section.items.map(({ keys: _keys, ...item }) => item) })),
  }
}

export default function DigestPreview() {
  const { since, when, off, stoppedReason, sections } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Förhandsgranska mitt veckobrev</h1>
      <p>
        Så här ser ditt nästa veckobrev ut just nu, med det som hänt sedan {since}. Det skickas {when} och kan ändras fram till dess.
      </p>
      {off ? (
        <p className="notice" role="status">
          Du har stängt av veckobrevet, så det skickas inte till dig.
        </p>
      ) : null}
      {stoppedReason ? (
        <p className="notice notice-error" role="status">
          Vi har slutat skicka veckobrevet till dig: {stoppedReason} <Link to="/installningar/veckobrev">Slå på det igen under Inställningar</Link>.
        </p>
      ) : null}
      {sections.length === 0 ? (
        <p>Inget nytt för dig ännu den här veckan. Finns det inget att berätta skickas inget veckobrev.</p>
      ) : (
        sections.map((section) => (
          <section key={section.key} aria-labelledby={`digest-${section.key}`}>
            <h2 id={`digest-${section.key}`}>{section.heading}</h2>
            <ul>
              {section.items.map((item) => (
                <li key={item.path}>
                  <Link to={item.path}>{item.title}</Link>
                  {item.detail ? <span className="meta"> – {item.detail}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <p>
        <Link to="/installningar/foljer">Ändra vad du följer</Link>
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
