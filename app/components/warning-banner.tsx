import { Form, useLocation } from '@remix-run/react'
import { MutationFields } from './forms.tsx'

/** A moderator's warning, shown on every page until the member acknowledges it. */
export function WarningBanner({ warning }: { warning: { id: string; message: string; date: string } }) {
  const location = useLocation()
  return (
    <section className="notice notice-error" aria-labelledby="member-warning-title">
      <h2 id="member-warning-title">Varning från moderatorerna</h2>
      <p>{warning.message}</p>
      <p className="meta">Given {warning.date}. Du kan överklaga varningen från notisen om den.</p>
      <Form method="post" action={`/varningar/${warning.id}`}>
        <MutationFields />
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        <button type="submit">Jag har läst varningen</button>
      </Form>
    </section>
  )
}
