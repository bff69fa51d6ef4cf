import { z } from 'zod'
import { cleanSingleLine, multiLine, singleLine } from './text.ts'

export const AuthLimits = { emailMax: 254, nameMax: 100, titleMax: 100, motivationMax: 1000, orgNameMax: 150 }

export const EmailSchema = singleLine(
  z
    .string({ required_error: 'Ange din e-postadress i jobbet.' })
    .min(1, 'Ange din e-postadress i jobbet.')
    .max(AuthLimits.emailMax, `E-postadressen får vara högst ${AuthLimits.emailMax} tecken.`),
)

export const SignInSchema = z.object({
  email: EmailSchema,
  redirectTo: z.string().max(2000).optional(),
})

export const CodeSchema = z.object({
  code: z
    .string({ required_error: 'Ange koden från e-postmeddelandet.' })
    .trim()
    .max(20, 'Koden är sex siffror.')
    .regex(/^[\d\s-]+$/, 'Koden består bara av siffror.')
    .refine((value) => value.replace(/[\s-]/g, '').length === 6, 'Koden är sex siffror.'),
})

export const NameSchema = singleLine(
  z.string({ required_error: 'Ange ditt namn.' }).min(2, 'Ange ditt namn.').max(AuthLimits.nameMax, `Namnet får vara högst ${AuthLimits.nameMax} tecken.`),
)

export const TitleSchema = singleLine(z.string().max(AuthLimits.titleMax, `Titeln får vara högst ${AuthLimits.titleMax} tecken.`).optional()).transform(
  (value) => value ?? '',
)

export const OrganisationTypeSchema = z.enum(['kommun', 'region', 'myndighet', 'annan'], {
  errorMap: () => ({ message: 'Välj typ av organisation.' }),
})

export const OrganisationTypeLabels = {
  kommun: 'Kommun',
  region: 'Region',
  myndighet: 'Myndighet',
  annan: 'Annan offentlig organisation',
} as const

/** First sign-in: the profile, and either a registry organisation or a request for a new one. */
export const OnboardingSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('join'),
    name: NameSchema,
    title: TitleSchema,
    organisationId: z.string({ required_error: 'Välj din organisation.' }).min(1, 'Välj din organisation.').max(50),
  }),
  z.object({
    intent: z.literal('request'),
    name: NameSchema,
    title: TitleSchema,
    organisationName: singleLine(
      z
        .string({ required_error: 'Ange organisationens namn.' })
        .min(2, 'Ange organisationens namn.')
        .max(AuthLimits.orgNameMax, `Namnet får vara högst ${AuthLimits.orgNameMax} tecken.`),
    ),
    organisationType: OrganisationTypeSchema,
    motivation: multiLine(
      z
        .string({ required_error: 'Berätta kort varför organisationen hör hemma här.' })
        .trim()
        .min(10, 'Berätta kort (minst 10 tecken) varför organisationen hör hemma här.')
        .max(AuthLimits.motivationMax, `Motiveringen får vara högst ${AuthLimits.motivationMax} tecken.`),
    ),
  }),
])

export const ProfileSchema = z.object({
  name: NameSchema,
  title: TitleSchema,
  interests: z
    .string()
    .max(500, 'Intresseområdena får vara högst 500 tecken.')
    .optional()
    .transform((value) =>
      [
        ...new Set(
          (value ?? '')
            .split(',')
            .map((item) => cleanSingleLine(item).toLowerCase())
            .filter(Boolean),
        ),
      ].slice(0, 20),
    ),
})
