import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { EmailStoppedNotice } from '#app/components/email-stopped-notice.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, MutationFields } from '#app/components/forms.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { getNotificationEmailPreferences } from '#app/models/member.server.ts'
import { updateNotificationEmailKinds } from '#app/services/profile.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { env } from '#app/utils/env.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { EMAIL_NOTIFICATION_KINDS, EMAIL_NOTIFICATION_LABELS, NotificationEmailPreferencesSchema } from '#app/validation/notification-email.ts'

export const meta: MetaFunction = () => [{ title: 'Notiser – Inställningar – Samverka' }]

/** Waiting time in words: "5 minuter", "1 minut", "30 sekunder", "genast". */
function describeDelay(seconds: number): string {
  if (seconds === 0) return 'genast'
  if (seconds % 60 !== 0) return `efter ${seconds} sekunder`
  const minutes = seconds / 60
  return `efter ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`
}

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const preferences = await getNotificationEmailPreferences(member.id)
  const on = new Set<string>(preferences?.notificationMailKinds)
  return {
    delay: describeDelay(env().EMAIL_NOTIFICATION_DELAY_SECONDS),
    stoppedReason: preferences?.digestStoppedReason ?? null,
    kinds: EMAIL_NOTIFICATION_KINDS.map((key) => ({ key, label: EMAIL_NOTIFICATION_LABELS[key], on: on.has(key) })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('general', member.id)
  const submission = parseWithZod(formData, { schema: NotificationEmailPreferencesSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await updateNotificationEmailKinds(member.id, submission.value.kinds)
  return redirectWithFlash(request, '/installningar/notiser', { message: 'Inställningarna för notiser är sparade.', tone: 'success' })
}

export default function NotificationSettings() {
  const { delay, stoppedReason, kinds } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof NotificationEmailPreferencesSchema>>({
    id: 'notification-email',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="narrow">
      <h1>Inställningar</h1>
      <SettingsNav />
      <h2>Notiser med e-post</h2>
      <EmailStoppedNotice reason={stoppedReason} />
      <p>
        Alla notiser syns under <Link to="/notiser">Notiser</Link>. De du väljer här får du också med e-post, {delay} – det som händer under tiden kommer i
        samma brev. Har du redan läst en notis här får du inget brev om den.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <fieldset>
          <legend>Skicka e-post om</legend>
          {kinds.map((kind) => (
            <div key={kind.key}>
              <label>
                <input type="checkbox" name="kinds" value={kind.key} defaultChecked={kind.on} /> {kind.label}
              </label>
            </div>
          ))}
          <ErrorList id={fields.kinds.errorId} errors={fields.kinds.errors} />
        </fieldset>
        <p>Beslut från moderatorerna om dig och ditt innehåll får du alltid med e-post.</p>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit">Spara</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
