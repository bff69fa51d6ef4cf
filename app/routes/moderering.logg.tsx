import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField } from '#app/components/forms.tsx'
import { ModerationNav } from '#app/components/moderation-nav.tsx'
import { listAuditLog } from '#app/models/audit.server.ts'
import { AUDIT_ACTIONS } from '#app/services/audit.server.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { decodeCursor, encodeCursor } from '#app/utils/cursor.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { AuditFilterSchema } from '#app/validation/moderation.ts'

export const meta: MetaFunction = () => [{ title: 'Granskningslogg – Samverka' }]

/** A date (YYYY-MM-DD) as the start of that day in Stockholm. */
function stockholmDay(date: string, addDays = 0) {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + addDays)
  const offsetHours = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeZoneName: 'shortOffset' })
    .formatToParts(day)
    .find((part) => part.type === 'timeZoneName')
    ?.value.match(/GMT([+-]\d+)/)?.[1]
  return new Date(day.getTime() - Number(offsetHours ?? 0) * 3600_000)
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const params = new URL(request.url).searchParams
  const filter = AuditFilterSchema.parse(Object.fromEntries(params))
  const before = decodeCursor(params.get('fore'), ['createdAt', 'id'] as const)
  const { entries, next } = await listAuditLog({
    action: filter.action && filter.action in AUDIT_ACTIONS ? filter.action : undefined,
    actor: filter.actor || undefined,
    target: filter.target || undefined,
    from: filter.from ? stockholmDay(filter.from) : undefined,
    to: filter.to ? stockholmDay(filter.to, 1) : undefined,
    before: before ? { createdAt: new Date(before.createdAt), id: before.id } : undefined,
  })
  const nextParams = new URLSearchParams(params)
  if (next) nextParams.set('fore', encodeCursor(next))
  return {
    filter,
    entries: entries.map((entry) => ({
      id: entry.id,
      time: formatDateTime(entry.createdAt),
      actorName: entry.actorName,
      action: AUDIT_ACTIONS[entry.action as keyof typeof AUDIT_ACTIONS] ?? entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetName: entry.targetName,
      reason: entry.reason,
    })),
    nextPage: next ? `?${nextParams}` : null,
  }
}

const actionOptions = [{ value: '', label: 'Alla åtgärder' }, ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))]

function targetLink(entry: { targetType: string; targetId: string; targetName: string }) {
  const label = entry.targetName || entry.targetId
  if (entry.targetType === 'user') return <Link to={`/medlemmar/${entry.targetId}`}>{label}</Link>
  if (entry.targetType === 'organisation') return <Link to={`/moderering/organisationer/${entry.targetId}`}>{label}</Link>
  return label
}

export default function AuditLog() {
  const { filter, entries, nextPage } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Granskningslogg</h1>
      <ModerationNav />
      <Form method="get" className="filters" aria-label="Filtrera loggen">
        <SelectField label="Åtgärd" name="action" id="filter-action" options={actionOptions} defaultValue={filter.action ?? ''} />
        <Field label="Vem" name="actor" id="filter-actor" defaultValue={filter.actor ?? ''} />
        <Field label="Gäller" name="target" id="filter-target" defaultValue={filter.target ?? ''} />
        <Field label="Från och med" name="from" id="filter-from" type="date" defaultValue={filter.from ?? ''} />
        <Field label="Till och med" name="to" id="filter-to" type="date" defaultValue={filter.to ?? ''} />
        <button type="submit">Filtrera</button>
      </Form>
      {entries.length === 0 ? (
        <p>Inga händelser matchar.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Händelser, nyaste först</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Vem</th>
              <th scope="col">Åtgärd</th>
              <th scope="col">Gäller</th>
              <th scope="col">Motivering</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.time}</td>
                <td>{entry.actorName}</td>
                <td>{entry.action}</td>
                <td>{targetLink(entry)}</td>
                <td>{entry.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextPage ? (
        <p className="pagination">
          <Link to={nextPage}>Äldre händelser</Link>
        </p>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
