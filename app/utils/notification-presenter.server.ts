import { postPath } from '#app/components/post-list.tsx'
import type { NotificationRow } from '#app/models/notification.server.ts'
import { formatRelativeDate } from './swedish.ts'

/** A notification as the "Notiser" page shows it: one Swedish sentence, a link, a time. */
export type NotificationView = { id: string; text: string; href: string | null; reason: string | null; unread: boolean; when: string }

const TARGET_PHRASES = { post: 'ditt inlägg', answer: 'ditt svar på', comment: 'din kommentar på' } as const

function describe(row: NotificationRow): { text: string; href: string | null; reason?: string | null } {
  const actor = row.actor?.name ?? 'En tidigare medlem'
  const post = row.post
  const title = post ? `”${post.title}”` : 'ett inlägg som inte längre finns'
  const path = post ? postPath(post) : null
  switch (row.kind) {
    case 'answer':
      return { text: `${actor} svarade på din fråga ${title}.`, href: path && `${path}#svar-${row.subjectId}` }
    case 'comment':
      return { text: `${actor} kommenterade ${title}.`, href: path }
    case 'accepted':
      return { text: `${actor} valde ditt svar på ${title} som det bästa svaret.`, href: path && `${path}#svar-${row.subjectId}` }
    case 'following':
      return row.count === 1
        ? { text: `Nytt i det du följer: ${title}.`, href: path }
        : { text: `${row.count} nya inlägg och svar i det du följer, senast ${title}.`, href: '/?visa=foljer' }
    case 'mention':
      return { text: `${actor} nämnde dig i ${row.subjectId ? 'ett svar på ' : ''}${title}.`, href: path && (row.subjectId ? `${path}#svar-${row.subjectId}` : path) }
    case 'moderation': {
      const notice = row.moderation
      if (!notice) return { text: 'En moderator har fattat ett beslut om ditt innehåll.', href: null }
      const verb = notice.action === 'deleted' ? 'tog bort' : 'återställde'
      return { text: `En moderator ${verb} ${TARGET_PHRASES[notice.target]} ”${notice.title}”.`, href: notice.action === 'restored' || notice.target !== 'post' ? path : null, reason: notice.reason }
    }
  }
}

export function presentNotifications(rows: NotificationRow[], now = new Date()): NotificationView[] {
  return rows.map((row) => {
    const { text, href, reason = null } = describe(row)
    return { id: row.id, text, href, reason, unread: row.readAt === null, when: formatRelativeDate(row.lastEventAt, now) }
  })
}
