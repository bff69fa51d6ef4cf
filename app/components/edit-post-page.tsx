import { type FormMetadata, getFormProps } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { FormErrors, MutationFields } from './forms.tsx'

/** The page around a post's edit form (projects, artifacts): heading, form, save and cancel. */
export function EditPostPage<Schema extends Record<string, unknown>>({
  heading,
  form,
  cancelTo,
  children,
}: {
  heading: string
  form: FormMetadata<Schema, string[]>
  cancelTo: string
  children: ReactNode
}) {
  return (
    <div className="narrow-wide">
      <h1>{heading}</h1>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <MutationFields />
        {children}
        <FormErrors errors={form.errors} />
        <div className="actions">
          <button type="submit">Spara ändringarna</button>
          <Link to={cancelTo}>Avbryt</Link>
        </div>
      </Form>
    </div>
  )
}
