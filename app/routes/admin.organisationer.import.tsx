import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields } from '#app/components/forms.tsx'
import { applyOrganisationImport, type ImportPreview, type ImportRowKind, previewOrganisationImport } from '#app/services/organisation-import.server.ts'
import { REGISTRY_COLUMNS } from '#app/services/registry.server.ts'
import { requireAdmin } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { OrganisationImportSchema } from '#app/validation/admin.ts'

export const meta: MetaFunction = () => [{ title: 'Importera organisationer – Administration – Samverka' }]

/** A 2 MB file, or the same file re-posted as base64 with its token. */
const MAX_REQUEST_BYTES = 3 * 1024 * 1024
/** Neither the file nor its copy is echoed back in a form reply. */
const HIDDEN_FIELDS = ['file', 'content', 'token']

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  return { columns: REGISTRY_COLUMNS.join(',') }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await requireValidMutation(request, { maxBytes: MAX_REQUEST_BYTES })
  const submission = parseWithZod(formData, { schema: OrganisationImportSchema })
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: HIDDEN_FIELDS }), preview: null }, { status: 400 })
  const value = submission.value
  try {
    if (value.intent === 'preview') {
      const preview = await previewOrganisationImport(admin, new Uint8Array(await value.file.arrayBuffer()))
      return { result: submission.reply({ hideFields: HIDDEN_FIELDS }), preview }
    }
    const result = await applyOrganisationImport(admin, value)
    const skipped = result.skipped > 0 ? `; ${result.skipped} rader med fel hoppades över` : ''
    return redirectWithFlash(request, '/admin/organisationer/import', {
      message: `Importen är klar: ${result.created} nya organisationer, ${result.updated} ändrade och ${result.domainsAdded} nya domäner${skipped}.`,
      tone: 'success',
    })
  } catch (error) {
    return replyWithServiceError(error, (options) => submission.reply({ ...options, hideFields: HIDDEN_FIELDS }), { preview: null })
  }
}

const KIND_LABELS: Record<ImportRowKind, string> = { new: 'Ny', changed: 'Ändras', unchanged: 'Oförändrad', error: 'Fel' }

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { counts } = preview
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">Förhandsgranskning</h2>
      <p role="status">
        {counts.new} nya, {counts.changed} ändrade, {counts.unchanged} oförändrade och {counts.error} med fel. Inget är sparat än.
      </p>
      <table>
        <caption className="visually-hidden">Rader i filen</caption>
        <thead>
          <tr>
            <th scope="col">Rad</th>
            <th scope="col">Organisation</th>
            <th scope="col">Resultat</th>
            <th scope="col">Detaljer</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.name}</td>
              <td>{KIND_LABELS[row.kind]}</td>
              <td>{row.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {counts.new + counts.changed > 0 ? (
        <Form method="post" encType="multipart/form-data">
          <MutationFields />
          <input type="hidden" name="content" value={preview.content} />
          <input type="hidden" name="token" value={preview.token} />
          <p>{counts.error > 0 ? 'Raderna med fel hoppas över.' : 'Alla rader kan importeras.'}</p>
          <button type="submit" name="intent" value="apply">
            Verkställ
          </button>
        </Form>
      ) : (
        <p>Filen ändrar ingenting.</p>
      )}
    </section>
  )
}

export default function OrganisationImport() {
  const { columns } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Importera organisationer</h1>
      <AdminNav />
      <p>
        Filen ska vara en CSV-fil i UTF-8 i samma format som organisationsregistret, med kolumnerna <code>{columns}</code> (till exempel{' '}
        <code>kommun,0180,Stockholms kommun,Stockholms län,,stockholm.se</code>). Högst 2 MB. Organisationer känns igen på typ och kod (eller namn när koden
        saknas): befintliga uppdateras, nya skapas och domäner läggs bara till. Att importera samma fil igen ändrar ingenting.
      </p>
      <FormErrors errors={[...new Set(['', 'content', 'token'].flatMap((field) => actionData?.result.error?.[field] ?? []))]} />
      <Form method="post" encType="multipart/form-data" className="narrow">
        <MutationFields />
        <Field label="CSV-fil" name="file" id="import-file" type="file" accept=".csv,text/csv" errors={actionData?.result.error?.file} />
        <button type="submit" name="intent" value="preview">
          Förhandsgranska
        </button>
      </Form>
      {actionData?.preview ? <PreviewTable preview={actionData.preview} /> : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
