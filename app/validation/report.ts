import { z } from 'zod'
import { multiLine } from './text.ts'

/** Members' reports of posts, answers, comments and members (app/services/report.server.ts). */
export const ReportLimits = { detailsMax: 1000 }

export const ReportReasonLabels = {
  spam: 'Spam eller reklam',
  inappropriate: 'Olämpligt innehåll',
  misinformation: 'Felaktig information',
  personal_data: 'Personuppgifter som inte borde synas',
  other: 'Annat',
} as const

export type ReportReason = keyof typeof ReportReasonLabels

export const ReportTargetTypes = ['post', 'answer', 'comment', 'member'] as const
export type ReportTargetType = (typeof ReportTargetTypes)[number]

const id = z.string().min(1).max(50)

/** Which thing is reported: `?typ=post&id=…` on the report page. */
export const ReportTargetSchema = z.object({
  typ: z.enum(ReportTargetTypes, { message: 'Okänd typ av innehåll.' }),
  id,
})

export const ReportSchema = z
  .object({
    reason: z.enum(Object.keys(ReportReasonLabels) as [ReportReason, ...ReportReason[]], {
      message: 'Välj varför du anmäler.',
    }),
    details: multiLine(z.string().trim().max(ReportLimits.detailsMax, `Beskrivningen får vara högst ${ReportLimits.detailsMax} tecken.`).optional()).transform(
      (value) => value ?? '',
    ),
  })
  .superRefine((value, context) => {
    if (value.reason === 'other' && value.details.length === 0) {
      context.addIssue({ code: 'custom', path: ['details'], message: 'Beskriv vad som är fel när du väljer ”Annat”.' })
    }
  })

export type ReportInput = z.infer<typeof ReportSchema>
