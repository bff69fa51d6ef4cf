import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, MutationFields } from '#app/components/forms.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { getOwnProfile } from '#app/models/member.server.ts'
import { updateProfile } from '#app/services/profile.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { ProfileSchema } from '#app/validation/auth.ts'

export const meta: MetaFunction = () => [{ title: 'Din profil – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  return { profile: await getOwnProfile(member.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('general', member.id)
  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await updateProfile(member.id, submission.value)
  return redirectWithFlash(request, '/installningar', { message: 'Profilen är sparad.', tone: 'success' })
}

export default function ProfileSettings() {
  const { profile } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'profile',
    lastResult: actionData?.result,
    defaultValue: { name: profile.name, title: profile.title, interests: profile.interests.join(', ') },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  })
  return (
    <div className="narrow">
      <h1>Inställningar</h1>
      <SettingsNav />
      <p>
        E-post: <strong>{profile.email}</strong>
        {profile.organisation ? (
          <>
            <br />
            Organisation: <strong>{profile.organisation.name}</strong>
          </>
        ) : null}
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <Field label="Namn" autoComplete="name" {...getInputProps(fields.name, { type: 'text' })} errors={fields.name.errors} />
        <Field label="Titel eller roll" {...getInputProps(fields.title, { type: 'text' })} errors={fields.title.errors} />
        <Field
          label="Intresseområden"
          hint="Skilj med kommatecken, till exempel: e-arkiv, upphandling, AI"
          {...getInputProps(fields.interests, { type: 'text' })}
          errors={fields.interests.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit">Spara profilen</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
