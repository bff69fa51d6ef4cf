import { z } from 'zod'
import { multiLine, singleLine } from './text.ts'

/** Administration forms: roles, site settings, the registry import and merging organisations. */
export const AdminLimits = {
  reasonMax: 1000,
  siteNameMin: 2,
  siteNameMax: 80,
  emailMax: 254,
  uploadMinMb: 1,
  uploadMaxMb: 500,
  /** The organisation CSV an admin uploads. */
  importMaxBytes: 2 * 1024 * 1024,
} as const

export const ROLES = ['member', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const RoleLabels: Record<Role, string> = { member: 'Medlem', moderator: 'Moderator', admin: 'Administratör' }

const id = z.string().min(1).max(50)

const reason = multiLine(
  z
    .string({ required_error: 'Ange en motivering till rolländringen.' })
    .trim()
    .min(3, 'Ange en motivering till rolländringen.')
    .max(AdminLimits.reasonMax, `Motiveringen får vara högst ${AdminLimits.reasonMax} tecken.`),
)

export const RoleChangeSchema = z.object({
  userId: id,
  role: z.enum(ROLES, { errorMap: () => ({ message: 'Välj medlem, moderator eller administratör.' }) }),
  reason,
})

/** A number field that may be left empty (then the default applies). */
const optionalInt = (min: number, max: number, message: string) =>
  z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message).optional(),
    )
    .transform((value) => value ?? null)

/** Empty fields fall back to the defaults from the environment (shown next to each field). */
export const SiteSettingsSchema = z.object({
  siteName: singleLine(z.string().optional())
    .transform((value) => value || null)
    .refine(
      (value) => value === null || (value.length >= AdminLimits.siteNameMin && value.length <= AdminLimits.siteNameMax),
      `Webbplatsens namn ska vara ${AdminLimits.siteNameMin}–${AdminLimits.siteNameMax} tecken.`,
    ),
  contactEmail: singleLine(z.string().toLowerCase().max(AdminLimits.emailMax, 'Kontaktadressen är för lång.').optional())
    .transform((value) => value || null)
    .refine((value) => value === null || z.string().email().safeParse(value).success, 'Ange en giltig e-postadress, till exempel kontakt@kommun.se.'),
  digestWeekday: optionalInt(1, 7, 'Välj en veckodag.'),
  digestHour: optionalInt(0, 23, 'Ange en timme mellan 0 och 23.'),
  uploadMaxMb: optionalInt(
    AdminLimits.uploadMinMb,
    AdminLimits.uploadMaxMb,
    `Ange en gräns mellan ${AdminLimits.uploadMinMb} och ${AdminLimits.uploadMaxMb} MB.`,
  ),
})

export type SiteSettingsInput = z.infer<typeof SiteSettingsSchema>

const previewFirst = 'Förhandsgranska filen först.'

export const OrganisationImportSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('preview'), file: z.instanceof(File, { message: 'Välj en CSV-fil att importera.' }) }),
  z.object({
    intent: z.literal('apply'),
    /** The previewed file, base64, and the signed token holding its hash. */
    content: z.string({ required_error: previewFirst }).min(1, previewFirst),
    token: z.string({ required_error: previewFirst }).min(1, previewFirst),
  }),
])

export const OrganisationMergeSchema = z.object({
  removeId: id,
  keepId: id,
  reason: multiLine(
    z
      .string({ required_error: 'Ange en motivering till sammanslagningen.' })
      .trim()
      .min(3, 'Ange en motivering till sammanslagningen.')
      .max(AdminLimits.reasonMax, `Motiveringen får vara högst ${AdminLimits.reasonMax} tecken.`),
  ),
})
