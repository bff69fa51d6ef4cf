import type { getMemberModerationHistory } from '#app/models/member-moderation.server.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'
import { ReportReasonLabels } from '#app/validation/report.ts'
import { stockholmDate } from '#app/utils/stockholm-date.ts'
import { formatDate, formatDateTime } from '#app/utils/swedish.ts'
import { APPEAL_STATUS_LABELS, CONTENT_KIND_WORDS, contentPhrase, REPORT_STATUS_LABELS } from './vocabulary.ts'

/** A member's moderation history as the member page shows it to moderators, in Swedish. */
type History = Awaited<ReturnType<typeof getMemberModerationHistory>>

export function presentModerationHistory(history: History) {
  return {
    // The column holds the instant the suspension ends; people read its last day.
    suspendedUntil: history.suspendedUntil ? formatDate(stockholmDate(new Date(history.suspendedUntil.getTime() - 1))) : null,
    decisions: history.decisions.map((row) => ({
      id: row.id,
      when: formatDateTime(row.createdAt),
      label: AUDIT_ACTIONS[row.action as keyof typeof AUDIT_ACTIONS] ?? row.action,
      actorName: row.actorName,
      reason: row.reason,
    })),
    warnings: history.warnings.map((row) => ({
      id: row.id,
      when: formatDateTime(row.createdAt),
      message: row.message,
      moderatorName: row.moderator?.name ?? 'En tidigare moderator',
      acknowledged: row.acknowledgedAt ? formatDateTime(row.acknowledgedAt) : null,
    })),
    reports: history.reports.map((row) => ({
      id: row.id,
      when: formatDateTime(row.createdAt),
      // On the member's own page a report about them is about "Medlemmen", this member.
      target: row.targetType === 'member' ? contentPhrase('member', 'definite', null, { capitalise: true }) : CONTENT_KIND_WORDS[row.targetType].label,
      reason: ReportReasonLabels[row.reason],
      details: row.details,
      status: REPORT_STATUS_LABELS[row.status],
      resolution: row.resolution,
    })),
    appeals: history.appeals.map((row) => ({
      id: row.id,
      when: formatDateTime(row.createdAt),
      message: row.message,
      status: APPEAL_STATUS_LABELS[row.status],
      response: row.response,
    })),
  }
}

export type ModerationHistoryView = ReturnType<typeof presentModerationHistory>
