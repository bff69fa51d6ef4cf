import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { z } from 'zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields, SubmissionKeyField } from '#app/components/forms.tsx'
import { RichTextEditor } from '#app/components/rich-text-editor.tsx'
import { SimilarContentPanel } from '#app/components/similar-content-panel.tsx'
import { askQuestion } from '#app/services/question.server.ts'
import { requireActor, requireMember } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { newSubmissionKey } from '#app/utils/submission-key.server.ts'
import { QuestionSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Ställ en fråga – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request)
  return { submissionKey: newSubmissionKey() }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('posting', actor.id)
  const submission = parseWithZod(formData, { schema: QuestionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const question = await askQuestion(actor, submission.value)
    return redirect(`/fragor/${question.id}`)
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
}

export default function AskQuestion() {
  const { submissionKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof QuestionSchema>>({ id: 'ask-question', lastResult: actionData?.result, shouldValidate: 'onSubmit' })
  return (
    <div className="narrow-wide">
      <h1>Ställ en fråga</h1>
      <p>Någon i en annan kommun, region eller myndighet har kanske redan löst samma sak. Beskriv vad du undrar och vad du redan vet.</p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <SubmissionKeyField value={submissionKey} />
        <Field label="Rubrik" hint="Sammanfatta frågan i en mening." {...getInputProps(fields.title, { type: 'text' })} errors={fields.title.errors} />
        <SimilarContentPanel formId={form.id} />
        <RichTextEditor id="question-body" name="body" label="Beskrivning" errors={fields.body.errors} defaultValue={fields.body.initialValue ?? null} />
        <Field
          label="Taggar"
          hint="Skilj med kommatecken, till exempel: e-arkiv, upphandling, rpa"
          {...getInputProps(fields.tags, { type: 'text' })}
          errors={fields.tags.errors}
        />
        <FormErrors errors={form.errors} />
        <button type="submit">Publicera frågan</button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
