import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { hasAccount } from '#app/models/member.server.ts'
import { ErrorList, Field, MutationFields, SelectField, TextareaField } from '#app/components/forms.tsx'
import { joinsActive } from '#app/policies/member.ts'
import { finishSignIn } from '#app/services/sign-in.server.ts'
import { getSignUpOptions, joinOrganisation, requestOrganisation } from '#app/services/sign-up.server.ts'
import { createSession, requireAnonymous } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { enforceIpRateLimit } from '#app/utils/rate-limit.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { clearVerifiedEmail, readVerifiedEmail } from '#app/utils/sign-in-state.server.ts'
import { OnboardingSchema, OrganisationTypeLabels } from '#app/validation/auth.ts'

export const meta: MetaFunction = () => [{ title: 'Välkommen – Samverka' }]

async function requireVerifiedEmail(request: Request) {
  await requireAnonymous(request)
  const verified = readVerifiedEmail(request)
  if (!verified) throw redirect('/logga-in')
  return verified
}

export async function loader({ request }: LoaderFunctionArgs) {
  const verified = await requireVerifiedEmail(request)
  return { email: verified.email, options: await getSignUpOptions(verified.email) }
}

export async function action({ request }: ActionFunctionArgs) {
  const verified = await requireVerifiedEmail(request)
  const formData = await requireValidMutation(request)
  await enforceIpRateLimit(request, 'sign-up-ip')
  const submission = parseWithZod(formData, { schema: OnboardingSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })

  // A second submit (another tab, a double click) signs in to the account the first one made.
  if (await hasAccount(verified.email)) return finishSignIn(request, verified.email, verified.redirectTo)

  const value = submission.value
  const profile = { email: verified.email, name: value.name, title: value.title }
  const result =
    value.intent === 'join'
      ? await joinOrganisation({ ...profile, organisationId: value.organisationId })
      : await requestOrganisation({
          ...profile,
          organisationName: value.organisationName,
          organisationType: value.organisationType,
          motivation: value.motivation,
        })
  const headers = new Headers()
  headers.append('Set-Cookie', clearVerifiedEmail(request))
  headers.append('Set-Cookie', await createSession(request, result.userId))
  return redirect(result.status === 'active' ? safeRedirect(verified.redirectTo) : '/vantar', { headers })
}

const typeOptions = [{ value: '', label: 'Välj typ' }, ...Object.entries(OrganisationTypeLabels).map(([value, label]) => ({ value, label }))]

export default function Welcome() {
  const { email, options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'onboarding',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OnboardingSchema }),
  })
  const organisations = options.kind === 'organisations' ? options.organisations : []
  const single = organisations.length === 1 ? organisations[0] : undefined
  const pendingRequest = options.kind === 'unknown-domain' ? options.pendingRequest : null
  return (
    <div className="narrow">
      <h1>Välkommen till Samverka</h1>
      <p>
        Din adress <strong>{email}</strong> är bekräftad. Berätta vem du är, så att kollegor i andra organisationer vet vem de samarbetar med.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <input type="hidden" name="intent" value={options.kind === 'organisations' ? 'join' : 'request'} />
        <Field label="Namn" autoComplete="name" {...getInputProps(fields.name, { type: 'text' })} errors={fields.name.errors} />
        <Field
          label="Titel eller roll (frivilligt)"
          hint="Till exempel Digitaliseringsstrateg"
          autoComplete="organization-title"
          {...getInputProps(fields.title, { type: 'text' })}
          errors={fields.title.errors}
        />
        {single ? (
          <>
            <input type="hidden" name="organisationId" value={single.id} />
            <p className="notice">
              Du blir medlem som anställd i <strong>{single.name}</strong>.{' '}
              {joinsActive(single) ? '' : 'En moderator godkänner nya medlemmar i organisationen innan kontot aktiveras.'}
            </p>
          </>
        ) : organisations.length > 1 ? (
          <fieldset aria-describedby={fields.organisationId.errors ? `${fields.organisationId.id}-error` : undefined}>
            <legend>Vilken organisation arbetar du i?</legend>
            <p className="hint">Flera organisationer använder samma e-postdomän. Välj din.</p>
            {organisations.map((organisation) => (
              <div className="field field-checkbox" key={organisation.id}>
                <input
                  type="radio"
                  id={`org-${organisation.id}`}
                  name="organisationId"
                  value={organisation.id}
                  defaultChecked={fields.organisationId.initialValue === organisation.id}
                />
                <label htmlFor={`org-${organisation.id}`}>{organisation.name}</label>
              </div>
            ))}
            <ErrorList id={`${fields.organisationId.id}-error`} errors={fields.organisationId.errors} />
          </fieldset>
        ) : (
          <fieldset>
            <legend>Lägg till din organisation</legend>
            <p className="hint">
              Domänen {options.kind === 'unknown-domain' ? options.domain : ''} finns inte i vårt register över offentliga organisationer. Berätta vilken
              organisation du arbetar i, så granskar en moderator den. Ditt konto väntar tills organisationen är godkänd, och du får besked via e-post.
            </p>
            <Field
              label="Organisationens namn"
              {...getInputProps(fields.organisationName, { type: 'text' })}
              defaultValue={fields.organisationName.initialValue ?? pendingRequest?.name}
              errors={fields.organisationName.errors}
            />
            <SelectField
              label="Typ av organisation"
              options={typeOptions}
              {...getSelectProps(fields.organisationType)}
              defaultValue={fields.organisationType.initialValue ?? pendingRequest?.type}
              errors={fields.organisationType.errors}
            />
            <TextareaField
              label="Varför hör organisationen hemma i Samverka?"
              hint="Till exempel: kommunalförbund som driver IT för fem kommuner."
              {...getTextareaProps(fields.motivation)}
              errors={fields.motivation.errors}
            />
          </fieldset>
        )}
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit">{options.kind === 'organisations' ? 'Skapa konto' : 'Skicka begäran'}</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
