import type { listOpenAppeals } from '#app/models/appeal.server.ts'
import { formatDateTime } from '#app/utils/swedish.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { contentKindOf, contentPhrase } from './vocabulary.ts'

/** An open appeal as the moderation queue shows it: who, what they appeal, and why. */
type AppealRow = Awaited<ReturnType<typeof listOpenAppeals>>['appeals'][number]

/** "Svaret på ”Titel”", "Medlemmen": what the appealed decision was about. */
function targetPhrase(targetType: string, targetName: string | null) {
  const kind = contentKindOf(targetType)
  return kind ? contentPhrase(kind, 'definite', targetName, { capitalise: true }) : targetType
}

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
          target: targetPhrase(decision.targetType, decision.targetName),
          by: decision.actorName,
          when: formatDateTime(decision.createdAt),
          reason: decision.reason,
        }
      : null,
  }
}

export type AppealCardView = ReturnType<typeof presentAppeal>
