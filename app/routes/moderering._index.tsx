import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, Field, MutationFields, SelectField } from '#app/components/forms.tsx'
import { ModerationNav } from '#app/components/moderation-nav.tsx'
import { ReportCard } from '#app/components/report-card.tsx'
import { AppealCard } from '#app/components/appeal-card.tsx'
import { listOpenAppeals } from '#app/models/appeal.server.ts'
import { presentAppeal } from '#app/presenters/appeal.server.ts'
import { decideAppeal } from '#app/services/appeal.server.ts'
import { getModerationQueue, listReportCards } from '#app/models/moderation.server.ts'
import { decideMember } from '#app/services/member-moderation.server.ts'
import { approveOrganisationRequest, rejectOrganisationRequest } from '#app/services/organisation-request.server.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { decodeCursor, encodeCursor } from '#app/utils/cursor.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { OrganisationTypeLabels } from '#app/validation/auth.ts'
import { AppealDecisionSchema, MemberDecisionSchema, OrganisationRequestDecisionSchema } from '#app/validation/moderation.ts'

export const meta: MetaFunction = () => [{ title: 'Moderering – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const after = decodeCursor(new URL(request.url).searchParams.get('efter'), ['firstReportedAt', 'targetType', 'targetId'] as const)
  const appealsAfter = decodeCursor(new URL(request.url).searchParams.get('overklaganden-efter'), ['createdAt', 'id'] as const)
  const [queue, reports, appeals] = await Promise.all([getModerationQueue(), listReportCards(after), listOpenAppeals(appealsAfter)])
  return {
    reportCards: reports.cards.map(({ body: _body, reports: list, ...card }) => ({
      ...card,
      reports: list.map((report) => ({ ...report, when: formatDateTime(report.createdAt) })),
    })),
    nextReports: reports.next ? encodeCursor(reports.next) : null,
    appeals: appeals.appeals.map(presentAppeal),
    nextAppeals: appeals.next ? encodeCursor(appeals.next) : null,
    organisationRequests: queue.organisationRequests.map((item) => ({ ...item, createdAt: formatDateTime(item.createdAt) })),
    pendingMembers: queue.pendingMembers.map((item) => ({ ...item, createdAt: formatDateTime(item.createdAt) })),
  }
}

/** Back to the queue, which says what was done. */
const done = (request: Request, message: string) => redirectWithFlash(request, '/moderering', { message, tone: 'success' })

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const formData = await requireValidMutation(request)
  const intent = formData.get('intent')

  if (intent === 'approve-organisation' || intent === 'reject-organisation') {
    const submission = parseWithZod(formData, { schema: OrganisationRequestDecisionSchema })
    if (submission.status !== 'success') {
      return data({ result: submission.reply(), target: String(formData.get('requestId')), intent }, { status: 400 })
    }
    const value = submission.value
    try {
      if (value.intent === 'approve-organisation') {
        await approveOrganisationRequest(moderator, value)
        return done(request, 'Organisationen är godkänd och de väntande medlemmarna är aktiverade.')
      }
      await rejectOrganisationRequest(moderator, value)
      return done(request, 'Begäran är avslagen och de sökande har fått besked.')
    } catch (error) {
      return replyWithServiceError(error, submission.reply)
    }
  }

  if (intent === 'appeal-uphold' || intent === 'appeal-overturn') {
    const submission = parseWithZod(formData, { schema: AppealDecisionSchema })
    if (submission.status !== 'success') {
      return data({ result: submission.reply(), target: String(formData.get('appealId')), intent }, { status: 400 })
    }
    const outcome = submission.value.intent === 'appeal-uphold' ? 'upheld' : 'overturned'
    try {
      await decideAppeal(moderator, { appealId: submission.value.appealId, outcome, response: submission.value.response })
    } catch (error) {
      return replyWithServiceError(error, submission.reply)
    }
    return done(
      request,
      outcome === 'upheld'
        ? 'Överklagandet är avgjort: beslutet står fast. Medlemmen har fått besked.'
        : 'Överklagandet är avgjort: beslutet är ändrat. Medlemmen har fått besked.',
    )
  }

  const submission = parseWithZod(formData, { schema: MemberDecisionSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), target: String(formData.get('userId')), intent }, { status: 400 })
  }
  const { userId, intent: decision, reason } = submission.value
  if (decision !== 'approve' && decision !== 'reject') throw new Response('Okänd åtgärd', { status: 400 })
  try {
    await decideMember(moderator, { userId, decision, reason })
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  return done(request, decision === 'approve' ? 'Medlemmen är godkänd.' : 'Medlemmen är avslagen.')
}

const typeOptions = Object.entries(OrganisationTypeLabels).map(([value, label]) => ({ value, label }))

type ActionData = { result?: { error?: Record<string, string[] | null> | null }; target?: string; intent?: unknown } | undefined

/** Field errors belong to the one form (item + intent) that was submitted. */
function errorsFor(actionData: ActionData, target: string, intents: readonly string[], field: string) {
  if (actionData?.target !== target || !intents.includes(String(actionData.intent))) return undefined
  return actionData.result?.error?.[field] ?? undefined
}

