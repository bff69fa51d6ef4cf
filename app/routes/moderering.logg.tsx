import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField } from '#app/components/forms.tsx'
import { ModerationNav } from '#app/components/moderation-nav.tsx'
import { listAuditLog, readAuditFilter } from '#app/models/audit.server.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { decodeCursor, encodeCursor } from '#app/utils/cursor.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { AUDIT_TARGET_TYPES } from '#app/validation/moderation.ts'

export const meta: MetaFunction = () => [{ title: 'Granskningslogg – Samverka' }]

const FILTER_KEYS = ['action', 'actor', 'targetType', 'target', 'from', 'to'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const params = new URL(request.url).searchParams
  const read = readAuditFilter(params)
  if (!read.ok) return data({ input: read.input, errors: read.errors, entries: [], nextPage: null, exportQuery: null }, { status: 400 })
  const before = decodeCursor(params.get('fore'), ['createdAt', 'id'] as const)
  const { entries, next } = await listAuditLog(read.filter, before ? { createdAt: new Date(before.createdAt), id: before.id } : undefined)
  // The export and the next page keep exactly the filters shown.
  const filterParams = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = read.input[key]
    if (value) filterParams.set(key, value)
  }
  const nextParams = new URLSearchParams(filterParams)
  if (next) nextParams.set('fore', encodeCursor(next))
  return {
    input: read.input,
    errors: {},
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
    exportQuery: filterParams.toString(),
  }
}

const actionOptions = [{ value: '', label: 'Alla åtgärder' }, ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))]
const targetTypeOptions = [{ value: '', label: 'Alla slags mål' }, ...Object.entries(AUDIT_TARGET_TYPES).map(([value, label]) => ({ value, label }))]

function targetLink(entry: { targetType: string; targetId: string; targetName: string }) {
  const label = entry.targetName || entry.targetId
  if (entry.targetType === 'user') return <Link to={`/medlemmar/${entry.targetId}`}>{label}</Link>
  if (entry.targetType === 'organisation') return <Link to={`/moderering/organisationer/${entry.targetId}`}>{label}</Link>
  return label
}

export default function AuditLog() {
  const { input, errors, entries, nextPage, exportQuery } = useLoaderData<typeof loader>()
  const fieldErrors = errors as Partial<Record<(typeof FILTER_KEYS)[number], string[]>>
  const exportHref = (format: 'csv' | 'json') =>
    `/moderering/logg/ladda-ner?${new URLSearchParams([['format', format], ...new URLSearchParams(exportQuery ?? '')])}`
  return (
    <>
      <h1>Granskningslogg</h1>
      <ModerationNav />
      <Form method="get" className="filters" aria-label="Filtrera loggen">
        <SelectField label="Åtgärd" name="action" id="filter-action" options={actionOptions} defaultValue={input.action ?? ''} errors={fieldErrors.action} />
        <Field label="Vem" hint="Namn eller id" name="actor" id="filter-actor" defaultValue={input.actor ?? ''} errors={fieldErrors.actor} />
        <SelectField
          label="Typ av mål"
          name="targetType"
          id="filter-target-type"
          options={targetTypeOptions}
          defaultValue={input.targetType ?? ''}
          errors={fieldErrors.targetType}
        />
        <Field label="Gäller" hint="Namn eller id" name="target" id="filter-target" defaultValue={input.target ?? ''} errors={fieldErrors.target} />
        <Field label="Från och med" name="from" id="filter-from" type="date" defaultValue={input.from ?? ''} errors={fieldErrors.from} />
        <Field label="Till och med" name="to" id="filter-to" type="date" defaultValue={input.to ?? ''} errors={fieldErrors.to} />
        <button type="submit">Filtrera</button>
      </Form>
      {exportQuery !== null ? (
        <p className="actions">
          <a href={exportHref('csv')} download>
            Ladda ner som CSV
          </a>
          <a href={exportHref('json')} download>
            Ladda ner som JSON
          </a>
        </p>
      ) : null}
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
