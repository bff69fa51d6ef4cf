import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import type { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields, TextareaField } from '#app/components/forms.tsx'
import { LegalPage } from '#app/components/legal-page.tsx'
import { reportAccessibilityProblem } from '#app/services/accessibility-report.server.ts'
import { getUser } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { enforceIpRateLimit } from '#app/utils/rate-limit.server.ts'
import { AccessibilityReportLimits, AccessibilityReportSchema } from '#app/validation/privacy.ts'

export const meta: MetaFunction = () => [{ title: 'Tillgänglighetsredogörelse – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return { signedIn: Boolean(user) }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await requireValidMutation(request)
  // Visitors need not be signed in, so the limit is per client address.
  await enforceIpRateLimit(request, 'accessibility-report-ip')
  const submission = parseWithZod(formData, { schema: AccessibilityReportSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const user = await getUser(request)
  await reportAccessibilityProblem(user?.id ?? null, submission.value)
  return redirectWithFlash(request, '/tillganglighet', {
    message: 'Tack! Vi har tagit emot din rapport och en moderator tittar på den.',
    tone: 'success',
  })
}

export default function Accessibility() {
  const { signedIn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<z.input<typeof AccessibilityReportSchema>>({
    id: 'accessibility-report',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  return (
    <LegalPage title="Tillgänglighetsredogörelse" updated="23 november 2026">
      <p>
        Samverka omfattas av lagen (2018:1937) om tillgänglighet till digital offentlig service. Vi vill att så många som möjligt ska kunna använda tjänsten,
        oavsett förutsättningar.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>
        Tjänsten är byggd för att uppfylla WCAG 2.1 nivå AA. Alla sidor testas automatiskt med axe-core, går att använda med enbart tangentbord och fungerar
        utan JavaScript för inloggning och läsning.
      </p>
      <h2>Kända brister</h2>
      <p>
        Automatiska tester hittar inte allt. Textredigeraren för frågor, svar och projekt kräver JavaScript, och uppladdade filer (till exempel PDF-dokument) är
        inte alltid tillgängliga: de kommer från medlemmarna och vi granskar dem inte.
      </p>
      <h2 id="rapportera">Rapportera ett tillgänglighetsproblem</h2>
      <p>
        Berätta om något inte fungerar för dig, eller om du behöver innehåll i ett annat format. Du behöver inte vara inloggad. Du kan också skriva till{' '}
        <a href="mailto:tillganglighet@samverka.example">tillganglighet@samverka.example</a>.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <MutationFields />
        <FormErrors errors={form.errors} />
        <Field
          label="Sidans adress (frivilligt)"
          hint="Till exempel https://samverka.example/fragor eller sidans namn."
          errors={fields.pageUrl.errors}
          maxLength={AccessibilityReportLimits.pageUrlMax}
          {...getInputProps(fields.pageUrl, { type: 'text' })}
        />
        <TextareaField
          label="Beskriv problemet"
          hint={`Vad försökte du göra och vad hände? Högst ${AccessibilityReportLimits.descriptionMax} tecken.`}
          errors={fields.description.errors}
          rows={6}
          {...getTextareaProps(fields.description)}
        />
        {signedIn ? null : (
          <Field
            label="Din e-postadress (frivilligt)"
            hint="Om du vill att vi svarar dig."
            errors={fields.email.errors}
            autoComplete="email"
            {...getInputProps(fields.email, { type: 'email' })}
          />
        )}
        <button type="submit">Skicka rapporten</button>
      </Form>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{' '}
        <a href="https://www.digg.se/tdosanmalan">anmäla det till Digg</a>.
      </p>
    </LegalPage>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
