import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields } from '#app/components/forms.tsx'
import { ModerationNav } from '#app/components/moderation-nav.tsx'
import { listOpenAccessibilityReports } from '#app/models/accessibility-report.server.ts'
import { resolveAccessibilityReport } from '#app/services/accessibility-report.server.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { decodeCursor, encodeCursor } from '#app/utils/cursor.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { ResolveAccessibilityReportSchema } from '#app/validation/privacy.ts'

export const meta: MetaFunction = () => [{ title: 'Tillgänglighetsproblem – Moderering – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const after = decodeCursor(new URL(request.url).searchParams.get('efter'), ['createdAt', 'id'] as const)
  const { reports, next } = await listOpenAccessibilityReports(after ? { createdAt: new Date(after.createdAt), id: after.id } : undefined)
  return {
    reports: reports.map((report) => ({
      id: report.id,
      pageUrl: report.pageUrl,
      description: report.description,
      // A signed-in reporter is answered at their account's address; a visitor at the one they gave.
      replyTo: report.reporter?.email ?? report.email,
      reporter: report.reporter ? { id: report.reporter.id, name: report.reporter.name } : null,
      createdAt: formatDateTime(report.createdAt),
    })),
    nextPage: next ? `?efter=${encodeCursor({ createdAt: next.createdAt.toISOString(), id: next.id })}` : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: ResolveAccessibilityReportSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await resolveAccessibilityReport(moderator, submission.value.reportId)
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  return redirectWithFlash(request, '/moderering/tillganglighet', { message: 'Rapporten är markerad som åtgärdad.', tone: 'success' })
}

export default function AccessibilityReports() {
  const { reports, nextPage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Moderering</h1>
      <ModerationNav />
      <h2>Tillgänglighetsproblem</h2>
      <FormErrors errors={actionData?.result.error?.['']} />
      {reports.length === 0 ? <p>Inga öppna rapporter.</p> : null}
      <ul className="card-list">
        {reports.map((report) => (
          <li key={report.id}>
            <article className="card" aria-labelledby={`report-${report.id}`}>
              <h3 id={`report-${report.id}`}>{report.pageUrl || 'Ingen sida angiven'}</h3>
              <p className="meta">
                Rapporterad {report.createdAt} av{' '}
                {report.reporter ? <Link to={`/medlemmar/${report.reporter.id}`}>{report.reporter.name}</Link> : 'en besökare'}
                {report.replyTo ? ` · svar till ${report.replyTo}` : ''}
              </p>
              <p>{report.description}</p>
              <Form method="post">
                <MutationFields />
                <input type="hidden" name="reportId" value={report.id} />
                <button type="submit" aria-label={`Markera som åtgärdad: ${report.pageUrl || 'rapporten'} från ${report.createdAt}`}>
                  Markera som åtgärdad
                </button>
              </Form>
            </article>
          </li>
        ))}
      </ul>
      {nextPage ? (
        <p>
          <Link to={nextPage}>Fler rapporter</Link>
        </p>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
