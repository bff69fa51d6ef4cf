import { z } from 'zod'
import { parseRichTextField } from '#app/editor/document.ts'
import { cleanSingleLine, multiLine, singleLine } from './text.ts'

export const ContentLimits = { titleMin: 8, titleMax: 160, tagMax: 40, tagsMax: 8, bodyFieldMax: 400_000 }

/** A tag as stored: one clean line (see text.ts) without leading "#", lower-case, Swedish letters kept. */
export function normalizeTag(input: string): string {
  return cleanSingleLine(input).replace(/^#+/, '').trimStart().toLocaleLowerCase('sv-SE')
}

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .+#/&-]*$/u

/** "e-arkiv, RPA,  Upphandling" → ["e-arkiv", "rpa", "upphandling"], validated. */
export const TagsSchema = z
  .string()
  .max(1000, 'För många taggar.')
  .optional()
  .transform((value) => [...new Set((value ?? '').split(',').map(normalizeTag).filter(Boolean))])
  .superRefine((tags, context) => {
    if (tags.length > ContentLimits.tagsMax) {
      context.addIssue({ code: 'custom', message: `Högst ${ContentLimits.tagsMax} taggar.` })
    }
    for (const tag of tags) {
      if (tag.length > ContentLimits.tagMax) {
        context.addIssue({ code: 'custom', message: `Taggen ”${tag.slice(0, 20)}…” är längre än ${ContentLimits.tagMax} tecken.` })
      } else if (!TAG_PATTERN.test(tag)) {
        context.addIssue({ code: 'custom', message: `Taggen ”${tag}” får bara innehålla bokstäver, siffror, mellanslag och - . + # / &.` })
      }
    }
  })

export const TitleSchema = singleLine(
  z
    .string({ required_error: 'Skriv en rubrik.' })
    .min(ContentLimits.titleMin, `Rubriken behöver minst ${ContentLimits.titleMin} tecken.`)
    .max(ContentLimits.titleMax, `Rubriken får vara högst ${ContentLimits.titleMax} tecken.`),
)

/** The editor's field: JSON from Tiptap, or plain text from the no-JavaScript textarea → a validated document. */
export const RichTextFieldSchema = z
  .string({ required_error: 'Skriv en text.' })
  .max(ContentLimits.bodyFieldMax, 'Texten är för lång.')
  .transform((value, context) => {
    const parsed = parseRichTextField(value)
    if (parsed.ok) return parsed.doc
    context.addIssue({ code: 'custom', message: parsed.error })
    return z.NEVER
  })

/**
 * The hidden key of a create form (random, rendered by its loader): a second submit with the
 * same key gets what the first created. Pages from before keys existed send none and create.
 */
export const SubmissionKeySchema = z
  .string()
  .max(64, 'Formuläret är felaktigt. Ladda om sidan och försök igen.')
  .optional()
  .transform((value) => value || null)

export const QuestionSchema = z.object({
  title: TitleSchema,
  body: RichTextFieldSchema,
  tags: TagsSchema,
  submissionKey: SubmissionKeySchema,
})

export const AnswerSchema = z.object({ body: RichTextFieldSchema })

/** The question page's buttons (likes and bookmarks: see QuestionPageSchema below). */
const QuestionActions = [
  z.object({ intent: z.literal('answer'), body: RichTextFieldSchema, submissionKey: SubmissionKeySchema }),
  z.object({ intent: z.literal('vote'), answerId: z.string().min(1).max(50), value: z.enum(['1', '-1', '0']).transform(Number) }),
  z.object({
    intent: z.literal('accept'),
    answerId: z
      .string()
      .max(50)
      .optional()
      .transform((value) => value || null),
  }),
  z.object({ intent: z.literal('delete-question') }),
  z.object({ intent: z.literal('delete-answer'), answerId: z.string().min(1).max(50) }),
] as const

export const ProjectStatusLabels = { idea: 'Idé', ongoing: 'Pågående', completed: 'Avslutat', paused: 'Pausat' } as const

export const ArtifactKindLabels = {
  document: 'Dokument',
  template: 'Mall',
  procurement: 'Upphandlingsunderlag',
  code: 'Kod / öppen källkod',
  dataset: 'Datamängd',
  guide: 'Guide',
  other: 'Annat',
} as const

/** Licences offered for shared material (SPDX identifiers where one exists). */
export const LicenceLabels = {
  'CC-BY-4.0': 'CC BY 4.0 (erkännande)',
  'CC0-1.0': 'CC0 1.0 (ingen upphovsrätt förbehållen)',
  'EUPL-1.2': 'EUPL 1.2',
  MIT: 'MIT',
  'Apache-2.0': 'Apache 2.0',
  'all-rights-reserved': 'Alla rättigheter förbehållna',
  other: 'Annan licens (se beskrivningen)',
} as const

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      context.addIssue({ code: 'custom', message: 'Ange datumet som ÅÅÅÅ-MM-DD.' })
      return z.NEVER
    }
    return date
  })

