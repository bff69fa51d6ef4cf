import type { FieldMetadata } from '@conform-to/react'
import { getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import type { ReactNode } from 'react'
import type { RichTextDocument } from '#app/editor/document.ts'
import { ArtifactKindLabels, LicenceLabels, ProjectStatusLabels } from '#app/validation/content.ts'
import { CheckboxField, Field, SelectField, TextareaField } from './forms.tsx'
import { RichTextEditor } from './rich-text-editor.tsx'
import { useSite } from './use-site.ts'

/**
 * The fields of the project and artifact forms, shared by their "new" and "edit" pages.
 * The forms are multipart (attachments); <MutationFields /> must come first in them.
 */
type Fields = Record<string, FieldMetadata<unknown, Record<string, unknown>, string[]> | undefined>

const options = (labels: Record<string, string>, placeholder?: string) => [
  ...(placeholder ? [{ value: '', label: placeholder }] : []),
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
]

/** After a refused submit, what the member typed; otherwise the stored document. */
function initialBody(fields: Fields, stored: RichTextDocument | null) {
  const typed = fields.body?.initialValue
  return typeof typed === 'string' ? typed : stored
}

function field(fields: Fields, name: string) {
  const meta = fields[name]
  if (!meta) throw new Error(`Unknown form field ${name}`)
  return meta
}

/** Who the post speaks for: the author's organisation, which only a moderator can change. */
function OwnerNote({ owner, children }: { owner: { name: string } | null; children?: ReactNode }) {
  return (
    <p className="hint">
      {owner ? (
        <>
          Ägande organisation: <strong>{owner.name}</strong>.
        </>
      ) : (
        'Inlägget har ingen ägande organisation.'
      )}{' '}
      Ett inlägg ägs av författarens organisation, och bara en moderator kan ändra det. {children}
    </p>
  )
}

export type ExistingFile = { id: string; originalName: string; size: string }

export function AttachmentFields({ existing, hint }: { existing: ExistingFile[]; hint: string }) {
  const { uploadMaxMb } = useSite()
  return (
    <fieldset>
      <legend>Filer</legend>
      {existing.length > 0 ? (
        <ul className="plain-list">
          {existing.map((file) => (
            <li key={file.id}>
              <CheckboxField label={`Ta bort ${file.originalName} (${file.size})`} name="removeFiles" value={file.id} id={`remove-${file.id}`} />
            </li>
          ))}
        </ul>
      ) : null}
      <Field
        label="Ladda upp filer"
        hint={uploadMaxMb ? `${hint} Högst ${uploadMaxMb} MB per fil.` : hint}
        type="file"
        name="filer"
        id="attachments"
        multiple
      />
    </fieldset>
  )
}

/** What the project and artifact field sets get from their new and edit pages. */
type PostFieldsProps = {
  fields: Fields
  /** The owning organisation: the author's (shown, not chosen). */
  owner: { name: string } | null
  body: RichTextDocument | null
  existingFiles: ExistingFile[]
  /** Shown right below the title (the "Har någon redan gjort detta?" panel on the new pages). */
  afterTitle?: ReactNode
}

/**
 * `canChangeSharing`: the author (on a new project, the member writing it) decides whether
 * colleagues in the owning organisation may edit; co-editors are not offered the choice.
 */
export function ProjectFields({ fields, owner, body, existingFiles, afterTitle, canChangeSharing }: PostFieldsProps & { canChangeSharing: boolean }) {
  const title = field(fields, 'title')
  const status = field(fields, 'projectStatus')
  const start = field(fields, 'startDate')
  const end = field(fields, 'endDate')
  const lead = field(fields, 'lead')
  const participants = field(fields, 'participants')
  const contactName = field(fields, 'contactName')
  const contactEmail = field(fields, 'contactEmail')
  const links = field(fields, 'links')
  const tags = field(fields, 'tags')
  return (
    <>
      <Field label="Projektets namn" {...getInputProps(title, { type: 'text' })} errors={title.errors} />
      {afterTitle}
      <RichTextEditor
        id="project-body"
        name="body"
        label="Beskrivning"
        hint="Mål, bakgrund, vad ni har gjort och vad ni har lärt er."
        errors={field(fields, 'body').errors}
        defaultValue={initialBody(fields, body)}
      />
      <SelectField label="Status" options={options(ProjectStatusLabels, 'Välj status')} {...getSelectProps(status)} errors={status.errors} />
      <div className="field-row">
        <Field label="Startdatum (frivilligt)" {...getInputProps(start, { type: 'date' })} errors={start.errors} />
        <Field label="Slutdatum (frivilligt)" {...getInputProps(end, { type: 'date' })} errors={end.errors} />
      </div>
      <OwnerNote owner={owner}>Andra organisationer anger du som deltagande, och den som leder projektet under ”Leds av”.</OwnerNote>
      <Field
        label="Leds av (frivilligt)"
        hint="Om en annan organisation leder projektet: namnet som i registret, till exempel Region Skåne."
        {...getInputProps(lead, { type: 'text' })}
        errors={lead.errors}
      />
      <TextareaField
        label="Deltagande organisationer"
        hint="En per rad, med namnet som i registret, till exempel Lunds kommun."
        {...getTextareaProps(participants)}
        errors={participants.errors}
      />
      <div className="field-row">
        <Field label="Kontaktperson (frivilligt)" {...getInputProps(contactName, { type: 'text' })} errors={contactName.errors} />
        <Field label="Kontaktpersonens e-post (frivilligt)" {...getInputProps(contactEmail, { type: 'email' })} errors={contactEmail.errors} />
      </div>
      <CheckboxField label="Vi söker samarbetspartner" {...getInputProps(field(fields, 'seekingPartners'), { type: 'checkbox' })} />
      {canChangeSharing ? (
        <CheckboxField
          label="Kollegor i den ägande organisationen får redigera projektet"
          {...getInputProps(field(fields, 'shareEditing'), { type: 'checkbox' })}
        />
      ) : null}
      <TextareaField label="Länkar (frivilligt)" hint="En per rad: Rubrik | https://…" {...getTextareaProps(links)} errors={links.errors} />
      <AttachmentFields existing={existingFiles} hint="PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, bilder eller ZIP." />
      <Field label="Taggar" hint="Skilj med kommatecken, till exempel: rpa, upphandling" {...getInputProps(tags, { type: 'text' })} errors={tags.errors} />
    </>
  )
}

export function ArtifactFields({ fields, owner, body, existingFiles, afterTitle }: PostFieldsProps) {
  const title = field(fields, 'title')
  const kind = field(fields, 'artifactKind')
  const licence = field(fields, 'licence')
  const externalUrl = field(fields, 'externalUrl')
  const tags = field(fields, 'tags')
  return (
    <>
      <Field label="Rubrik" {...getInputProps(title, { type: 'text' })} errors={title.errors} />
      {afterTitle}
      <RichTextEditor
        id="artifact-body"
        name="body"
        label="Beskrivning"
        hint="Vad är det, vem har tagit fram det och hur kan andra använda det?"
        errors={field(fields, 'body').errors}
        defaultValue={initialBody(fields, body)}
      />
      <SelectField label="Typ av material" options={options(ArtifactKindLabels, 'Välj typ')} {...getSelectProps(kind)} errors={kind.errors} />
      <SelectField label="Licens" options={options(LicenceLabels, 'Välj licens')} {...getSelectProps(licence)} errors={licence.errors} />
      <AttachmentFields existing={existingFiles} hint="Ladda upp filer och/eller ange en länk nedan." />
      <Field
        label="Länk till materialet (frivilligt)"
        hint="Till exempel ett kodförråd eller en öppen datamängd."
        {...getInputProps(externalUrl, { type: 'url' })}
        errors={externalUrl.errors}
      />
      <OwnerNote owner={owner} />
      <Field label="Taggar" hint="Skilj med kommatecken" {...getInputProps(tags, { type: 'text' })} errors={tags.errors} />
    </>
  )
}
