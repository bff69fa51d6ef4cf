import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getDigestSchedule, getSiteSettings } from '#app/models/site-settings.server.ts'
import { requireAdmin } from '#app/utils/auth.server.ts'
import { describeSchedule } from '#app/utils/digest-schedule.ts'

export const meta: MetaFunction = () => [{ title: 'Administration – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const [settings, schedule] = await Promise.all([getSiteSettings(), getDigestSchedule()])
  return {
    siteName: settings.siteName,
    contactEmail: settings.contactEmail,
    digest: describeSchedule(schedule),
    uploadMaxMb: settings.uploadMaxMb,
  }
}

export default function AdminOverview() {
  const { siteName, contactEmail, digest, uploadMaxMb } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Administration</h1>
      <AdminNav />
      <section aria-labelledby="settings-now">
        <h2 id="settings-now">Inställningar just nu</h2>
        <dl className="facts">
          <dt>Webbplatsens namn</dt>
          <dd>{siteName}</dd>
          <dt>Kontaktadress</dt>
          <dd>{contactEmail ?? 'Ingen angiven'}</dd>
          <dt>Veckobrevet skickas</dt>
          <dd>{digest}</dd>
          <dt>Största fil att ladda upp</dt>
          <dd>{uploadMaxMb} MB</dd>
        </dl>
        <p>
          <Link to="/admin/installningar">Ändra inställningarna</Link>
        </p>
      </section>
      <section aria-labelledby="admin-tasks">
        <h2 id="admin-tasks">Uppgifter</h2>
        <ul>
          <li>
            <Link to="/admin/roller">Roller</Link>: utse och ta bort moderatorer och administratörer.
          </li>
          <li>
            <Link to="/admin/organisationer/import">Importera organisationer</Link> från en CSV-fil i registrets format.
          </li>
          <li>
            <Link to="/admin/organisationer/sammanfoga">Slå ihop två organisationer</Link> som är samma.
          </li>
        </ul>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
