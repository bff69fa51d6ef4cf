import { z } from 'zod'

/** The weekly digest settings form (app/routes/installningar.veckobrev.tsx). */
export const DIGEST_FREQUENCIES = ['weekly', 'monthly', 'never'] as const
export type DigestFrequencyChoice = (typeof DIGEST_FREQUENCIES)[number]

export const DigestPreferencesSchema = (sectionKeys: readonly [string, ...string[]]) =>
  z.object({
    frequency: z.enum(DIGEST_FREQUENCIES, { message: 'Välj hur ofta du vill få veckobrevet.' }),
    // The ticked sections; none ticked is allowed (the digest then has nothing to say).
    sections: z
      .array(z.enum(sectionKeys, { message: 'Okänd del av veckobrevet.' }))
      .max(sectionKeys.length)
      .default([]),
  })

/** The unsubscribe page (app/routes/veckobrev_.avsluta.tsx): one frequency. */
export const DigestUnsubscribeSchema = z.object({
  frequency: z.enum(DIGEST_FREQUENCIES, { message: 'Välj om du vill ha veckobrevet varje månad, varje vecka eller inte alls.' }),
})
