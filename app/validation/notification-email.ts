import { z } from 'zod'

/**
 * The notification kinds a member may also get by e-mail, with the labels of the settings
 * page (app/routes/installningar.notiser.tsx) and the unsubscribe page. Moderators' decisions
 * are always e-mailed and are not a choice.
 */
export const EMAIL_NOTIFICATION_KINDS = ['answer', 'comment', 'accepted', 'mention', 'following'] as const
export type EmailNotificationKind = (typeof EMAIL_NOTIFICATION_KINDS)[number]

export const EMAIL_NOTIFICATION_LABELS: Record<EmailNotificationKind, string> = {
  answer: 'Svar på mina frågor',
  comment: 'Kommentarer på mina inlägg',
  accepted: 'När mitt svar väljs som bästa svar',
  mention: 'När någon nämner mig',
  following: 'Nya svar på frågor jag följer',
}

const kind = z.enum(EMAIL_NOTIFICATION_KINDS, { message: 'Okänd sorts notis.' })

/** The settings form: the ticked kinds (none ticked turns notification e-mail off). */
export const NotificationEmailPreferencesSchema = z.object({
  kinds: z.array(kind).max(EMAIL_NOTIFICATION_KINDS.length).default([]),
})

export const isEmailNotificationKind = (value: string): value is EmailNotificationKind => kind.safeParse(value).success
