import type { SubmissionResult } from '@conform-to/react'
import { data } from '@remix-run/node'

/**
 * Turns a domain failure thrown by a service (a 4xx Response with a Swedish message) into
 * a form error on the page, so the user sees what went wrong next to what they did.
 */
export async function replyWithServiceError<Extra extends Record<string, unknown>>(
  error: unknown,
  reply: (options: { formErrors: string[] }) => SubmissionResult<string[]>,
  extra?: Extra,
) {
  if (error instanceof Response && error.status >= 400 && error.status < 500 && error.status !== 403) {
    const body = (await error
      .clone()
      .json()
      .catch(() => null)) as { message?: string } | null
    return data({ result: reply({ formErrors: [body?.message ?? 'Åtgärden kunde inte utföras.'] }), ...(extra as Extra) }, { status: error.status })
  }
  throw error
}
