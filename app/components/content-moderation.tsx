import { CONTENT_KIND_WORDS, type ContentKind } from '#app/presenters/vocabulary.ts'
import { Link } from '@remix-run/react'

/**
 * What posts, answers and comments show about moderation: the status notice (to the author
 * and moderators), the "redigerad av moderator" label, and the viewer's "Anmäl" and
 * "Moderera" links. The data comes from `presentModeration` (app/presenters/post-page.server.ts).
 */
export type ModerationView = {
  statusNotice: string | null
  moderatorEdited: boolean
  canReport: boolean
  canModerate: boolean
}

export function reportPath(kind: ContentKind, id: string) {
  return `/anmal?typ=${kind}&id=${encodeURIComponent(id)}`
}

export function moderationPath(kind: ContentKind, id: string) {
  return `/moderering/innehall?typ=${kind}&id=${encodeURIComponent(id)}`
}

export function StatusNotice({ moderation }: { moderation: ModerationView }) {
  if (!moderation.statusNotice) return null
  return (
    <p className="status-banner" role="status">
      {moderation.statusNotice}
    </p>
  )
}

/**
 * Appended to a byline: " · redigerad 2 december 2026 kl. 10:42" and " · redigerad av
 * moderator", each a link to the versions when there is a history (posts and answers, not
 * comments).
 */
export function EditedLabels({ edited, moderation, historyPath }: { edited?: string | null; moderation: ModerationView; historyPath?: string }) {
  const mark = (text: string, className?: string) =>
    historyPath ? (
      <Link to={historyPath} className={className}>
        {text}
      </Link>
    ) : (
      <span className={className}>{text}</span>
    )
  return (
    <>
      {edited ? <> · {mark(`redigerad ${edited}`)}</> : null}
      {moderation.moderatorEdited ? <> · {mark('redigerad av moderator', 'moderator-edited')}</> : null}
    </>
  )
}

/** "Anmäl" for members, "Moderera" for moderators; nothing on your own content. */
export function ModerationLinks({ kind, id, moderation }: { kind: Exclude<ContentKind, 'member'>; id: string; moderation: ModerationView }) {
  if (!moderation.canReport && !moderation.canModerate) return null
  return (
    <span className="moderation-links">
      {moderation.canReport ? (
        <Link to={reportPath(kind, id)} aria-label={`Anmäl ${CONTENT_KIND_WORDS[kind].definite}`}>
          Anmäl
        </Link>
      ) : null}
      {moderation.canReport && moderation.canModerate ? ' · ' : null}
      {moderation.canModerate ? (
        <Link to={moderationPath(kind, id)} aria-label={`Moderera ${CONTENT_KIND_WORDS[kind].definite}`}>
          Moderera
        </Link>
      ) : null}
    </span>
  )
}
