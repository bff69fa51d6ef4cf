import { type LoaderFunctionArgs } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { notFound } from '#app/utils/errors.server.ts'

/** Real 404s for unknown URLs; anonymous visitors are sent to sign in first (nothing is revealed). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  throw notFound()
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
