import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { z } from 'zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields } from '#app/components/forms.tsx'
import { RichTextEditor } from '#app/components/rich-text-editor.tsx'
import type { RichTextDocument } from '#app/editor/document.ts'
import { getAnswerForEditing } from '#app/models/post.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canEditContent } from '#app/policies/content.ts'
import { editAnswer } from '#app/services/question.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'
import { AnswerSchema } from '#app/validation/content.ts'

export const meta: MetaFunction = () => [{ title: 'Redigera svaret – Samverka' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const answer = await getAnswerForEditing(params.answerId ?? '')
  invariantResponse(answer && answer.post.status === 'visible', 'Svaret finns inte.')
  authorize(canEditContent(actor, answer), 'Bara den som svarade kan redigera svaret.')
  return { answer: { id: answer.id, body: answer.body as RichTextDocument, question: { id: answer.post.id, title: answer.post.title } } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  await enforceRateLimit('posting', actor.id)
  const submission = parseWithZod(formData, { schema: AnswerSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const answer = await getAnswerForEditing(params.answerId ?? '')
  invariantResponse(answer, 'Svaret finns inte.')
  try {
    await editAnswer(actor, answer.id, submission.value.body)
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
  return redirect(`/fragor/${answer.post.id}#svar-${answer.id}`)
}

export default function EditAnswer() {
  const { answer } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof AnswerSchema>>({ id: 'edit-answer', lastResult: actionData?.result, shouldValidate: 'onSubmit' })
  return (
    <div className="narrow-wide">
      <h1>Redigera svaret</h1>
      <p>
        Svar på frågan <Link to={`/fragor/${answer.question.id}`}>{answer.question.title}</Link>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <RichTextEditor id="answer-body" name="body" label="Svar" errors={fields.body.errors} defaultValue={fields.body.initialValue ?? answer.body} />
        <FormErrors errors={form.errors} />
        <div className="actions">
          <button type="submit">Spara ändringarna</button>
          <Link to={`/fragor/${answer.question.id}`}>Avbryt</Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