export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Adressen är för lång.')
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname)
    } catch {
      return false
    }
  }, 'Ange en hel webbadress som börjar med https://.')

/** "Rubrik | https://…" or a bare URL, one per line. */
export const LinksSchema = z
  .string()
  .max(5000, 'För många länkar.')
  .optional()
  .transform((value, context) => {
    const lines = (value ?? '').split('\n').map(cleanSingleLine).filter(Boolean)
    if (lines.length > 10) context.addIssue({ code: 'custom', message: 'Högst 10 länkar.' })
    return lines.flatMap((line) => {
      const [first, ...rest] = line.split('|')
      const url = (rest.length > 0 ? rest.join('|') : (first ?? '')).trim()
      const label = (rest.length > 0 ? (first ?? '') : '').trim().slice(0, 120)
      const parsed = HttpUrlSchema.safeParse(url)
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: `Länken ”${line.slice(0, 60)}” är ingen giltig webbadress.` })
        return []
      }
      return [{ url: parsed.data, label: label || new URL(parsed.data).hostname }]
    })
  })

/** Organisation names, one per line, matched against the registry by the service. */
export const OrganisationNamesSchema = z
  .string()
  .max(5000, 'För många organisationer.')
  .optional()
  .transform((value) => [...new Set((value ?? '').split('\n').map(cleanSingleLine).filter(Boolean))].slice(0, 50))

const checkbox = z.literal('on').optional().transform(Boolean)

export const ProjectSchema = z
  .object({
    title: TitleSchema,
    body: RichTextFieldSchema,
    projectStatus: z.enum(['idea', 'ongoing', 'completed', 'paused'], { errorMap: () => ({ message: 'Välj status.' }) }),
    startDate: optionalDate,
    endDate: optionalDate,
    lead: singleLine(z.string().max(200, 'Namnet får vara högst 200 tecken.').optional()).transform((value) => value || null),
    participants: OrganisationNamesSchema,
    contactName: singleLine(z.string().max(100, 'Namnet får vara högst 100 tecken.').optional()).transform((value) => value || null),
    contactEmail: singleLine(
      z
        .string()
        .max(254)
        .optional()
        .refine((value) => !value || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'Ange en giltig e-postadress.'),
    ).transform((value) => value || null),
    seekingPartners: checkbox,
    shareEditing: checkbox,
    links: LinksSchema,
    tags: TagsSchema,
    submissionKey: SubmissionKeySchema,
  })
  .refine((value) => !value.startDate || !value.endDate || value.endDate >= value.startDate, {
    message: 'Slutdatum kan inte vara före startdatum.',
    path: ['endDate'],
  })

export const ArtifactSchema = z.object({
  title: TitleSchema,
  body: RichTextFieldSchema,
  artifactKind: z.enum(['document', 'template', 'procurement', 'code', 'dataset', 'guide', 'other'], {
    errorMap: () => ({ message: 'Välj typ av material.' }),
  }),
  licence: z.enum(['CC-BY-4.0', 'CC0-1.0', 'EUPL-1.2', 'MIT', 'Apache-2.0', 'all-rights-reserved', 'other'], {
    errorMap: () => ({ message: 'Välj licens.' }),
  }),
  externalUrl: z
    .union([z.literal('').transform(() => null), HttpUrlSchema])
    .optional()
    .transform((value) => value ?? null),
  tags: TagsSchema,
  submissionKey: SubmissionKeySchema,
})

export const CommentLimits = { max: 2000 }

const onOff = z.enum(['on', 'off']).transform((value) => value === 'on')

/** Likes and bookmarks, on every post page. */
export const EngagementActions = [z.object({ intent: z.literal('like'), value: onOff }), z.object({ intent: z.literal('bookmark'), value: onOff })] as const

/** The project and artifact pages' buttons. */
export const PostPageActionSchema = z.discriminatedUnion('intent', [
  ...EngagementActions,
  z.object({
    intent: z.literal('comment'),
    comment: multiLine(
      z
        .string({ required_error: 'Skriv en kommentar.' })
        .trim()
        .min(1, 'Skriv en kommentar.')
        .max(CommentLimits.max, `Kommentaren får vara högst ${CommentLimits.max} tecken.`),
    ),
    submissionKey: SubmissionKeySchema,
  }),
  z.object({ intent: z.literal('delete-comment'), commentId: z.string().min(1).max(50) }),
  z.object({ intent: z.literal('delete') }),
])

export const QuestionPageActionSchema = z.discriminatedUnion('intent', [...QuestionActions, ...EngagementActions])
