import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { MutationFields } from '#app/components/forms.tsx'
import { finishSignIn, VERIFY_ERRORS, verifySignInLink } from '#app/services/sign-in.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { enforceIpRateLimit } from '#app/utils/rate-limit.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'

export const meta: MetaFunction = () => [{ title: 'Logga in med länk – Samverka' }]

/**
 * The e-mailed link opens a page with one button: following a link (GET) never signs in,
 * so mail scanners that open links cannot use up the single-use token.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const params = new URL(request.url).searchParams
  return { token: params.get('token') ?? '', redirectTo: safeRedirect(params.get('redirectTo'), '') }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await requireValidMutation(request)
  await enforceIpRateLimit(request, 'verify-ip')
  const token = String(formData.get('token') ?? '')
  const result = await verifySignInLink(token)
  if (!result.ok) return data({ error: VERIFY_ERRORS[result.error] }, { status: 400 })
  return finishSignIn(request, result.email, safeRedirect(formData.get('redirectTo'), '') || undefined)
}

export default function SignInWithLink() {
  const { token, redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="narrow">
      <h1>Logga in med länk</h1>
      {actionData?.error ? (
        <div className="form-errors" role="alert">
          <p>{actionData.error}</p>
          <p>
            <Link to="/logga-in">Be om en ny kod</Link>
          </p>
        </div>
      ) : token ? (
        <>
          <p>Klicka på knappen för att logga in på Samverka.</p>
          <Form method="post">
            <MutationFields />
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit">Logga in</button>
          </Form>
        </>
      ) : (
        <p>
          Länken är ofullständig. <Link to="/logga-in">Be om en ny kod</Link>.
        </p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
