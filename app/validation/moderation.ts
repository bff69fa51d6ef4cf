import { z } from 'zod'
import { isCalendarDate, stockholmDayStart } from '#app/utils/stockholm-date.ts'
import { OrganisationTypeSchema } from './auth.ts'
import { multiLine, singleLine } from './text.ts'

export const ModerationLimits = { reasonMax: 1000, nameMax: 150, countyMax: 60, domainMax: 253 }

const optionalReason = multiLine(
  z.string().trim().max(ModerationLimits.reasonMax, `Motiveringen får vara högst ${ModerationLimits.reasonMax} tecken.`).optional(),
).transform((value) => value || null)

const requiredReason = multiLine(
  z
    .string({ required_error: 'Ange en motivering. Den skickas till den det gäller.' })
    .trim()
    .min(3, 'Ange en motivering. Den skickas till den det gäller.')
    .max(ModerationLimits.reasonMax, `Motiveringen får vara högst ${ModerationLimits.reasonMax} tecken.`),
)

const id = z.string().min(1).max(50)

/** A date typed as YYYY-MM-DD (a date field), optional; the message says what is wrong. */
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isCalendarDate(value), `${label} måste vara ett datum, till exempel 2026-12-31.`)

export const MemberDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), userId: id, reason: optionalReason }),
  z.object({ intent: z.literal('reject'), userId: id, reason: requiredReason }),
  z.object({
    intent: z.literal('suspend'),
    userId: id,
    reason: requiredReason,
    /** The last day of the suspension; empty: indefinitely. */
    until: optionalDate('Till och med').refine(
      (value) => value === null || !isCalendarDate(value) || stockholmDayStart(value, 1).getTime() > Date.now(),
      'Till och med kan inte vara ett datum som har passerat. Lämna fältet tomt för en avstängning tills vidare.',
    ),
  }),
  z.object({ intent: z.literal('reinstate'), userId: id, reason: optionalReason }),
])

/** The member page's forms: the decisions above and a warning. */
export const MemberActionSchema = z.discriminatedUnion('intent', [
  ...MemberDecisionSchema.options,
  z.object({
    intent: z.literal('warn'),
    userId: id,
    message: multiLine(
      z
        .string({ required_error: 'Skriv varningen. Medlemmen ser den på varje sida tills hen har läst den.' })
        .trim()
        .min(3, 'Skriv varningen. Medlemmen ser den på varje sida tills hen har läst den.')
        .max(ModerationLimits.reasonMax, `Varningen får vara högst ${ModerationLimits.reasonMax} tecken.`),
    ),
  }),
])

export const AppealLimits = { messageMax: 2000 }

export const AppealSchema = z.object({
  message: multiLine(
    z
      .string({ required_error: 'Skriv varför beslutet borde ändras.' })
      .trim()
      .min(3, 'Skriv varför beslutet borde ändras.')
      .max(AppealLimits.messageMax, `Överklagandet får vara högst ${AppealLimits.messageMax} tecken.`),
  ),
})

export const AppealDecisionSchema = z.object({
  intent: z.enum(['appeal-uphold', 'appeal-overturn']),
  appealId: id,
  response: multiLine(
    z
      .string({ required_error: 'Skriv ett svar till medlemmen.' })
      .trim()
      .min(3, 'Skriv ett svar till medlemmen.')
      .max(ModerationLimits.reasonMax, `Svaret får vara högst ${ModerationLimits.reasonMax} tecken.`),
  ),
})

const organisationName = singleLine(
  z
    .string({ required_error: 'Ange organisationens namn.' })
    .min(2, 'Ange organisationens namn.')
    .max(ModerationLimits.nameMax, `Namnet får vara högst ${ModerationLimits.nameMax} tecken.`),
)

const county = singleLine(z.string().max(ModerationLimits.countyMax, `Länet får vara högst ${ModerationLimits.countyMax} tecken.`).optional()).transform(
  (value) => value || null,
)

export const OrganisationRequestDecisionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('approve-organisation'),
    requestId: id,
    name: organisationName,
    type: OrganisationTypeSchema,
    county,
    reason: optionalReason,
  }),
  z.object({ intent: z.literal('reject-organisation'), requestId: id, reason: requiredReason }),
])

export const OrganisationEditSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('update'),
    name: organisationName,
    type: OrganisationTypeSchema,
    county,
    verified: z.literal('on').optional().transform(Boolean),
    manualApproval: z.literal('on').optional().transform(Boolean),
    reason: optionalReason,
  }),
  z.object({
    intent: z.literal('add-domain'),
    domain: singleLine(
      z
        .string({ required_error: 'Ange en domän, till exempel malmo.se.' })
        .min(3, 'Ange en domän, till exempel malmo.se.')
        .max(ModerationLimits.domainMax, 'Domänen är för lång.'),
    ),
    reason: optionalReason,
  }),
  z.object({ intent: z.literal('remove-domain'), domainId: id, reason: optionalReason }),
])

export const AUDIT_TARGET_TYPES = {
  user: 'Medlem',
  post: 'Inlägg',
  answer: 'Svar',
  comment: 'Kommentar',
  organisation: 'Organisation',
  'organisation-request': 'Organisationsbegäran',
  domain: 'Domän',
  appeal: 'Överklagande',
} as const

const emptyToUndefined = (value: string | undefined) => value || undefined

/**
 * The audit log's filters (page and export): actor and target by name (part of it) or id,
 * target type, action, and a period of Stockholm days. Bad input is a 400 with the reason.
 */
export const AuditFilterSchema = z
  .object({
    /** Checked against AUDIT_ACTIONS (audit.ts) where the filter is applied. */
    action: z.string().max(60, 'Okänd åtgärd.').optional().transform(emptyToUndefined),
    actor: z.string().trim().max(100, 'Vem får vara högst 100 tecken.').optional().transform(emptyToUndefined),
    targetType: z
      .string()
      .optional()
      .transform(emptyToUndefined)
      .refine((value) => value === undefined || value in AUDIT_TARGET_TYPES, 'Okänd typ av mål.'),
    target: z.string().trim().max(150, 'Gäller får vara högst 150 tecken.').optional().transform(emptyToUndefined),
    from: optionalDate('Från och med').transform((value) => value ?? undefined),
    to: optionalDate('Till och med').transform((value) => value ?? undefined),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { message: 'Från och med kan inte vara efter till och med.', path: ['to'] })

export type AuditFilterInput = z.infer<typeof AuditFilterSchema>
