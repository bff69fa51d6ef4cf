import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, Field, MutationFields } from '#app/components/forms.tsx'
import { requestSignInCode, SIGN_IN_ERRORS } from '#app/services/sign-in.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { enforceIpRateLimit } from '#app/utils/rate-limit.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { writePendingSignIn } from '#app/utils/sign-in-state.server.ts'
import { SignInSchema } from '#app/validation/auth.ts'

export const meta: MetaFunction = () => [{ title: 'Logga in – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '') }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await requireValidMutation(request)
  await enforceIpRateLimit(request, 'sign-in-ip')
  const submission = parseWithZod(formData, { schema: SignInSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const redirectTo = safeRedirect(submission.value.redirectTo, '')
  const result = await requestSignInCode({
    email: submission.value.email,
    redirectTo: redirectTo || undefined,
  })
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { email: [SIGN_IN_ERRORS[result.error]] } }) }, { status: 400 })
  }
  return redirect('/logga-in/kod', {
    headers: { 'Set-Cookie': writePendingSignIn(request, result.email, redirectTo || undefined) },
  })
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sign-in',
    constraint: getZodConstraint(SignInSchema),
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  })
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <p>
        Samverka är en sluten mötesplats för dig som arbetar i en kommun, en region eller en myndighet. Skriv din e-postadress i jobbet så skickar vi en
        engångskod och en inloggningslänk. Är du ny skapas ditt konto på vägen.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label="E-postadress i jobbet"
          hint="Till exempel anna.svensson@malmo.se"
          autoComplete="email"
          {...getInputProps(fields.email, { type: 'email' })}
          errors={fields.email.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Skicka kod
        </button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
