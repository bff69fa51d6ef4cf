import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Field, FormErrors, type ListOfErrors, MutationFields, TextareaField } from './forms.tsx'
import type { ModerationHistoryView } from '#app/presenters/member-moderation.server.ts'

/**
 * The member page's "Moderering" section, for moderators only: status, the member's history
 * (decisions, warnings, reports about them and their content, appeals) and the actions
 * (warn, suspend, reinstate) the moderator may take.
 */
type Props = {
  member: { id: string; status: string; statusLabel?: string; statusReason?: string | null }
  history: ModerationHistoryView
  canAct: boolean
  errors: Record<string, ListOfErrors> | null | undefined
}

function HistoryList<T extends { id: string }>({
  title,
  id,
  items,
  empty,
  render,
}: {
  title: string
  id: string
  items: T[]
  empty: string
  render: (item: T) => ReactNode
}) {
  return (
    <>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="card-list" aria-labelledby={id}>
          {items.map((item) => (
            <li key={item.id} className="card">
              {render(item)}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function MemberModeration({ member, history, canAct, errors }: Props) {
  const active = member.status === 'active'
  return (
    <section aria-labelledby="moderation" className="card">
      <h2 id="moderation">Moderering</h2>
      <p>
        Status: <strong>{member.statusLabel}</strong>
        {member.status === 'suspended' ? ` ${history.suspendedUntil ? `till och med ${history.suspendedUntil}` : 'tills vidare'}` : ''}
        {member.statusReason ? ` – ${member.statusReason}` : ''}
      </p>
      <FormErrors errors={errors?.['']} />
      {canAct && active ? (
        <Form method="post" aria-labelledby="warn-title">
          <h3 id="warn-title">Varna</h3>
          <MutationFields />
          <input type="hidden" name="userId" value={member.id} />
          <TextareaField
            label="Varningens text"
            hint="Medlemmen ser varningen överst på varje sida tills hen har läst den, och får den per e-post."
            name="message"
            id="warn-message"
            errors={errors?.message}
          />
          <button type="submit" name="intent" value="warn">
            Varna medlemmen
          </button>
        </Form>
      ) : null}
      {canAct && (active || member.status === 'pending') ? (
        <Form method="post" aria-labelledby="suspend-title">
          <h3 id="suspend-title">Stäng av</h3>
          <MutationFields />
          <input type="hidden" name="userId" value={member.id} />
          <TextareaField
            label="Motivering för avstängning"
            hint="Medlemmen får motiveringen i appen och per e-post."
            name="reason"
            id="suspend-reason"
            errors={errors?.reason}
          />
          <Field
            label="Avstängd till och med (frivilligt)"
            hint="Lämna tomt för en avstängning tills vidare."
            name="until"
            id="suspend-until"
            type="date"
            errors={errors?.until}
          />
          <button type="submit" name="intent" value="suspend" className="danger">
            Stäng av medlem
          </button>
        </Form>
      ) : null}
      {canAct && (member.status === 'suspended' || member.status === 'rejected') ? (
        <Form method="post" aria-labelledby="reinstate-title">
          <h3 id="reinstate-title">Återinsätt</h3>
          <MutationFields />
          <input type="hidden" name="userId" value={member.id} />
          <TextareaField label="Motivering (frivillig)" name="reason" id="reinstate-reason" errors={errors?.reason} />
          <button type="submit" name="intent" value="reinstate">
            Återaktivera medlem
          </button>
        </Form>
      ) : null}
      <HistoryList
        title="Beslut om medlemmen"
        id="history-decisions"
        items={history.decisions}
        empty="Inga beslut."
        render={(item) => (
          <>
            <p>
              <strong>{item.label}</strong> · {item.when} · {item.actorName}
            </p>
            {item.reason ? <p>Motivering: {item.reason}</p> : null}
          </>
        )}
      />
      <HistoryList
        title="Varningar"
        id="history-warnings"
        items={history.warnings}
        empty="Inga varningar."
        render={(item) => (
          <>
            <p className="meta">
              {item.when} · {item.moderatorName} · {item.acknowledged ? `läst ${item.acknowledged}` : 'inte läst ännu'}
            </p>
            <p>{item.message}</p>
          </>
        )}
      />
      <HistoryList
        title="Anmälningar om medlemmen och hens innehåll"
        id="history-reports"
        items={history.reports}
        empty="Inga anmälningar."
        render={(item) => (
          <>
            <p>
              <strong>{item.target}</strong>: {item.reason} · {item.when} · {item.status}
            </p>
            {item.details ? <p>{item.details}</p> : null}
            {item.resolution ? <p>Beslut: {item.resolution}</p> : null}
          </>
        )}
      />
      <HistoryList
        title="Överklaganden"
        id="history-appeals"
        items={history.appeals}
        empty="Inga överklaganden."
        render={(item) => (
          <>
            <p>
              <strong>{item.status}</strong> · {item.when}
            </p>
            <p>{item.message}</p>
            {item.response ? <p>Svar: {item.response}</p> : null}
          </>
        )}
      />
    </section>
  )
}
