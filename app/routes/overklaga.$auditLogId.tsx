import { contentKindOf, contentPhrase } from '#app/presenters/vocabulary.ts'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields, TextareaField } from '#app/components/forms.tsx'
import { getAppealableDecision, getAppellant } from '#app/models/appeal.server.ts'
import { createAppeal } from '#app/services/appeal.server.ts'
import { readAppealToken } from '#app/utils/appeal-token.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { formatDate } from '#app/utils/swedish.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { AppealLimits, AppealSchema } from '#app/validation/moderation.ts'

/**
 * Appealing a moderator's decision. Signed-in members come from the notification; the
 * decision e-mail's link carries a signed, expiring token naming the member and the decision,
 * so a suspended member (who cannot sign in) can appeal too. One appeal per decision.
 */
export const meta: MetaFunction = () => [{ title: 'Överklaga beslutet – Samverka' }]

// The token is in the URL: never send it on as a Referer, never cache the page.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' })

const TOKEN_PROBLEMS = {
  invalid: { status: 400, message: 'Länken fungerar inte. Kontrollera att du har kopierat hela länken från e-postbrevet.' },
  expired: { status: 410, message: 'Länken har slutat gälla. Kontakta moderatorerna om du vill överklaga beslutet.' },
} as const

/** The member appealing: from the link's token when there is one, otherwise signed in. */
async function findAppellant(request: Request, auditLogId: string) {
  const token = new URL(request.url).searchParams.get('token')
  if (token === null) {
    const member = await requireMember(request)
    return { ok: true, appellant: { id: member.id, name: member.name } } as const
  }
  const result = readAppealToken(token, auditLogId)
  const appellant = result.status === 'valid' ? await getAppellant(result.userId) : null
  if (appellant) return { ok: true, appellant } as const
  return { ok: false, problem: TOKEN_PROBLEMS[result.status === 'expired' ? 'expired' : 'invalid'] } as const
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auditLogId = params.auditLogId ?? ''
  const found = await findAppellant(request, auditLogId)
  if (!found.ok) return data({ problem: found.problem.message, decision: null, appeal: null }, { status: found.problem.status })
  const { appellant } = found
  const appealable = await getAppealableDecision(appellant.id, auditLogId)
  invariantResponse(appealable, 'Beslutet finns inte eller går inte att överklaga.')
  const { decision, appeal } = appealable
  const kind = contentKindOf(decision.targetType)
  return {
    problem: null,
    decision: {
      label: AUDIT_ACTIONS[decision.action as keyof typeof AUDIT_ACTIONS] ?? decision.action,
      about: kind ? contentPhrase(kind, 'yours', decision.targetName) : 'dig',
      date: formatDate(decision.createdAt),
      reason: decision.reason,
    },
    appeal: appeal ? { status: appeal.status, response: appeal.response, date: formatDate(appeal.createdAt) } : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auditLogId = params.auditLogId ?? ''
  const formData = await requireValidMutation(request)
  const found = await findAppellant(request, auditLogId)
  if (!found.ok) throw badRequest(found.problem.message)
  const submission = parseWithZod(formData, { schema: AppealSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    await createAppeal(found.appellant, { auditLogId, message: submission.value.message })
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  const url = new URL(request.url)
  return redirect(`${url.pathname}${url.search}`)
}

const APPEAL_STATUS = {
  open: 'Ditt överklagande har kommit in. En moderator prövar det och du får besked i Samverka och per e-post.',
  upheld: 'Ditt överklagande är prövat: beslutet står fast.',
  overturned: 'Ditt överklagande är prövat: beslutet är ändrat.',
} as const

export default function Appeal() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.result.error
  if (loaderData.decision === null) {
    return (
      <div className="narrow">
        <h1>Överklaga beslutet</h1>
        <p className="notice notice-error" role="alert">
          {loaderData.problem}
        </p>
      </div>
    )
  }
  const { decision, appeal } = loaderData
  return (
    <div className="narrow">
      <h1>Överklaga beslutet</h1>
      <section className="card" aria-labelledby="decision">
        <h2 id="decision">{decision.label}</h2>
        <p>
          Beslutet gäller {decision.about} och fattades {decision.date}.
        </p>
        {decision.reason ? <p>Motivering: {decision.reason}</p> : null}
      </section>
      {appeal ? (
        <div className={appeal.status === 'open' ? 'notice' : 'notice notice-success'} role="status">
          <p>{APPEAL_STATUS[appeal.status]}</p>
          {appeal.response ? <p>Moderatorns svar: {appeal.response}</p> : null}
        </div>
      ) : (
        <Form method="post">
          <MutationFields />
          <FormErrors errors={errors?.['']} />
          <TextareaField
            label="Varför borde beslutet ändras?"
            hint={`En moderator läser ditt överklagande och svarar. Högst ${AppealLimits.messageMax} tecken.`}
            name="message"
            id="appeal-message"
            rows={6}
            maxLength={AppealLimits.messageMax}
            required
            errors={errors?.message ?? undefined}
          />
          <button type="submit">Skicka överklagandet</button>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
