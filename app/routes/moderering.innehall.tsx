import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { moderationPath } from '#app/components/content-moderation.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { CheckboxField, Field, FormErrors, MutationFields, SelectField, TextareaField } from '#app/components/forms.tsx'
import { ModerationNav } from '#app/components/moderation-nav.tsx'
import { ReportCard } from '#app/components/report-card.tsx'
import { RichTextEditor } from '#app/components/rich-text-editor.tsx'
import type { RichTextDocument } from '#app/editor/document.ts'
import { getModerationCard } from '#app/models/moderation.server.ts'
import { listOrganisationOptions } from '#app/models/organisation.server.ts'
import { getPostOwnership } from '#app/models/post.server.ts'
import { canChangePostOwnership } from '#app/policies/content.ts'
import {
  correctPostOwnership,
  deleteContent,
  dismissReports,
  editContentAsModerator,
  hideContent,
  restoreContent,
} from '#app/services/content-moderation.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { safeRedirect } from '#app/utils/redirect.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { ContentModerationSchema, ModeratorEditSchema, OwnershipCorrectionSchema } from '#app/validation/content-moderation.ts'
import { ReportTargetSchema } from '#app/validation/report.ts'

export const meta: MetaFunction = () => [{ title: 'Moderera innehåll – Samverka' }]

function parseTarget(request: Request) {
  const parsed = ReportTargetSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw badRequest('Länken är felaktig.')
  return { targetType: parsed.data.typ, targetId: parsed.data.id }
}

/** A post's owning organisation and co-editing, with the organisations to choose from, when the moderator may correct them. */
async function loadOwnership(moderator: Actor, targetType: string, targetId: string) {
  const post = targetType === 'post' ? await getPostOwnership(targetId) : null
  if (!post || !canChangePostOwnership(moderator, post)) return null
  return { type: post.type, organisationId: post.organisationId, shareEditing: post.shareEditing, organisations: await listOrganisationOptions() }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const moderator = await requireModerator(request)
  const target = parseTarget(request)
  const card = await getModerationCard(target.targetType, target.targetId)
  invariantResponse(card, 'Det finns inte.')
  const { body, text, reports, ...rest } = card
  return {
    card: { ...rest, text, reports: reports.map((report) => ({ ...report, when: formatDateTime(report.createdAt) })) },
    edit:
      card.targetType === 'member'
        ? null
        : { kind: card.targetType, title: card.post?.title ?? '', body: card.targetType === 'comment' ? text : (body as RichTextDocument) },
    ownership: await loadOwnership(moderator, target.targetType, target.targetId),
  }
}

/** What the moderator is told after each decision (the author has been told by the service). */
const DONE = {
  dismiss: 'Anmälningarna är avfärdade.',
  hide: 'Innehållet är dolt och författaren har fått besked.',
  delete: 'Innehållet är borttaget och författaren har fått besked.',
  restore: 'Innehållet är återställt och författaren har fått besked.',
  edit: 'Ändringen är sparad och författaren har fått besked.',
} as const

const done = (request: Request, to: string, intent: keyof typeof DONE) => redirectWithFlash(request, to, { message: DONE[intent], tone: 'success' })

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const formData = await requireValidMutation(request)
  const target = parseTarget(request)
  await enforceRateLimit('general', moderator.id)
  const here = moderationPath(target.targetType, target.targetId)
  if (formData.get('intent') === 'edit') {
    const submission = parseWithZod(formData, { schema: ModeratorEditSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), form: 'edit' }, { status: 400 })
    if (submission.value.targetType !== target.targetType) throw badRequest('Formuläret hör inte till det här innehållet.')
    try {
      await editContentAsModerator(moderator, { ...submission.value, targetId: target.targetId })
    } catch (error) {
      return replyWithServiceError(error, submission.reply, { form: 'edit' })
    }
    return done(request, here, 'edit')
  }
  if (formData.get('intent') === 'ownership') {
    const submission = parseWithZod(formData, { schema: OwnershipCorrectionSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), form: 'ownership' }, { status: 400 })
    if (target.targetType !== 'post') throw badRequest('Bara inlägg har en ägande organisation.')
    try {
      await correctPostOwnership(moderator, { ...submission.value, postId: target.targetId })
    } catch (error) {
      return replyWithServiceError(error, submission.reply, { form: 'ownership' })
    }
    return done(request, here, 'edit')
  }
  const submission = parseWithZod(formData, { schema: ContentModerationSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), form: 'decision' }, { status: 400 })
  const { intent, reason, redirectTo } = submission.value
  try {
    if (intent === 'dismiss') {
      await dismissReports(moderator, { ...target, reason })
    } else {
      if (target.targetType === 'member') throw badRequest('Medlemmar varnas eller stängs av på medlemssidan.')
      const decide = { hide: hideContent, delete: deleteContent, restore: restoreContent }[intent]
      await decide(moderator, { targetType: target.targetType, targetId: target.targetId, reason })
    }
  } catch (error) {
    return replyWithServiceError(error, submission.reply, { form: 'decision' })
  }
  return done(request, safeRedirect(redirectTo, here), intent)
}

