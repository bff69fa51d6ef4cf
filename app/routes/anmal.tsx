import { CONTENT_KIND_WORDS } from '#app/presenters/vocabulary.ts'
import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormErrors, MutationFields, SelectField, TextareaField } from '#app/components/forms.tsx'
import { postPath, type PostType } from '#app/presenters/post-type.ts'
import { getReportTarget, reportContent, type ReportTarget } from '#app/services/report.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { ReportLimits, ReportReasonLabels, ReportSchema, ReportTargetSchema } from '#app/validation/report.ts'

export const meta: MetaFunction = () => [{ title: 'Anmäl – Samverka' }]

function parseTarget(request: Request): ReportTarget {
  const parsed = ReportTargetSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) throw badRequest('Länken till anmälan är felaktig.')
  return { targetType: parsed.data.typ, targetId: parsed.data.id }
}

/** Where the reported thing is seen: its post's page, or the member's profile. */
function pageOf(target: ReportTarget, found: { post: { id: string; type: PostType } | null }) {
  return found.post ? postPath(found.post) : `/medlemmar/${target.targetId}`
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request)
  const target = parseTarget(request)
  const found = await getReportTarget(actor, target)
  return {
    kind: target.targetType,
    id: target.targetId,
    title: found.title,
    backTo: pageOf(target, found),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request)
  const formData = await requireValidMutation(request)
  const target = parseTarget(request)
  const submission = parseWithZod(formData, { schema: ReportSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const reported = await reportContent(actor, { ...target, ...submission.value })
    // Back where the member was, told that the report arrived.
    return redirectWithFlash(request, pageOf(target, reported), { message: 'Tack! En moderator tittar på din anmälan.', tone: 'success' })
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
}

const reasonOptions = [{ value: '', label: 'Välj en anledning' }, ...Object.entries(ReportReasonLabels).map(([value, label]) => ({ value, label }))]

export default function ReportPage() {
  const { kind, title, backTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof ReportSchema>>({ id: 'report', lastResult: actionData?.result, shouldValidate: 'onSubmit' })
  return (
    <div className="narrow">
      <h1>Anmäl {CONTENT_KIND_WORDS[kind].definite}</h1>
      <p>
        Du anmäler <strong>{title}</strong>. En moderator granskar anmälan. Den du anmäler får inte veta att det var du.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <SelectField label="Anledning" options={reasonOptions} {...getSelectProps(fields.reason)} errors={fields.reason.errors} />
        <TextareaField
          label="Beskrivning"
          hint={`Berätta vad som är fel (krävs om du väljer ”Annat”, högst ${ReportLimits.detailsMax} tecken).`}
          {...getTextareaProps(fields.details)}
          errors={fields.details.errors}
        />
        <FormErrors errors={form.errors} />
        <button type="submit">Skicka anmälan</button> <Link to={backTo}>Avbryt</Link>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
