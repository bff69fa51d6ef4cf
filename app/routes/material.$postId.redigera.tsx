import { useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { EditPostPage } from '#app/components/edit-post-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ArtifactFields } from '#app/components/post-forms.tsx'
import { handlePostForm, loadPostForEditing } from '#app/routes/post-form.server.ts'
import { editArtifact } from '#app/services/post.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { ArtifactSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Redigera materialet – Samverka' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { post, page, defaults } = await loadPostForEditing(request, params.postId ?? '', 'artifact')
  return {
    ...page,
    defaults: { ...defaults, artifactKind: post.artifactKind ?? '', licence: post.licence ?? '', externalUrl: post.externalUrl ?? '' },
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
  const { id, body, files, owner, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ArtifactSchema>>({
    id: 'edit-artifact',
    lastResult: actionData?.result,
    defaultValue: defaults,
    shouldValidate: 'onSubmit',
  })
  return (
    <EditPostPage heading="Redigera materialet" form={form} cancelTo={`/material/${id}`}>
      <ArtifactFields fields={fields} owner={owner} body={body} existingFiles={files} />
    </EditPostPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
