import type { listOpenAppeals } from '#app/models/appeal.server.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'

/** An open appeal as the moderation queue shows it: who, what they appeal, and why. */
type AppealRow = Awaited<ReturnType<typeof listOpenAppeals>>['appeals'][number]

const TARGET_LABELS = { user: 'Medlemmen', post: 'Inlägget', answer: 'Svaret på', comment: 'Kommentaren på' } as const

export function presentAppeal(row: AppealRow) {
  const decision = row.decision
  return {
    id: row.id,
    when: formatDateTime(row.createdAt),
    message: row.message,
    member: row.user,
    decision: decision
      ? {
          label: AUDIT_ACTIONS[decision.action as keyof typeof AUDIT_ACTIONS] ?? decision.action,
          target:
            `${TARGET_LABELS[decision.targetType as keyof typeof TARGET_LABELS] ?? decision.targetType} ${decision.targetType === 'user' ? '' : `”${decision.targetName}”`}`.trim(),
          by: decision.actorName,
          when: formatDateTime(decision.createdAt),
          reason: decision.reason,
        }
      : null,
  }
}

export type AppealCardView = ReturnType<typeof presentAppeal>
