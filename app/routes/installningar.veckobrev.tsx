import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { EmailStoppedNotice } from '#app/components/email-stopped-notice.tsx'
import { ErrorList, MutationFields } from '#app/components/forms.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { DIGEST_SECTION_HEADINGS, DIGEST_SECTIONS } from '#app/models/digest.server.ts'
import { getDigestPreferences } from '#app/models/member.server.ts'
import { getDigestSchedule } from '#app/models/site-settings.server.ts'
import { updateDigestPreferences } from '#app/services/profile.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { describeSchedule } from '#app/utils/digest-schedule.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { DigestPreferencesSchema } from '#app/validation/digest.ts'

export const meta: MetaFunction = () => [{ title: 'Veckobrev – Inställningar – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const preferences = await getDigestPreferences(member.id)
  return {
    frequency: preferences.digestFrequency,
    when: describeSchedule(await getDigestSchedule()),
    stoppedReason: preferences.digestStoppedReason,
    sections: DIGEST_SECTIONS.map((key) => ({ key, label: DIGEST_SECTION_HEADINGS[key], on: !preferences.digestSectionsOff.includes(key) })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('general', member.id)
  const submission = parseWithZod(formData, { schema: DigestPreferencesSchema(DIGEST_SECTIONS) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const on = new Set<string>(submission.value.sections)
  await updateDigestPreferences(member.id, { frequency: submission.value.frequency, sectionsOff: DIGEST_SECTIONS.filter((key) => !on.has(key)) })
  return redirectWithFlash(request, '/installningar/veckobrev', { message: 'Inställningarna för veckobrevet är sparade.', tone: 'success' })
}

export default function DigestSettings() {
  const { frequency, when, stoppedReason, sections } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<ReturnType<typeof DigestPreferencesSchema>>>({
    id: 'digest',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="narrow">
      <h1>Inställningar</h1>
      <SettingsNav />
      <h2>Veckobrev</h2>
      <EmailStoppedNotice reason={stoppedReason} />
      <p>
        Veckobrevet sammanfattar veckan för dig och skickas {when}, bara när det finns något nytt. <Link to="/veckobrev">Förhandsgranska mitt veckobrev</Link>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <fieldset>
          <legend>Hur ofta vill du få veckobrevet?</legend>
          <div>
            <label>
              <input type="radio" name="frequency" value="weekly" defaultChecked={frequency === 'weekly'} /> Varje vecka
            </label>
          </div>
          <div>
            <label>
              <input type="radio" name="frequency" value="monthly" defaultChecked={frequency === 'monthly'} /> En gång i månaden
            </label>
          </div>
          <div>
            <label>
              <input type="radio" name="frequency" value="never" defaultChecked={frequency === 'never'} /> Aldrig
            </label>
          </div>
          <ErrorList id={fields.frequency.errorId} errors={fields.frequency.errors} />
        </fieldset>
        <fieldset>
          <legend>Vad ska veckobrevet ta med?</legend>
          {sections.map((section) => (
            <div key={section.key}>
              <label>
                <input type="checkbox" name="sections" value={section.key} defaultChecked={section.on} /> {section.label}
              </label>
            </div>
          ))}
          <ErrorList id={fields.sections.errorId} errors={fields.sections.errors} />
        </fieldset>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit">Spara</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
