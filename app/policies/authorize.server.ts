import { forbidden } from '#app/utils/errors.server.ts'

/** Throws a 403 Response unless the policy allows it. Used at the top of every service. */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message)
}
