import type { ExportSection } from '#app/models/member-data.server.ts'

/**
 * Every column that points at a member, and what happens to it when the member downloads
 * their data (app/models/member-data.server.ts) and when they delete their account
 * (app/services/account-deletion.server.ts). One list, so nothing is forgotten: a test
 * (member-data-tables.db.test.ts) reads the database's foreign keys to "User" and the
 * member-like columns without one, and fails for any column missing here.
 *
 * On deletion, per choice ("anonymise" keeps the member's posts, answers and comments as
 * "Tidigare medlem"; "remove" deletes them):
 * - `delete`: the rows go;
 * - `set-null`: the rows stay without the reference (and without `alsoClear`);
 * - `keep`: the rows stay as they are, for the reason given (README, Decisions, "Account deletion keeps the audit log").
 */
export type DeletionHandling = 'delete' | 'set-null' | 'keep'
export type DeletionChoice = 'anonymise' | 'remove'

export type MemberReference = {
  table: string
  column: string
  /** What the column holds: the member's id (the default) or their e-mail address. */
  holds?: 'id' | 'email'
  /** The id is written after this prefix ("member:<id>"). */
  prefix?: string
  /** A database foreign key to "User" (the others are listed so the test knows them). */
  foreignKey: boolean
  /** Only rows matching this SQL condition refer to a member (polymorphic target columns). */
  onlyWhere?: string
  /** The export section holding these rows, or null (then `why` says why not). */
  export: ExportSection | null
  onDelete: Record<DeletionChoice, DeletionHandling>
  /** Columns cleared together with the reference when it is set to null. */
  alsoClear?: string[]
  why: string
}

const always = (handling: DeletionHandling): Record<DeletionChoice, DeletionHandling> => ({ anonymise: handling, remove: handling })
const byChoice = { anonymise: 'set-null', remove: 'delete' } as const

/**
 * In the order deletion handles them: content first (removing a post takes its answers and
 * comments with it), then the member's own records, then the references others keep.
 */
