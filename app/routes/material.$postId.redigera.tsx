import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields } from '#app/components/forms.tsx'
import { ArtifactFields } from '#app/components/post-forms.tsx'
import { formatFileSize } from '#app/components/post-page.tsx'
import type { RichTextDocument } from '#app/editor/document.ts'
import { listOrganisationOptions } from '#app/models/organisation.server.ts'
import { getPost } from '#app/models/post.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canEditPost } from '#app/policies/content.ts'
import { editArtifact } from '#app/services/post.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { handlePostForm } from '#app/utils/post-form.server.ts'
import { ArtifactSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Redigera materialet – Samverka' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const post = await getPost(params.postId ?? '', 'artifact', actor)
  invariantResponse(post, 'Materialet finns inte.')
  authorize(canEditPost(actor, post), 'Du kan inte redigera materialet.')
  return {
    id: post.id,
    body: post.body as RichTextDocument,
    files: post.files.map((file) => ({ id: file.id, originalName: file.originalName, size: formatFileSize(file.size) })),
    organisations: await listOrganisationOptions(),
    defaults: {
      title: post.title,
      artifactKind: post.artifactKind ?? '',
      licence: post.licence ?? '',
      externalUrl: post.externalUrl ?? '',
      organisationId: post.organisationId ?? '',
      tags: post.tags.join(', '),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const postId = params.postId ?? ''
  return handlePostForm(request, actor.id, ArtifactSchema, async (value, uploads, removeFileIds) => {
    await editArtifact(actor, postId, value, uploads, removeFileIds)
    return `/material/${postId}`
  })
}

export default function EditArtifact() {
  const { id, body, files, organisations, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ArtifactSchema>>({ id: 'edit-artifact', lastResult: actionData?.result, defaultValue: defaults, shouldValidate: 'onSubmit' })
  return (
    <div className="narrow-wide">
      <h1>Redigera materialet</h1>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <MutationFields />
        <ArtifactFields fields={fields} organisations={organisations} body={body} existingFiles={files} />
        <FormErrors errors={form.errors} />
        <div className="actions">
          <button type="submit">Spara ändringarna</button>
          <Link to={`/material/${id}`}>Avbryt</Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
