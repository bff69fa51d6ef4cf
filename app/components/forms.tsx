import { useRouteLoaderData } from '@remix-run/react'
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'

/**
 * Form building blocks. Every field renders its label, hint and errors and wires
 * `aria-invalid` / `aria-describedby`; every form includes the CSRF token and honeypot
 * through <MutationFields />.
 */
export type ListOfErrors = Array<string | null | undefined> | null | undefined

export function ErrorList({ id, errors }: { id?: string; errors?: ListOfErrors }) {
  const list = errors?.filter(Boolean)
  if (!list?.length) return null
  return (
    <ul id={id} className="error-list">
      {list.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  )
}

/** Errors that belong to the whole form (e.g. a service refused the action), announced at once. */
export function FormErrors({ errors }: { errors?: ListOfErrors }) {
  if (!errors?.some(Boolean)) return null
  return (
    <div className="form-errors" role="alert">
      <ErrorList errors={errors} />
    </div>
  )
}

type FieldShell = { label: ReactNode; hint?: ReactNode; errors?: ListOfErrors; className?: string }

function useFieldIds(id: string | undefined, errors: ListOfErrors, hint: ReactNode) {
  const fallback = useId()
  const inputId = id ?? fallback
  const errorId = errors?.some(Boolean) ? `${inputId}-error` : undefined
  const hintId = hint ? `${inputId}-hint` : undefined
  return {
    inputId,
    errorId,
    hintId,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
  }
}

export function Field({ label, hint, errors, className, ...inputProps }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(inputProps.id, errors, hint)
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input {...inputProps} id={ids.inputId} aria-invalid={ids.errorId ? true : undefined} aria-describedby={ids.describedBy} />
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export function TextareaField({ label, hint, errors, className, ...props }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(props.id, errors, hint)
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea {...props} id={ids.inputId} aria-invalid={ids.errorId ? true : undefined} aria-describedby={ids.describedBy} />
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  options,
  ...props
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const ids = useFieldIds(props.id, errors, hint)
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select {...props} id={ids.inputId} aria-invalid={ids.errorId ? true : undefined} aria-describedby={ids.describedBy}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export function CheckboxField({ label, hint, errors, ...props }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(props.id, errors, hint)
  return (
    <div className="field field-checkbox">
      <input {...props} type="checkbox" id={ids.inputId} aria-describedby={ids.describedBy} />
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

/**
 * The submission key of a create form (from its loader): submitting the same rendered form
 * again leads to what the first submit created instead of creating it twice.
 */
export function SubmissionKeyField({ value }: { value: string }) {
  return <input type="hidden" name="submissionKey" value={value} />
}

/** The CSRF token from the root loader and the honeypot field, for every mutating form. */
export function MutationFields() {
  const root = useRouteLoaderData<{ csrfToken: string }>('root')
  return (
    <>
      <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />
      <div className="honeypot">
        <label>
          Lämna tomt
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
    </>
  )
}