type ActionData = { result?: SubmissionResult<string[]>; form?: string } | undefined

export default function ModerateContent() {
  const { card, edit, ownership } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData
  const decisionErrors = actionData?.form === 'decision' ? actionData.result?.error : undefined
  const here = moderationPath(card.targetType, card.targetId)
  return (
    <>
      <h1>Moderera innehåll</h1>
      <ModerationNav />
      <ReportCard card={card} redirectTo={here} errors={{ reason: decisionErrors?.reason, form: decisionErrors?.[''] }} />
      {edit && card.status !== 'deleted' ? <EditForm edit={edit} lastResult={actionData?.form === 'edit' ? actionData.result : undefined} /> : null}
      {ownership ? <OwnershipForm ownership={ownership} lastResult={actionData?.form === 'ownership' ? actionData.result : undefined} /> : null}
    </>
  )
}

function EditForm({
  edit,
  lastResult,
}: {
  edit: { kind: 'post' | 'answer' | 'comment'; title: string; body: RichTextDocument | string }
  lastResult?: SubmissionResult<string[]>
}) {
  const [form, fields] = useForm<{ title: string; body: string; reason: string }>({
    id: 'moderator-edit',
    lastResult,
    shouldValidate: 'onSubmit',
    defaultValue: { title: edit.title },
  })
  return (
    <section aria-labelledby="redigera">
      <h2 id="redigera">Redigera som moderator</h2>
      <p>Innehållet märks ”redigerad av moderator” och författaren får motiveringen.</p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <input type="hidden" name="targetType" value={edit.kind} />
        {edit.kind === 'post' ? <Field label="Rubrik" {...getInputProps(fields.title, { type: 'text' })} errors={fields.title.errors} /> : null}
        {edit.kind === 'comment' ? (
          <TextareaField
            label="Kommentar"
            {...getTextareaProps(fields.body)}
            defaultValue={typeof edit.body === 'string' ? edit.body : ''}
            errors={fields.body.errors}
          />
        ) : (
          <RichTextEditor id="moderator-edit-body" name="body" label="Text" errors={fields.body.errors} defaultValue={fields.body.initialValue ?? edit.body} />
        )}
        <TextareaField label="Motivering till ändringen" {...getTextareaProps(fields.reason)} rows={2} errors={fields.reason.errors} />
        <FormErrors errors={form.errors} />
        <button type="submit" name="intent" value="edit">
          Spara ändringen
        </button>
      </Form>
    </section>
  )
}

type Ownership = { type: string; organisationId: string | null; shareEditing: boolean; organisations: Array<{ id: string; name: string }> }

function OwnershipForm({ ownership, lastResult }: { ownership: Ownership; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm<{ organisationId: string; shareEditing: string; reason: string }>({
    id: 'moderator-ownership',
    lastResult,
    shouldValidate: 'onSubmit',
    defaultValue: { organisationId: ownership.organisationId ?? '', shareEditing: ownership.shareEditing ? 'on' : undefined },
  })
  return (
    <section aria-labelledby="agarskap">
      <h2 id="agarskap">Rätta ägarskapet</h2>
      <p>
        Ett inlägg ägs av författarens organisation när det skapas. Rätta det om inlägget egentligen hör till en annan organisation. Inlägget märks ”redigerad
        av moderator” och författaren får motiveringen.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <SelectField
          label="Ägande organisation"
          options={[
            { value: '', label: 'Ingen organisation' },
            ...ownership.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
          ]}
          {...getSelectProps(fields.organisationId)}
          errors={fields.organisationId.errors}
        />
        {ownership.type === 'project' ? (
          <CheckboxField label="Kollegor i den ägande organisationen får redigera projektet" {...getInputProps(fields.shareEditing, { type: 'checkbox' })} />
        ) : null}
        <TextareaField label="Motivering till rättelsen" {...getTextareaProps(fields.reason)} rows={2} errors={fields.reason.errors} />
        <FormErrors errors={form.errors} />
        <button type="submit" name="intent" value="ownership">
          Spara ägarskapet
        </button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
