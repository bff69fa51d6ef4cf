import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, MutationFields } from '#app/components/forms.tsx'
import { finishSignIn, requestSignInCode, VERIFY_ERRORS, verifySignInCode } from '#app/services/sign-in.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { enforceIpRateLimit } from '#app/utils/rate-limit.server.ts'
import { readPendingSignIn, writePendingSignIn } from '#app/utils/sign-in-state.server.ts'
import { CodeSchema } from '#app/validation/auth.ts'

export const meta: MetaFunction = () => [{ title: 'Ange koden – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const pending = readPendingSignIn(request)
  if (!pending) throw redirect('/logga-in')
  return { email: pending.email }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await requireValidMutation(request)
  const pending = readPendingSignIn(request)
  if (!pending) throw redirect('/logga-in')

  if (formData.get('intent') === 'resend') {
    await enforceIpRateLimit(request, 'sign-in-ip')
    await requestSignInCode({ email: pending.email, redirectTo: pending.redirectTo })
    return redirectWithFlash(
      request,
      '/logga-in/kod',
      { message: 'En ny kod är skickad. Den tidigare koden gäller inte längre.', tone: 'success' },
      { headers: { 'Set-Cookie': writePendingSignIn(request, pending.email, pending.redirectTo) } },
    )
  }

  await enforceIpRateLimit(request, 'verify-ip')
  const submission = parseWithZod(formData, { schema: CodeSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['code'] }) }, { status: 400 })
  }
  const result = await verifySignInCode(pending.email, submission.value.code)
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { code: [VERIFY_ERRORS[result.error]] }, hideFields: ['code'] }) }, { status: 400 })
  }
  return finishSignIn(request, result.email, pending.redirectTo)
}

export default function EnterCode() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'enter-code',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  })
  return (
    <div className="narrow">
      <h1>Ange koden</h1>
      <p>
        Vi har skickat en sexsiffrig kod och en inloggningslänk till <strong>{email}</strong>. Koden gäller i 10 minuter.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <Field
          label="Kod från e-postmeddelandet"
          className="code-field"
          autoComplete="one-time-code"
          inputMode="numeric"
          {...getInputProps(fields.code, { type: 'text' })}
          errors={fields.code.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" name="intent" value="verify">
          Logga in
        </button>
      </Form>
      <Form method="post" className="actions">
        <MutationFields />
        <button type="submit" name="intent" value="resend" className="secondary">
          Skicka en ny kod
        </button>
        <Link to="/logga-in">Använd en annan e-postadress</Link>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
