import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields } from '#app/components/forms.tsx'
import { ProjectFields } from '#app/components/post-forms.tsx'
import { formatFileSize } from '#app/components/post-page.tsx'
import type { RichTextDocument } from '#app/editor/document.ts'
import { listOrganisationOptions } from '#app/models/organisation.server.ts'
import { getPost } from '#app/models/post.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canEditPost } from '#app/policies/content.ts'
import { editProject } from '#app/services/post.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { handlePostForm } from '#app/utils/post-form.server.ts'
import { ProjectSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Redigera projektet – Samverka' }]

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const post = await getPost(params.postId ?? '', 'project', actor)
  invariantResponse(post, 'Projektet finns inte.')
  authorize(canEditPost(actor, post), 'Du kan inte redigera projektet.')
  return {
    id: post.id,
    body: post.body as RichTextDocument,
    files: post.files.map((file) => ({ id: file.id, originalName: file.originalName, size: formatFileSize(file.size) })),
    organisations: await listOrganisationOptions(),
    defaults: {
      title: post.title,
      projectStatus: post.projectStatus ?? 'ongoing',
      startDate: isoDate(post.startDate),
      endDate: isoDate(post.endDate),
      organisationId: post.organisationId ?? '',
      participants: post.participants.map((organisation) => organisation.name).join('\n'),
      contactName: post.contactName ?? '',
      contactEmail: post.contactEmail ?? '',
      seekingPartners: post.seekingPartners ? 'on' : undefined,
      shareEditing: post.shareEditing ? 'on' : undefined,
      links: post.links.map((link) => `${link.label} | ${link.url}`).join('\n'),
      tags: post.tags.join(', '),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const postId = params.postId ?? ''
  return handlePostForm(request, actor.id, ProjectSchema, async (value, uploads, removeFileIds) => {
    await editProject(actor, postId, value, uploads, removeFileIds)
    return `/projekt/${postId}`
  })
}

export default function EditProject() {
  const { id, body, files, organisations, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ProjectSchema>>({ id: 'edit-project', lastResult: actionData?.result, defaultValue: defaults, shouldValidate: 'onSubmit' })
  return (
    <div className="narrow-wide">
      <h1>Redigera projektet</h1>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <MutationFields />
        <ProjectFields fields={fields} organisations={organisations} body={body} existingFiles={files} />
        <FormErrors errors={form.errors} />
        <div className="actions">
          <button type="submit">Spara ändringarna</button>
          <Link to={`/projekt/${id}`}>Avbryt</Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
