import { z } from 'zod'
import { parseRichTextField } from '#app/editor/document.ts'

export const ContentLimits = { titleMin: 8, titleMax: 160, tagMax: 40, tagsMax: 8, bodyFieldMax: 400_000 }

/** A tag as stored: trimmed, inner whitespace collapsed, lower-case, Swedish letters kept. */
export function normalizeTag(input: string): string {
  return input
    .normalize('NFC')
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('sv-SE')
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

export const TitleSchema = z
  .string({ required_error: 'Skriv en rubrik.' })
  .trim()
  .min(ContentLimits.titleMin, `Rubriken behöver minst ${ContentLimits.titleMin} tecken.`)
  .max(ContentLimits.titleMax, `Rubriken får vara högst ${ContentLimits.titleMax} tecken.`)

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

export const QuestionSchema = z.object({
  title: TitleSchema,
  body: RichTextFieldSchema,
  tags: TagsSchema,
})

export const AnswerSchema = z.object({ body: RichTextFieldSchema })

export const ReasonSchema = z
  .string()
  .trim()
  .max(1000, 'Motiveringen får vara högst 1000 tecken.')
  .optional()
  .transform((value) => value || null)

/** The question page's buttons. */
export const QuestionPageActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('answer'), body: RichTextFieldSchema }),
  z.object({ intent: z.literal('vote'), answerId: z.string().min(1).max(50), value: z.enum(['1', '-1', '0']).transform(Number) }),
  z.object({ intent: z.literal('accept'), answerId: z.string().max(50).optional().transform((value) => value || null) }),
  z.object({ intent: z.literal('delete-question'), reason: ReasonSchema }),
  z.object({ intent: z.literal('restore-question'), reason: ReasonSchema }),
  z.object({ intent: z.literal('delete-answer'), answerId: z.string().min(1).max(50), reason: ReasonSchema }),
  z.object({ intent: z.literal('restore-answer'), answerId: z.string().min(1).max(50), reason: ReasonSchema }),
])
