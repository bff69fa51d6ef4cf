import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields, SubmissionKeyField } from '#app/components/forms.tsx'
import { ProjectFields } from '#app/components/post-forms.tsx'
import { SimilarContentPanel } from '#app/components/similar-content-panel.tsx'
import { getOrganisationName } from '#app/models/organisation.server.ts'
import { handlePostForm } from '#app/routes/post-form.server.ts'
import { createProject } from '#app/services/post.server.ts'
import { requireActor, requireMember } from '#app/utils/auth.server.ts'
import { newSubmissionKey } from '#app/utils/submission-key.server.ts'
import { ProjectSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Nytt projekt – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  return { owner: await getOrganisationName(member.organisationId), submissionKey: newSubmissionKey() }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  return handlePostForm(request, actor.id, ProjectSchema, async (value, uploads) => {
    const project = await createProject(actor, value, uploads)
    return `/projekt/${project.id}`
  })
}

export default function NewProject() {
  const { owner, submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ProjectSchema>>({
    id: 'new-project',
    lastResult: actionData?.result,
    defaultValue: { projectStatus: 'ongoing' },
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="narrow-wide">
      <h1>Nytt projekt</h1>
      <p>Berätta om ett projekt så att andra kan hitta det, lära av det eller haka på.</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <MutationFields />
        <SubmissionKeyField value={submissionKey} />
        <ProjectFields fields={fields} owner={owner} canChangeSharing body={null} existingFiles={[]} afterTitle={<SimilarContentPanel formId={form.id} />} />
        <FormErrors errors={form.errors} />
        <button type="submit">Publicera projektet</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
