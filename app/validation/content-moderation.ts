import { z } from 'zod'
import { CommentLimits, RichTextFieldSchema, TitleSchema } from './content.ts'
import { ModerationLimits } from './moderation.ts'
import { multiLine } from './text.ts'

/** Moderators' actions on content and on the reports about it (the queue's cards, /moderering/innehall). */
const reason = multiLine(
  z
    .string({ required_error: 'Ange en motivering. Den skickas till den det gäller.' })
    .trim()
    .min(3, 'Ange en motivering. Den skickas till den det gäller.')
    .max(ModerationLimits.reasonMax, `Motiveringen får vara högst ${ModerationLimits.reasonMax} tecken.`),
)

const redirectTo = z.string().max(500).optional()

export const ContentModerationSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('dismiss'), reason, redirectTo }),
  z.object({ intent: z.literal('hide'), reason, redirectTo }),
  z.object({ intent: z.literal('delete'), reason, redirectTo }),
  z.object({ intent: z.literal('restore'), reason, redirectTo }),
])

/** A moderator's correction of a post's owning organisation (empty: none) and, for projects, co-editing. */
export const OwnershipCorrectionSchema = z.object({
  intent: z.literal('ownership'),
  organisationId: z
    .string()
    .max(50)
    .optional()
    .transform((value) => value || null),
  shareEditing: z.literal('on').optional().transform(Boolean),
  reason,
})

/** A moderator's edit: posts have a title and rich text, answers rich text, comments plain text. */
export const ModeratorEditSchema = z.discriminatedUnion('targetType', [
  z.object({ targetType: z.literal('post'), title: TitleSchema, body: RichTextFieldSchema, reason }),
  z.object({ targetType: z.literal('answer'), body: RichTextFieldSchema, reason }),
  z.object({
    targetType: z.literal('comment'),
    body: multiLine(
      z
        .string({ required_error: 'Skriv kommentaren.' })
        .trim()
        .min(1, 'Skriv kommentaren.')
        .max(CommentLimits.max, `Kommentaren får vara högst ${CommentLimits.max} tecken.`),
    ),
    reason,
  }),
])