export const MEMBER_REFERENCES: readonly MemberReference[] = [
  {
    table: 'Post',
    column: 'authorId',
    foreignKey: true,
    export: 'posts',
    onDelete: byChoice,
    why: 'The member chooses: kept as "Tidigare medlem" or removed with its answers and comments.',
  },
  { table: 'Answer', column: 'authorId', foreignKey: true, export: 'answers', onDelete: byChoice, why: 'The member chooses, as for posts.' },
  { table: 'Comment', column: 'authorId', foreignKey: true, export: 'comments', onDelete: byChoice, why: 'The member chooses, as for posts.' },
  {
    table: 'FileObject',
    column: 'uploaderId',
    foreignKey: true,
    export: 'files',
    onDelete: byChoice,
    why: 'Files belong to the content: kept with it, or removed (bytes too) with it. Images no saved text shows go either way.',
  },
  {
    table: 'Post',
    column: 'contactEmail',
    holds: 'email',
    foreignKey: false,
    export: 'projectContacts',
    onDelete: always('set-null'),
    alsoClear: ['contactName'],
    why: 'A project naming the member as its contact person loses the contact, whoever wrote it.',
  },
  { table: 'Session', column: 'userId', foreignKey: true, export: 'signInHistory', onDelete: always('delete'), why: 'Sign-ins end at once.' },
  {
    table: 'SignInCode',
    column: 'email',
    holds: 'email',
    foreignKey: false,
    export: null,
    onDelete: always('delete'),
    why: 'Hashed one-time codes, worthless to the member and gone within a day anyway.',
  },
  {
    table: 'EmailOutbox',
    column: 'toEmail',
    holds: 'email',
    foreignKey: false,
    export: null,
    onDelete: always('delete'),
    why: 'Decision e-mails to the member, sent or waiting to be (README, decision 018): they go, unsent ones too, since nobody is left to read them. Not exported: what they told is in the notifications, organisation requests, warnings and appeals sections.',
  },
  {
    table: 'Revision',
    column: 'editorId',
    foreignKey: true,
    export: 'revisions',
    onDelete: always('set-null'),
    why: "An earlier version belongs to the post or answer it came from, which follows its author's choice (removed content takes its versions along); only who made the edit is forgotten. The export holds every earlier version of the member's own content, and for their edits of others' content the post and time, not others' words.",
  },
  {
    table: 'AnswerVote',
    column: 'userId',
    foreignKey: true,
    export: 'answerVotes',
    onDelete: always('delete'),
    why: "Votes are the member's; the answers' scores are recounted.",
  },
  {
    table: 'PostLike',
    column: 'userId',
    foreignKey: true,
    export: 'likes',
    onDelete: always('delete'),
    why: "Likes are the member's; the posts' counts are recounted.",
  },
  { table: 'Bookmark', column: 'userId', foreignKey: true, export: 'bookmarks', onDelete: always('delete'), why: "The member's own list." },
  { table: 'Follow', column: 'userId', foreignKey: true, export: 'follows', onDelete: always('delete'), why: "The member's own list." },
  { table: 'Notification', column: 'userId', foreignKey: true, export: 'notifications', onDelete: always('delete'), why: 'Notifications to the member.' },
  {
    table: 'Notification',
    column: 'actorId',
    foreignKey: true,
    export: null,
    onDelete: always('set-null'),
    why: 'Other members\' notifications about what the member did: they read "En tidigare medlem". Not exported: they belong to the recipients.',
  },
  {
    table: 'NotificationEmailBatch',
    column: 'userId',
    foreignKey: true,
    export: null,
    onDelete: always('delete'),
    why: "The member's next notification e-mail, not yet written (README, decision 023). Not exported: which notifications were e-mailed is in the notifications section (mailedAt).",
  },
  { table: 'DigestDelivery', column: 'userId', foreignKey: true, export: 'digests', onDelete: always('delete'), why: "The member's digest history." },
  { table: 'DigestSentItem', column: 'userId', foreignKey: true, export: 'digestItems', onDelete: always('delete'), why: "The member's digest history." },
  {
    table: 'DigestSentItem',
    column: 'itemKey',
    foreignKey: false,
    prefix: 'member:',
    export: null,
    onDelete: always('keep'),
    why: "Other members' record that a digest told them about the member: an id that no longer names anyone once the user row is gone.",
  },
  {
    table: 'OrganisationRequest',
    column: 'requestedById',
    foreignKey: true,
    export: 'organisationRequests',
    onDelete: always('set-null'),
    why: 'The request concerns an organisation and may have been approved: it stays without its requester.',
  },
  {
    table: 'OrganisationRequest',
    column: 'decidedById',
    foreignKey: false,
    export: null,
    onDelete: always('set-null'),
    why: "A moderator's decision: the audit log keeps who decided. Not exported: it is about the organisation, not the member.",
  },
  {
    table: 'Report',
    column: 'reporterId',
    foreignKey: true,
    export: 'reports',
    onDelete: always('set-null'),
    why: "A report about someone else's content stays useful to the moderators without its reporter.",
  },
  {
    table: 'Report',
    column: 'targetUserId',
    foreignKey: true,
    export: null,
    onDelete: always('set-null'),
    why: "Reports about the member's content stay while the content does. Not exported: it would reveal the reporters.",
  },
  {
    table: 'Report',
    column: 'targetId',
    foreignKey: false,
    onlyWhere: `"targetType" = 'member'`,
    export: null,
    onDelete: always('delete'),
    why: 'Reports about the member as a person: there is no one left to moderate.',
  },
  {
    table: 'Report',
    column: 'resolvedById',
    foreignKey: true,
    export: null,
    onDelete: always('set-null'),
    why: "A moderator's work: the audit log keeps who decided.",
  },
  {
    table: 'MemberWarning',
    column: 'userId',
    foreignKey: true,
    export: 'warnings',
    onDelete: always('delete'),
    why: 'Warnings to the member; the audit log keeps the decision.',
  },
  {
    table: 'MemberWarning',
    column: 'moderatorId',
    foreignKey: true,
    export: null,
    onDelete: always('set-null'),
    why: "A moderator's work: the audit log keeps who decided.",
  },
  {
    table: 'Appeal',
    column: 'userId',
    foreignKey: true,
    export: 'appeals',
    onDelete: always('delete'),
    why: "The member's appeals; the audit log keeps the decisions.",
  },
  {
    table: 'Appeal',
    column: 'decidedById',
    foreignKey: true,
    export: null,
    onDelete: always('set-null'),
    why: "A moderator's work: the audit log keeps who decided.",
  },
  {
    table: 'AccessibilityReport',
    column: 'reporterId',
    foreignKey: true,
    export: 'accessibilityReports',
    onDelete: always('set-null'),
    why: 'A report about the service stays useful without its reporter.',
  },
  {
    table: 'AccessibilityReport',
    column: 'email',
    holds: 'email',
    foreignKey: false,
    export: 'accessibilityReports',
    onDelete: always('set-null'),
    why: 'A reply address the member gave while signed out.',
  },
  {
    table: 'SiteSettings',
    column: 'updatedById',
    foreignKey: false,
    export: null,
    onDelete: always('set-null'),
    why: "An admin's work: the audit log keeps who changed what.",
  },
  {
    table: 'AuditLog',
    column: 'actorId',
    foreignKey: false,
    export: null,
    onDelete: always('keep'),
    why: 'Accountability: decisions stay attributed to the person who made them (README, Decisions, "Account deletion keeps the audit log").',
  },
  {
    table: 'AuditLog',
    column: 'targetId',
    foreignKey: false,
    onlyWhere: `"targetType" = 'user'`,
    export: null,
    onDelete: always('keep'),
    why: 'The moderation history about the member stays as evidence for appeals and complaints (README, Decisions, "Account deletion keeps the audit log").',
  },
]

/** "Table.column": how the completeness test names a reference. */
export function referenceName(reference: Pick<MemberReference, 'table' | 'column'>) {
  return `${reference.table}.${reference.column}`
}

/**
 * The SQL condition (with the value for $1) matching the rows of a reference that refer to
 * the member. Identifiers come from the constant registry above, never from input.
 */
export function referenceMatch(reference: MemberReference, member: { id: string; email: string }) {
  const column = `"${reference.column}"`
  const match = reference.holds === 'email' ? `lower(${column}) = $1` : `${column} = $1`
  return {
    where: reference.onlyWhere ? `${match} AND ${reference.onlyWhere}` : match,
    value: reference.holds === 'email' ? member.email.toLowerCase() : `${reference.prefix ?? ''}${member.id}`,
  }
}
