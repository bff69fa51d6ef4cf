import { z } from 'zod'
import { OrganisationTypeSchema } from './auth.ts'

export const ModerationLimits = { reasonMax: 1000, nameMax: 150, countyMax: 60, domainMax: 253 }

const optionalReason = z
  .string()
  .trim()
  .max(ModerationLimits.reasonMax, `Motiveringen får vara högst ${ModerationLimits.reasonMax} tecken.`)
  .optional()
  .transform((value) => value || null)

const requiredReason = z
  .string({ required_error: 'Ange en motivering. Den skickas till den det gäller.' })
  .trim()
  .min(3, 'Ange en motivering. Den skickas till den det gäller.')
  .max(ModerationLimits.reasonMax, `Motiveringen får vara högst ${ModerationLimits.reasonMax} tecken.`)

const id = z.string().min(1).max(50)

export const MemberDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), userId: id, reason: optionalReason }),
  z.object({ intent: z.literal('reject'), userId: id, reason: requiredReason }),
  z.object({ intent: z.literal('suspend'), userId: id, reason: requiredReason }),
  z.object({ intent: z.literal('reinstate'), userId: id, reason: optionalReason }),
])

const organisationName = z
  .string({ required_error: 'Ange organisationens namn.' })
  .trim()
  .min(2, 'Ange organisationens namn.')
  .max(ModerationLimits.nameMax, `Namnet får vara högst ${ModerationLimits.nameMax} tecken.`)

const county = z
  .string()
  .trim()
  .max(ModerationLimits.countyMax, `Länet får vara högst ${ModerationLimits.countyMax} tecken.`)
  .optional()
  .transform((value) => value || null)

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
    domain: z
      .string({ required_error: 'Ange en domän, till exempel malmo.se.' })
      .trim()
      .min(3, 'Ange en domän, till exempel malmo.se.')
      .max(ModerationLimits.domainMax, 'Domänen är för lång.'),
    reason: optionalReason,
  }),
  z.object({ intent: z.literal('remove-domain'), domainId: id, reason: optionalReason }),
])

export const AuditFilterSchema = z.object({
  action: z.string().max(60).optional(),
  actor: z.string().trim().max(100).optional(),
  target: z.string().trim().max(150).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  before: z.string().max(100).optional(),
})
