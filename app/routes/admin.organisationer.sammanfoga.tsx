import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { AdminNav } from '#app/components/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields, SelectField } from '#app/components/forms.tsx'
import { listOrganisationOptions } from '#app/models/organisation.server.ts'
import { mergeOrganisations, previewOrganisationMerge } from '#app/services/organisation-merge.server.ts'
import { requireAdmin } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { OrganisationMergeSchema } from '#app/validation/admin.ts'

export const meta: MetaFunction = () => [{ title: 'Slå ihop organisationer – Administration – Samverka' }]

/** Choosing the pair is a GET form (bort, behall); the preview then shows what would move. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const params = new URL(request.url).searchParams
  const removeId = params.get('bort') ?? ''
  const keepId = params.get('behall') ?? ''
  const organisations = await listOrganisationOptions()
  if (!removeId || !keepId) return { organisations, removeId, keepId, preview: null, error: null }
  try {
    const preview = await previewOrganisationMerge(admin, { removeId, keepId })
    return { organisations, removeId, keepId, preview, error: null }
  } catch (error) {
    if (!(error instanceof Response) || error.status === 403) throw error
    const { message } = (await error.json()) as { message: string }
    return data({ organisations, removeId, keepId, preview: null, error: message }, { status: error.status })
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: OrganisationMergeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const { keep } = await mergeOrganisations(admin, submission.value)
    return redirectWithFlash(request, '/admin/organisationer/sammanfoga', {
      message: 'Organisationerna är sammanslagna.',
      tone: 'success',
      link: { href: `/organisationer/${keep.slug}`, label: 'Visa den kvarvarande organisationen' },
    })
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
}

const COUNT_LABELS = [
  ['members', 'Medlemmar'],
  ['pendingMembers', 'varav väntande medlemmar'],
  ['posts', 'Inlägg (projekt, frågor, material)'],
  ['participations', 'Deltaganden i projekt'],
  ['follows', 'Följare'],
  ['domains', 'E-postdomäner'],
  ['requests', 'Organisationsbegäranden'],
] as const

export default function MergeOrganisations() {
  const { organisations, removeId, keepId, preview, error } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const options = [{ value: '', label: 'Välj organisation' }, ...organisations.map((org) => ({ value: org.id, label: org.name }))]
  return (
    <>
      <h1>Slå ihop organisationer</h1>
      <AdminNav />
      <p>
        Medlemmar, inlägg, deltaganden, följare, domäner och organisationsbegäranden flyttas till organisationen som behålls. Den andra organisationens adress
        leder sedan dit. Sammanslagningen kan inte ångras.
      </p>
      <Form method="get" className="narrow">
        <SelectField label="Organisation som tas bort" name="bort" id="merge-remove" options={options} defaultValue={removeId} />
        <SelectField label="Organisation som behålls" name="behall" id="merge-keep" options={options} defaultValue={keepId} />
        <button type="submit">Förhandsgranska</button>
      </Form>
      {error ? (
        <div className="form-errors" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {preview ? (
        <section aria-labelledby="merge-preview">
          <h2 id="merge-preview">
            {preview.remove.name} slås ihop med {preview.keep.name}
          </h2>
          <p>Det här flyttas från {preview.remove.name}:</p>
          <dl className="facts">
            {COUNT_LABELS.map(([key, label]) => (
              <Fragment key={key}>
                <dt>{label}</dt>
                <dd>{preview.counts[key]}</dd>
              </Fragment>
            ))}
          </dl>
          <FormErrors errors={actionData?.result.error?.['']} />
          <Form method="post" className="narrow">
            <MutationFields />
            <input type="hidden" name="removeId" value={preview.remove.id} />
            <input type="hidden" name="keepId" value={preview.keep.id} />
            <Field label="Motivering" name="reason" id="merge-reason" errors={actionData?.result.error?.reason} />
            <button type="submit" className="danger">
              Slå ihop organisationerna
            </button>
          </Form>
        </section>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
