import { postPath } from '#app/presenters/post-type.ts'
import { contentPhrase } from '#app/presenters/vocabulary.ts'
import type { NotificationRow } from '#app/models/notification.server.ts'
import type { MemberNotice } from '#app/services/notification.server.ts'
import { formatDate, formatRelativeDate } from '#app/utils/swedish.ts'

/** A notification as the "Notiser" page shows it: one Swedish sentence, a link, a time. */
export type NotificationView = {
  id: string
  text: string
  href: string | null
  reason: string | null
  /** "Överklaga beslutet" for a moderator's decision the member may appeal. */
  appealHref: string | null
  unread: boolean
  when: string
}

const CONTENT_VERBS = { deleted: 'tog bort', restored: 'återställde', hidden: 'dolde', edited: 'redigerade' } as const

/** Decisions against the member or their content, which they may appeal (see APPEALABLE_ACTIONS). */
const APPEALABLE_NOTICES = new Set<string>(['hidden', 'deleted', 'warned', 'suspended', 'rejected'])

const MEMBER_NOTICES: Record<MemberNotice['action'], (until: string | null) => string> = {
  approved: () => 'En moderator har godkänt ditt konto.',
  rejected: () => 'En moderator har avslagit din ansökan om konto.',
  warned: () => 'En moderator har gett dig en varning.',
  suspended: (until) => `En moderator stängde av ditt konto ${until ? `till och med ${formatDate(until)}` : 'tills vidare'}.`,
  reinstated: () => 'En moderator har återaktiverat ditt konto.',
  'suspension-ended': () => 'Din avstängning har löpt ut och ditt konto är aktivt igen.',
  'appeal-upheld': () => 'Ditt överklagande är prövat: beslutet står fast.',
  'appeal-overturned': () => 'Ditt överklagande är prövat: beslutet är ändrat.',
}

function describe(row: NotificationRow): { text: string; href: string | null; reason?: string | null } {
  const actor = row.actor?.name ?? 'En tidigare medlem'
  const post = row.post
  const title = post ? `”${post.title}”` : 'ett inlägg som inte längre finns'
  const path = post ? postPath(post) : null
  switch (row.kind) {
    case 'answer':
      return { text: `${actor} svarade på din fråga ${title}.`, href: path && `${path}#svar-${row.subjectId}` }
    case 'comment':
      return { text: `${actor} kommenterade ${title}.`, href: path && (row.subjectId ? `${path}#kommentar-${row.subjectId}` : path) }
    case 'accepted':
      return { text: `${actor} valde ditt svar på ${title} som det bästa svaret.`, href: path && `${path}#svar-${row.subjectId}` }
    case 'following':
      return row.count === 1
        ? { text: `Nytt i det du följer: ${title}.`, href: path }
        : { text: `${row.count} nya inlägg och svar i det du följer, senast ${title}.`, href: '/?visa=foljer' }
    case 'mention':
      return {
        text: `${actor} nämnde dig i ${row.subjectId ? 'ett svar på ' : ''}${title}.`,
        href: path && (row.subjectId ? `${path}#svar-${row.subjectId}` : path),
      }
    case 'moderation': {
      const notice = row.moderation
      if (!notice) return { text: 'En moderator har fattat ett beslut om ditt innehåll.', href: null }
      if (notice.target === 'member') return { text: MEMBER_NOTICES[notice.action](notice.until ?? null), href: null, reason: notice.reason }
      const href =
        notice.action === 'deleted' && notice.target === 'post' ? null : path && (notice.target === 'answer' ? `${path}#svar-${row.subjectId}` : path)
      return { text: `En moderator ${CONTENT_VERBS[notice.action]} ${contentPhrase(notice.target, 'yours', notice.title)}.`, href, reason: notice.reason }
    }
  }
}

export function presentNotifications(rows: NotificationRow[], now = new Date()): NotificationView[] {
  return rows.map((row) => {
    const { text, href, reason = null } = describe(row)
    const notice = row.moderation
    const appealHref = notice?.auditLogId && APPEALABLE_NOTICES.has(notice.action) ? `/overklaga/${notice.auditLogId}` : null
    return { id: row.id, text, href, reason, appealHref, unread: row.readAt === null, when: formatRelativeDate(row.lastEventAt, now) }
  })
}
