import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, FormErrors, MutationFields } from '#app/components/forms.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { deleteAccount } from '#app/services/account-deletion.server.ts'
import { requireMember, signOut } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { DeleteAccountSchema } from '#app/validation/privacy.ts'

export const meta: MetaFunction = () => [{ title: 'Radera konto – Inställningar – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  return { email: member.email }
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('general', member.id)
  const submission = parseWithZod(formData, { schema: DeleteAccountSchema(member.email) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await deleteAccount(member, submission.value.content)
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  return redirect('/konto-raderat', { headers: { 'Set-Cookie': await signOut(request) } })
}

export default function DeleteAccount() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<ReturnType<typeof DeleteAccountSchema>>>({
    id: 'delete-account',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    defaultValue: { content: 'anonymise' },
  })
  return (
    <div className="narrow">
      <h1>Inställningar</h1>
      <SettingsNav />
      <h2>Radera konto</h2>
      <p>
        När du raderar ditt konto loggas du ut överallt direkt, och din profil, dina inloggningar, notiser, röster, gillanden, sparade inlägg och det du följer
        tas bort. Det går inte att ångra. Vill du spara dina uppgifter först kan du <Link to="/installningar/mina-uppgifter">ladda ner dem</Link>.
      </p>
      <p>
        Moderatorernas granskningslogg behåller sina beslut, också de som gäller dig, så att de går att följa upp. Läs mer på sidan{' '}
        <Link to="/integritet">Integritet och personuppgifter</Link>.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <FormErrors errors={form.errors} />
        <fieldset aria-describedby={fields.content.errors ? fields.content.errorId : undefined}>
          <legend>Vad ska hända med dina frågor, projekt, material, svar och kommentarer?</legend>
          <div>
            <label>
              <input type="radio" name={fields.content.name} value="anonymise" defaultChecked={fields.content.initialValue === 'anonymise'} />{' '}
              <strong>Anonymisera mina inlägg</strong> – de finns kvar för andra men visas som skrivna av ”Tidigare medlem”.
            </label>
          </div>
          <div>
            <label>
              <input type="radio" name={fields.content.name} value="remove" defaultChecked={fields.content.initialValue === 'remove'} />{' '}
              <strong>Ta bort mina inlägg</strong> – de raderas, och med dina frågor, projekt och material försvinner också andras svar och kommentarer på dem.
            </label>
          </div>
          <ErrorList id={fields.content.errorId} errors={fields.content.errors} />
        </fieldset>
        <Field
          label="Skriv din e-postadress för att bekräfta"
          hint={`Du loggar in med ${email}.`}
          errors={fields.confirmEmail.errors}
          autoComplete="off"
          {...getInputProps(fields.confirmEmail, { type: 'email' })}
        />
        <button type="submit" className="danger">
          Radera mitt konto
        </button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
