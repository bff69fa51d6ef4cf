/**
 * The Swedish words for the domain's kinds and states that more than one surface shows: the
 * moderation queue, notifications, e-mails, appeals, reports and member pages. One place each,
 * so a word changes everywhere at once.
 *
 * Labels that belong to one enum with a form field (roles, organisation types, project
 * statuses, artifact kinds, licences, report reasons, audit actions, notification e-mail kinds)
 * are defined once beside their enum in app/validation/; post types in ./post-type.ts.
 */

/** What can be reported, moderated or appealed: a post, an answer, a comment or a member. */
export type ContentKind = 'post' | 'answer' | 'comment' | 'member'

type KindWords = {
  /** On a card or in a list: "Svar". */
  label: string
  /** In a sentence: "Anmäl svaret". */
  definite: string
  /** Told to its author: "ditt svar". */
  yours: string
  /** The title a phrase names it by: its own (a post), its post's ("svaret på ”…”") or none (a member). */
  titled: 'own' | 'post' | 'none'
}

export const CONTENT_KIND_WORDS = {
  post: { label: 'Inlägg', definite: 'inlägget', yours: 'ditt inlägg', titled: 'own' },
  answer: { label: 'Svar', definite: 'svaret', yours: 'ditt svar', titled: 'post' },
  comment: { label: 'Kommentar', definite: 'kommentaren', yours: 'din kommentar', titled: 'post' },
  member: { label: 'Medlem', definite: 'medlemmen', yours: 'ditt konto', titled: 'none' },
} as const satisfies Record<ContentKind, KindWords>

/** Audit-log targets call a member 'user'; anything else unknown gives null. */
export function contentKindOf(targetType: string): ContentKind | null {
  const kind = targetType === 'user' ? 'member' : targetType
  return Object.hasOwn(CONTENT_KIND_WORDS, kind) ? (kind as ContentKind) : null
}

/**
 * The thing in a sentence with the title it is known by: "ditt svar på ”Titel”",
 * "inlägget ”Titel”", "ditt konto". `capitalise` for the start of a sentence or label.
 */
export function contentPhrase(kind: ContentKind, form: 'definite' | 'yours', title: string | null, { capitalise = false } = {}): string {
  const words: KindWords = CONTENT_KIND_WORDS[kind]
  const named = words[form]
  const start = capitalise ? named.charAt(0).toUpperCase() + named.slice(1) : named
  if (words.titled === 'none' || title === null) return start
  return `${start}${words.titled === 'post' ? ' på' : ''} ”${title}”`
}

export const CONTENT_STATUS_LABELS = { visible: 'Synligt', hidden: 'Dolt', deleted: 'Borttaget' } as const

export const MEMBER_STATUS_LABELS = { pending: 'Väntar på godkännande', active: 'Aktiv', rejected: 'Avslagen', suspended: 'Avstängd' } as const

export const REPORT_STATUS_LABELS = { open: 'Öppen', dismissed: 'Avfärdad', actioned: 'Åtgärdad' } as const

export const APPEAL_STATUS_LABELS = { open: 'Väntar på prövning', upheld: 'Beslutet står fast', overturned: 'Beslutet ändrat' } as const
