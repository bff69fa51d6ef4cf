import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CheckboxField, Field, FormErrors, MutationFields, SelectField } from '#app/components/forms.tsx'
import { ModerationNav } from '#app/components/moderation-nav.tsx'
import { getOrganisationForEditing } from '#app/models/organisation.server.ts'
import { addOrganisationDomain, removeOrganisationDomain, updateOrganisation } from '#app/services/organisation.server.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { OrganisationTypeLabels } from '#app/validation/auth.ts'
import { OrganisationEditSchema } from '#app/validation/moderation.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Redigera ${data?.organisation.name ?? 'organisation'} – Samverka` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireModerator(request)
  const organisation = await getOrganisationForEditing(params.organisationId ?? '')
  invariantResponse(organisation, 'Organisationen finns inte.')
  return { organisation }
}

const SAVED = { update: 'Organisationen är sparad.', 'add-domain': 'Domänen är tillagd.', 'remove-domain': 'Domänen är borttagen.' } as const

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const formData = await requireValidMutation(request)
  const organisationId = params.organisationId ?? ''
  const submission = parseWithZod(formData, { schema: OrganisationEditSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), intent: String(formData.get('intent')) }, { status: 400 })
  }
  const value = submission.value
  try {
    if (value.intent === 'update') await updateOrganisation(moderator, { organisationId, ...value })
    else if (value.intent === 'add-domain') await addOrganisationDomain(moderator, { organisationId, ...value })
    else await removeOrganisationDomain(moderator, { organisationId, ...value })
  } catch (error) {
    return replyWithServiceError(error, submission.reply, { intent: value.intent })
  }
  return redirectWithFlash(request, `/moderering/organisationer/${organisationId}`, { message: SAVED[value.intent], tone: 'success' })
}

const typeOptions = Object.entries(OrganisationTypeLabels).map(([value, label]) => ({ value, label }))

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errorsFor = (intent: string, field: string) =>
    actionData && 'intent' in actionData && actionData.intent === intent ? (actionData.result.error?.[field] ?? undefined) : undefined
  return (
    <>
      <h1>Redigera {organisation.name}</h1>
      <ModerationNav />
      <p>
        <Link to={`/organisationer/${organisation.slug}`}>Visa organisationens sida</Link>
      </p>
      <FormErrors errors={actionData?.result.error?.['']} />
      <section aria-labelledby="details" className="narrow">
        <h2 id="details">Uppgifter</h2>
        <Form method="post">
          <MutationFields />
          <Field label="Namn" name="name" id="org-name" defaultValue={organisation.name} errors={errorsFor('update', 'name')} />
          <SelectField label="Typ" name="type" id="org-type" options={typeOptions} defaultValue={organisation.type} errors={errorsFor('update', 'type')} />
          <Field label="Län (frivilligt)" name="county" id="org-county" defaultValue={organisation.county ?? ''} errors={errorsFor('update', 'county')} />
          <CheckboxField
            label="Verifierad"
            hint="Nya medlemmar med organisationens domän blir aktiva direkt, om inte manuellt godkännande krävs."
            name="verified"
            id="org-verified"
            defaultChecked={organisation.verified}
          />
          <CheckboxField label="Manuellt godkännande av nya medlemmar" name="manualApproval" id="org-manual" defaultChecked={organisation.manualApproval} />
          <Field label="Motivering (frivillig)" name="reason" id="org-reason" errors={errorsFor('update', 'reason')} />
          <button type="submit" name="intent" value="update">
            Spara organisationen
          </button>
        </Form>
      </section>
      <section aria-labelledby="domains" className="narrow">
        <h2 id="domains">E-postdomäner</h2>
        {organisation.domains.length === 0 ? <p>Organisationen har inga domäner.</p> : null}
        <ul className="card-list">
          {organisation.domains.map((domain) => (
            <li key={domain.id} className="card">
              <Form method="post" className="actions">
                <MutationFields />
                <input type="hidden" name="domainId" value={domain.id} />
                <strong>{domain.domain}</strong>
                <button type="submit" name="intent" value="remove-domain" className="secondary" aria-label={`Ta bort domänen ${domain.domain}`}>
                  Ta bort
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post">
          <MutationFields />
          <Field
            label="Ny domän"
            hint="Till exempel kommun.example.se. Underdomäner räknas också."
            name="domain"
            id="new-domain"
            errors={errorsFor('add-domain', 'domain')}
          />
          <Field label="Motivering (frivillig)" name="reason" id="domain-reason" />
          <button type="submit" name="intent" value="add-domain">
            Lägg till domän
          </button>
        </Form>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