const APPROVE = ['approve-organisation'] as const
const REJECT = ['reject-organisation'] as const
const MEMBER = ['approve', 'reject'] as const
const APPEAL = ['appeal-uphold', 'appeal-overturn'] as const

export default function ModerationQueue() {
  const { reportCards, nextReports, appeals, nextAppeals, organisationRequests, pendingMembers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData
  return (
    <>
      <h1>Moderering</h1>
      <ModerationNav />
      <FormErrors errors={actionData?.result?.error?.['']} />

      <QueueSection
        id="reports"
        title="Anmälningar"
        empty="Inga öppna anmälningar."
        items={reportCards}
        itemKey={(card) => `${card.targetType}:${card.targetId}`}
        more={nextReports ? { to: `/moderering?efter=${nextReports}`, label: 'Fler anmälningar' } : null}
      >
        {(card) => <ReportCard card={card} redirectTo="/moderering" />}
      </QueueSection>

      <QueueSection
        id="appeals"
        title="Överklaganden"
        empty="Inga öppna överklaganden."
        items={appeals}
        itemKey={(appeal) => appeal.id}
        more={nextAppeals ? { to: `/moderering?overklaganden-efter=${nextAppeals}`, label: 'Fler överklaganden' } : null}
      >
        {(appeal) => <AppealCard appeal={appeal} errors={errorsFor(actionData, appeal.id, APPEAL, 'response')} />}
      </QueueSection>

      <QueueSection
        id="pending-organisations"
        title="Organisationer som väntar"
        empty="Inga organisationer väntar."
        items={organisationRequests}
        itemKey={(item) => item.id}
      >
        {(item) => (
          <article className="card" aria-labelledby={`request-${item.id}`}>
            <h3 id={`request-${item.id}`}>{item.name}</h3>
            <p className="meta">
              Domän <strong>{item.domain}</strong> · {OrganisationTypeLabels[item.type]} · begärd {item.createdAt}
              {item.requestedBy ? ` av ${item.requestedBy.name} (${item.requestedBy.email})` : ''} ·{' '}
              {item._count.waiters === 1 ? '1 person väntar' : `${item._count.waiters} personer väntar`}
            </p>
            <p>
              <strong>Motivering:</strong> {item.motivation}
            </p>
            <Form method="post">
              <MutationFields />
              <input type="hidden" name="requestId" value={item.id} />
              <Field
                label="Namn i registret"
                name="name"
                id={`name-${item.id}`}
                defaultValue={item.name}
                errors={errorsFor(actionData, item.id, APPROVE, 'name')}
              />
              <SelectField
                label="Typ"
                name="type"
                id={`type-${item.id}`}
                options={typeOptions}
                defaultValue={item.type}
                errors={errorsFor(actionData, item.id, APPROVE, 'type')}
              />
              <Field label="Län (frivilligt)" name="county" id={`county-${item.id}`} errors={errorsFor(actionData, item.id, APPROVE, 'county')} />
              <Field
                label="Motivering till beslut (frivillig vid godkännande)"
                name="reason"
                id={`approve-reason-${item.id}`}
                errors={errorsFor(actionData, item.id, APPROVE, 'reason')}
              />
              <button type="submit" name="intent" value="approve-organisation">
                Godkänn organisation
              </button>
            </Form>
            <Form method="post" className="actions">
              <MutationFields />
              <input type="hidden" name="requestId" value={item.id} />
              <Field label="Motivering till avslag" name="reason" id={`reject-reason-${item.id}`} errors={errorsFor(actionData, item.id, REJECT, 'reason')} />
              <button type="submit" name="intent" value="reject-organisation" className="danger">
                Avslå begäran
              </button>
            </Form>
          </article>
        )}
      </QueueSection>

      <QueueSection id="pending-members" title="Medlemmar som väntar" empty="Inga medlemmar väntar." items={pendingMembers} itemKey={(member) => member.id}>
        {(member) => (
          <article className="card" aria-labelledby={`member-${member.id}`}>
            <h3 id={`member-${member.id}`}>
              <Link to={`/medlemmar/${member.id}`}>{member.name}</Link>
            </h3>
            <p className="meta">
              {member.title ? `${member.title}, ` : ''}
              {member.organisation?.name} · {member.email} · registrerad {member.createdAt}
            </p>
            <Form method="post" className="actions">
              <MutationFields />
              <input type="hidden" name="userId" value={member.id} />
              <Field label="Motivering" name="reason" id={`member-reason-${member.id}`} errors={errorsFor(actionData, member.id, MEMBER, 'reason')} />
              <button type="submit" name="intent" value="approve">
                Godkänn medlem
              </button>
              <button type="submit" name="intent" value="reject" className="danger">
                Avslå medlem
              </button>
            </Form>
          </article>
        )}
      </QueueSection>
    </>
  )
}

/** One part of the queue: heading, "nothing waiting", the cards, and the link to more. */
function QueueSection<T>({
  id,
  title,
  empty,
  items,
  itemKey,
  more = null,
  children,
}: {
  id: string
  title: string
  empty: string
  items: T[]
  itemKey: (item: T) => string
  more?: { to: string; label: string } | null
  children: (item: T) => ReactNode
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? <p>{empty}</p> : null}
      <ul className="card-list">
        {items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
      {more ? (
        <p>
          <Link to={more.to}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
