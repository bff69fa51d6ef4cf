import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { z } from 'zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields } from '#app/components/forms.tsx'
import { RichTextEditor } from '#app/components/rich-text-editor.tsx'
import type { RichTextDocument } from '#app/editor/document.ts'
import { getQuestionForEditing } from '#app/models/post.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canEditContent } from '#app/policies/content.ts'
import { editQuestion } from '#app/services/question.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { QuestionSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Redigera frågan – Samverka' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const question = await getQuestionForEditing(params.questionId ?? '')
  invariantResponse(question, 'Frågan finns inte.')
  authorize(canEditContent(actor, question), 'Bara den som frågade kan redigera frågan.')
  return {
    question: {
      id: question.id,
      title: question.title,
      body: question.body as RichTextDocument,
      tags: question.tags.map((item) => item.tag.name).join(', '),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('posting', actor.id)
  const submission = parseWithZod(formData, { schema: QuestionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const questionId = params.questionId ?? ''
  try {
    await editQuestion(actor, questionId, submission.value)
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  return redirect(`/fragor/${questionId}`)
}

export default function EditQuestion() {
  const { question } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof QuestionSchema>>({
    id: 'edit-question',
    lastResult: actionData?.result,
    defaultValue: { title: question.title, tags: question.tags },
    shouldValidate: 'onSubmit',
  })
  return (
    <div className="narrow-wide">
      <h1>Redigera frågan</h1>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <Field label="Rubrik" {...getInputProps(fields.title, { type: 'text' })} errors={fields.title.errors} />
        <RichTextEditor
          id="question-body"
          name="body"
          label="Beskrivning"
          errors={fields.body.errors}
          defaultValue={fields.body.initialValue ?? question.body}
        />
        <Field label="Taggar" hint="Skilj med kommatecken" {...getInputProps(fields.tags, { type: 'text' })} errors={fields.tags.errors} />
        <FormErrors errors={form.errors} />
        <div className="actions">
          <button type="submit">Spara ändringarna</button>
          <Link to={`/fragor/${question.id}`}>Avbryt</Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
