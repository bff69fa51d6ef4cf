import { z } from 'zod'
import { multiLine, singleLine } from './text.ts'

/** Deleting one's account (app/routes/installningar.radera-konto.tsx): the choice and the typed address. */
export const DELETION_CHOICES = ['anonymise', 'remove'] as const

export const DeleteAccountSchema = (ownEmail: string) =>
  z.object({
    content: z.enum(DELETION_CHOICES, { message: 'Välj vad som ska hända med dina inlägg.' }),
    confirmEmail: z
      .string({ required_error: 'Skriv din e-postadress för att bekräfta.' })
      .trim()
      .refine((value) => value.toLowerCase() === ownEmail.toLowerCase(), 'E-postadressen stämmer inte med ditt konto. Skriv den adress du loggar in med.'),
  })

/** Reporting an accessibility problem (app/routes/tillganglighet.tsx). */
export const AccessibilityReportLimits = { descriptionMax: 4000, pageUrlMax: 500, emailMax: 254 }

export const AccessibilityReportSchema = z.object({
  pageUrl: singleLine(
    z.string().max(AccessibilityReportLimits.pageUrlMax, `Sidans adress får vara högst ${AccessibilityReportLimits.pageUrlMax} tecken.`).optional(),
  ).transform((value) => value ?? ''),
  description: multiLine(
    z
      .string({ required_error: 'Beskriv problemet.' })
      .trim()
      .min(1, 'Beskriv problemet.')
      .max(AccessibilityReportLimits.descriptionMax, `Beskrivningen får vara högst ${AccessibilityReportLimits.descriptionMax} tecken.`),
  ),
  email: singleLine(
    z
      .string()
      .max(AccessibilityReportLimits.emailMax, 'E-postadressen är för lång.')
      .email('Det där ser inte ut som en e-postadress. Lämna fältet tomt om du inte vill ha svar.')
      .optional(),
  ),
})

export const ResolveAccessibilityReportSchema = z.object({ reportId: z.string().min(1).max(50) })
