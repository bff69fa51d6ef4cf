import { CONTENT_KIND_WORDS, CONTENT_STATUS_LABELS } from '#app/presenters/vocabulary.ts'
import { Form, Link } from '@remix-run/react'
import { moderationPath } from './content-moderation.tsx'
import { FormErrors, MutationFields, TextareaField, type ListOfErrors } from './forms.tsx'
import { postPath } from '#app/presenters/post-type.ts'

/**
 * A reported (or moderated) post, answer, comment or member as moderators see it: what it
 * is, its author, the open reports (counted by reason, with the reporters and their texts)
 * and one form whose buttons dismiss the reports or hide, delete or restore the content.
 * Used by the queue and by /moderering/innehall.
 */
export type ReportCardView = {
  targetType: 'post' | 'answer' | 'comment' | 'member'
  targetId: string
  title: string
  excerpt: string
  status: 'visible' | 'hidden' | 'deleted'
  statusReason: string | null
  author: { id: string; name: string } | null
  post: { id: string; type: 'question' | 'project' | 'artifact' } | null
  reportCount: number
  reasons: Array<{ reason: string; label: string; count: number }>
  reports: Array<{ reason: string; details: string; when: string; reporter: { id: string; name: string } | null }>
}

function targetHref(card: ReportCardView) {
  if (card.targetType === 'member' || !card.post) return `/medlemmar/${card.targetId}`
  const path = postPath(card.post)
  if (card.targetType === 'answer') return `${path}#svar-${card.targetId}`
  if (card.targetType === 'comment') return `${path}#kommentar-${card.targetId}`
  return path
}

export function ReportCard({
  card,
  redirectTo,
  errors,
}: {
  card: ReportCardView
  redirectTo: string
  errors?: { reason?: ListOfErrors; form?: ListOfErrors }
}) {
  const headingId = `report-${card.targetType}-${card.targetId}`
  const isContent = card.targetType !== 'member'
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {CONTENT_KIND_WORDS[card.targetType].label}: <Link to={targetHref(card)}>{card.title}</Link>
      </h3>
      <p className="meta">
        {card.targetType === 'member' ? null : (
          <>Av {card.author ? <Link to={`/medlemmar/${card.author.id}`}>{card.author.name}</Link> : 'tidigare medlem'} · </>
        )}
        {card.reportCount === 1 ? '1 anmälan' : `${card.reportCount} anmälningar`}
        {card.status !== 'visible' ? (
          <>
            {' · '}
            <span className="badge badge-warning">{CONTENT_STATUS_LABELS[card.status]}</span>
            {card.statusReason ? ` ${card.statusReason}` : ''}
          </>
        ) : null}
      </p>
      {card.excerpt ? <blockquote className="report-excerpt">{card.excerpt}</blockquote> : null}
      {card.reasons.length > 0 ? (
        <ul aria-label="Anledningar" className="tag-list">
          {card.reasons.map((reason) => (
            <li key={reason.reason} className="badge">
              {reason.label}: {reason.count}
            </li>
          ))}
        </ul>
      ) : null}
      {card.reports.length > 0 ? (
        <details>
          <summary>Anmälningarna</summary>
          <ul>
            {card.reports.map((report, index) => (
              <li key={index}>
                {report.reporter ? <Link to={`/medlemmar/${report.reporter.id}`}>{report.reporter.name}</Link> : 'Tidigare medlem'} ({report.when}):{' '}
                {report.reason}
                {report.details ? ` – ${report.details}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Form method="post" action={moderationPath(card.targetType, card.targetId)}>
        <MutationFields />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextareaField
          label="Motivering"
          hint={isContent ? 'Skickas till den som skrev innehållet (utom vid avfärdande).' : 'Sparas i granskningsloggen.'}
          name="reason"
          id={`reason-${card.targetType}-${card.targetId}`}
          rows={2}
          errors={errors?.reason}
        />
        <FormErrors errors={errors?.form} />
        <div className="actions">
          {card.reportCount > 0 ? (
            <button type="submit" name="intent" value="dismiss" className="secondary">
              Avfärda
            </button>
          ) : null}
          {isContent && card.status === 'visible' ? (
            <button type="submit" name="intent" value="hide">
              Dölj
            </button>
          ) : null}
          {isContent && card.status !== 'deleted' ? (
            <button type="submit" name="intent" value="delete" className="danger">
              Ta bort
            </button>
          ) : null}
          {isContent && card.status !== 'visible' ? (
            <button type="submit" name="intent" value="restore">
              Återställ
            </button>
          ) : null}
          {isContent && card.status !== 'deleted' && redirectTo !== moderationPath(card.targetType, card.targetId) ? (
            <Link to={`${moderationPath(card.targetType, card.targetId)}#redigera`}>Redigera</Link>
          ) : null}
          {card.targetType === 'member' ? <Link to={`/medlemmar/${card.targetId}`}>Varna eller stäng av</Link> : null}
        </div>
      </Form>
    </article>
  )
}
