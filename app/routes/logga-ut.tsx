import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { signOutToSignIn } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  await requireValidMutation(request)
  return signOutToSignIn(request)
}
