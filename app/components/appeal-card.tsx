import { Form, Link } from '@remix-run/react'
import { type ListOfErrors, MutationFields, TextareaField } from './forms.tsx'
import type { AppealCardView } from '#app/presenters/appeal.server.ts'

/** An open appeal in the moderation queue: the decision, the member's message, and the two outcomes. */
export function AppealCard({ appeal, errors }: { appeal: AppealCardView; errors?: ListOfErrors }) {
  const titleId = `appeal-${appeal.id}`
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link to={`/medlemmar/${appeal.member.id}`}>{appeal.member.name}</Link> överklagar{' '}
        {appeal.decision ? `”${appeal.decision.label}”` : 'ett beslut som inte längre finns'}
      </h3>
      {appeal.decision ? (
        <p className="meta">
          {appeal.decision.target} · beslut av {appeal.decision.by} {appeal.decision.when}
          {appeal.decision.reason ? ` · motivering: ${appeal.decision.reason}` : ''}
        </p>
      ) : null}
      <p className="meta">Överklagat {appeal.when}</p>
      <blockquote>
        <p>{appeal.message}</p>
      </blockquote>
      <Form method="post">
        <MutationFields />
        <input type="hidden" name="appealId" value={appeal.id} />
        <TextareaField
          label="Svar till medlemmen"
          hint="Medlemmen får svaret i appen och per e-post."
          name="response"
          id={`appeal-response-${appeal.id}`}
          errors={errors}
        />
        <div className="actions">
          <button type="submit" name="intent" value="appeal-uphold">
            Beslutet står fast
          </button>
          <button type="submit" name="intent" value="appeal-overturn">
            Ändra beslutet
          </button>
        </div>
      </Form>
    </article>
  )
}
