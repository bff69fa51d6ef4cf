import { useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { EditPostPage } from '#app/components/edit-post-page.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProjectFields } from '#app/components/post-forms.tsx'
import { canChangePostSharing } from '#app/policies/content.ts'
import { handlePostForm, loadPostForEditing } from '#app/routes/post-form.server.ts'
import { editProject } from '#app/services/post.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { ProjectSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Redigera projektet – Samverka' }]

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, post, page, defaults } = await loadPostForEditing(request, params.postId ?? '', 'project')
  return {
    ...page,
    canChangeSharing: canChangePostSharing(actor, post),
    defaults: {
      ...defaults,
      projectStatus: post.projectStatus ?? 'ongoing',
      startDate: isoDate(post.startDate),
      endDate: isoDate(post.endDate),
      lead: post.lead?.name ?? '',
      participants: post.participants.map((organisation) => organisation.name).join('\n'),
      contactName: post.contactName ?? '',
      contactEmail: post.contactEmail ?? '',
      seekingPartners: post.seekingPartners ? 'on' : undefined,
      shareEditing: post.shareEditing ? 'on' : undefined,
      links: post.links.map((link) => `${link.label} | ${link.url}`).join('\n'),
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
  const { id, body, files, owner, canChangeSharing, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ProjectSchema>>({
    id: 'edit-project',
    lastResult: actionData?.result,
    defaultValue: defaults,
    shouldValidate: 'onSubmit',
  })
  return (
    <EditPostPage heading="Redigera projektet" form={form} cancelTo={`/projekt/${id}`}>
      <ProjectFields fields={fields} owner={owner} canChangeSharing={canChangeSharing} body={body} existingFiles={files} />
    </EditPostPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
