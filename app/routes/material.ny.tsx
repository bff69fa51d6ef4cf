import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields, SubmissionKeyField } from '#app/components/forms.tsx'
import { ArtifactFields } from '#app/components/post-forms.tsx'
import { SimilarContentPanel } from '#app/components/similar-content-panel.tsx'
import { getOrganisationName } from '#app/models/organisation.server.ts'
import { handlePostForm } from '#app/routes/post-form.server.ts'
import { createArtifact } from '#app/services/post.server.ts'
import { requireActor, requireMember } from '#app/utils/auth.server.ts'
import { newSubmissionKey } from '#app/utils/submission-key.server.ts'
import { ArtifactSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Dela material – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  return { owner: await getOrganisationName(member.organisationId), submissionKey: newSubmissionKey() }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  return handlePostForm(request, actor.id, ArtifactSchema, async (value, uploads) => {
    const artifact = await createArtifact(actor, value, uploads)
    return `/material/${artifact.id}`
  })
}

export default function NewArtifact() {
  const { owner, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ArtifactSchema>>({
    id: 'new-artifact',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="narrow-wide">
      <h1>Dela material</h1>
      <p>Dela en mall, ett upphandlingsunderlag, kod, data eller en guide som andra kan återanvända.</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <MutationFields />
        <SubmissionKeyField value={submissionKey} />
        <ArtifactFields fields={fields} owner={owner} body={null} existingFiles={[]} afterTitle={<SimilarContentPanel formId={form.id} />} />
        <FormErrors errors={form.errors} />
        <button type="submit">Publicera materialet</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
