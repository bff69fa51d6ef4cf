import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AdminNav } from '#app/components/admin-nav.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormErrors, MutationFields, SelectField } from '#app/components/forms.tsx'
import { listStaff, type RoleHolder, searchRoleCandidates } from '#app/models/roles.server.ts'
import { changeRole } from '#app/services/roles.server.ts'
import { requireAdmin } from '#app/utils/auth.server.ts'
import { requireValidMutation } from '#app/utils/csrf.server.ts'
import { redirectWithFlash } from '#app/utils/flash.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { RoleChangeSchema, RoleLabels, ROLES } from '#app/validation/admin.ts'

export const meta: MetaFunction = () => [{ title: 'Roller – Administration – Samverka' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100)
  const [staff, candidates] = await Promise.all([listStaff(), query ? searchRoleCandidates(query) : []])
  return { query, staff, candidates }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await requireValidMutation(request)
  const submission = parseWithZod(formData, { schema: RoleChangeSchema })
  // Which of the page's forms was sent (a person may be listed twice), for showing its errors.
  const target = `${String(formData.get('list') ?? '')}-${String(formData.get('userId') ?? '')}`
  if (submission.status !== 'success') return data({ result: submission.reply(), target }, { status: 400 })
  try {
    const change = await changeRole(admin, submission.value)
    return redirectWithFlash(request, '/admin/roller', { message: `${change.name} är nu ${RoleLabels[change.to].toLowerCase()}.`, tone: 'success' })
  } catch (error) {
    return replyWithServiceError(error, submission.reply, { target })
  }
}

const roleOptions = ROLES.map((role) => ({ value: role, label: RoleLabels[role] }))

type ActionData = { result?: { error?: Record<string, string[] | null> | null }; target?: string } | undefined

/** `list` keeps ids unique when a person is both a search hit and in the staff list. */
function RoleForm({ person, list, actionData }: { person: RoleHolder; list: string; actionData: ActionData }) {
  const key = `${list}-${person.id}`
  const errors = actionData?.target === key ? actionData.result?.error : undefined
  return (
    <li>
      <article className="card" aria-labelledby={`person-${key}`}>
        <h3 id={`person-${key}`}>{person.name}</h3>
        <p className="meta">
          {[person.title, person.organisation?.name].filter(Boolean).join(', ')} · nu {RoleLabels[person.role].toLowerCase()}
        </p>
        <FormErrors errors={errors?.['']} />
        <Form method="post">
          <MutationFields />
          <input type="hidden" name="userId" value={person.id} />
          <input type="hidden" name="list" value={list} />
          <SelectField
            label={`Roll för ${person.name}`}
            name="role"
            id={`role-${key}`}
            options={roleOptions}
            defaultValue={person.role}
            errors={errors?.role}
          />
          <Field label="Motivering" name="reason" id={`reason-${key}`} errors={errors?.reason} />
          <button type="submit">Spara roll för {person.name}</button>
        </Form>
      </article>
    </li>
  )
}

export default function AdminRoles() {
  const { query, staff, candidates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData
  return (
    <>
      <h1>Roller</h1>
      <AdminNav />
      <p>
        Moderatorer granskar anmälningar, organisationer och nya medlemmar. Administratörer kan dessutom ändra roller och inställningar. Det måste alltid finnas
        minst en administratör.
      </p>

      <section aria-labelledby="find-member">
        <h2 id="find-member">Hitta en medlem</h2>
        <Form method="get" className="narrow">
          <Field label="Namn eller titel" name="q" id="member-query" type="search" defaultValue={query} hint="Minst tre tecken." />
          <button type="submit">Sök medlem</button>
        </Form>
        {query ? (
          candidates.length ? (
            <ul className="card-list" aria-label="Sökträffar">
              {candidates.map((person) => (
                <RoleForm key={person.id} person={person} list="hit" actionData={actionData} />
              ))}
            </ul>
          ) : (
            <p role="status">Inga aktiva medlemmar matchar ”{query}”.</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="staff">
        <h2 id="staff">Moderatorer och administratörer</h2>
        <ul className="card-list">
          {staff.map((person) => (
            <RoleForm key={person.id} person={person} list="staff" actionData={actionData} />
          ))}
        </ul>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
