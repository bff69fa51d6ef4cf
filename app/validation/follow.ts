import { z } from 'zod'
import { singleLine } from './text.ts'

/** What can be followed, and the form that follows or unfollows it (app/routes/folj.tsx). */
export const FOLLOW_TARGET_TYPES = ['tag', 'organisation', 'post'] as const
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number]

/** A tag by name, an organisation or a post by id. */
export type FollowTargetRef = { type: FollowTargetType; key: string }

export const FollowFormSchema = z.object({
  intent: z.enum(['follow', 'unfollow'], { message: 'Välj att följa eller sluta följa.' }),
  targetType: z.enum(FOLLOW_TARGET_TYPES, { message: 'Okänt slag av mål att följa.' }),
  target: singleLine(z.string({ required_error: 'Ange vad du vill följa.' }).min(1, 'Ange vad du vill följa.').max(100, 'Okänt mål att följa.')),
  redirectTo: z.string().max(2000).optional(),
})
