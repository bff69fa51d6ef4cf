import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields, SelectField } from '#app/components/forms.tsx'
import { getDigestSchedule, getStoredSiteSettings, siteSettingsDefaults } from '#app/models/site-settings.server.ts'
import { updateSiteSettings } from '#app/services/site-settings.server.ts'
import { requireAdmin } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { AdminLimits, SiteSettingsSchema } from '#app/validation/admin.ts'

export const meta: MetaFunction = () => [{ title: 'Inställningar – Administration – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const [stored, { timeZone }] = await Promise.all([getStoredSiteSettings(), getDigestSchedule()])
  return { stored, defaults: siteSettingsDefaults(), timeZone }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: SiteSettingsSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await updateSiteSettings(admin, submission.value)
  return redirectWithFlash(request, '/admin/installningar', { message: 'Inställningarna är sparade.', tone: 'success' })
}

const WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag']

export default function AdminSettings() {
  const { stored, defaults, timeZone } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.result.error
  const weekdayOptions = [
    { value: '', label: `Standard (${WEEKDAYS[defaults.digestWeekday - 1]})` },
    ...WEEKDAYS.map((label, index) => ({ value: String(index + 1), label })),
  ]
  return (
    <>
      <h1>Inställningar</h1>
      <AdminNav />
      <p>Lämna ett fält tomt för att använda standardvärdet, som står under fältet.</p>
      <FormErrors errors={errors?.['']} />
      <Form method="post" className="narrow">
        <MutationFields />
        <Field
          label="Webbplatsens namn"
          hint={`Visas i sidhuvudet och i e-postens sidfot, ${AdminLimits.siteNameMin}–${AdminLimits.siteNameMax} tecken. Standard: ${defaults.siteName}.`}
          name="siteName"
          id="site-name"
          defaultValue={stored.siteName ?? ''}
          errors={errors?.siteName}
        />
        <Field
          label="Kontaktadress"
          hint="Visas i sidfoten och på sidan om personuppgifter. Standard: ingen."
          name="contactEmail"
          id="contact-email"
          type="email"
          defaultValue={stored.contactEmail ?? ''}
          errors={errors?.contactEmail}
        />
        <SelectField
          label="Veckobrevets veckodag"
          name="digestWeekday"
          id="digest-weekday"
          options={weekdayOptions}
          defaultValue={stored.digestWeekday ? String(stored.digestWeekday) : ''}
          errors={errors?.digestWeekday}
        />
        <Field
          label="Veckobrevets timme"
          hint={`0–23, tid i ${timeZone}. Standard: ${defaults.digestHour}.`}
          name="digestHour"
          id="digest-hour"
          inputMode="numeric"
          defaultValue={stored.digestHour ?? ''}
          errors={errors?.digestHour}
        />
        <Field
          label="Största fil att ladda upp (MB)"
          hint={`${AdminLimits.uploadMinMb}–${AdminLimits.uploadMaxMb} MB per fil. Standard: ${defaults.uploadMaxMb}.`}
          name="uploadMaxMb"
          id="upload-max"
          inputMode="numeric"
          defaultValue={stored.uploadMaxMb ?? ''}
          errors={errors?.uploadMaxMb}
        />
        <button type="submit">Spara inställningarna</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
