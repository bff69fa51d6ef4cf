import { prisma } from '#app/utils/db.server.ts'

/** The sections of the export, in the order the file lists them. */
export const EXPORT_SECTIONS = [
  'profile',
  'signInHistory',
  'posts',
  'projectContacts',
  'answers',
  'comments',
  'files',
  'revisions',
  'answerVotes',
  'likes',
  'bookmarks',
  'follows',
  'notifications',
  'digests',
  'digestItems',
  'organisationRequests',
  'reports',
  'warnings',
  'appeals',
  'accessibilityReports',
] as const
export type ExportSection = (typeof EXPORT_SECTIONS)[number]

/**
 * Everything Samverka stores about a member, for their own download ("Mina uppgifter").
 * One section per EXPORT_SECTIONS entry (the registry says which table lands where). Only
 * the member's own rows; other people appear by name at most (never their e-mail), and
 * secrets (session ids, code hashes) are left out.
 */
const postTitle = { select: { id: true, type: true, title: true } } as const

type RevisionRow = {
  answerId: string | null
  title: string | null
  bodyText: string
  byModerator: boolean
  createdAt: Date
  editorId: string | null
  post: { id: string; title: string; authorId: string | null }
  answer: { authorId: string | null } | null
}

/** An earlier version of the member's own content in full; of others' content only that they edited it (not others' words). */
function presentRevision(revision: RevisionRow, userId: string) {
  const own = (revision.answer ? revision.answer.authorId : revision.post.authorId) === userId
  const about = { post: { id: revision.post.id, title: revision.post.title }, answerId: revision.answerId, editedAt: revision.createdAt }
  if (!own) return { ...about, editedByYou: true }
  return {
    ...about,
    editedByYou: revision.editorId === userId,
    byModerator: revision.byModerator,
    earlierTitle: revision.title,
    earlierText: revision.bodyText,
  }
}

export async function getMemberData(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      title: true,
      interests: true,
      role: true,
      status: true,
      statusReason: true,
      suspendedUntil: true,
      digestFrequency: true,
      digestSectionsOff: true,
      digestStoppedReason: true,
      notificationMailKinds: true,
      createdAt: true,
      updatedAt: true,
      organisation: { select: { name: true, slug: true } },
    },
  })
  const byEmail = { equals: user.email, mode: 'insensitive' } as const
  const own = { where: { userId }, orderBy: { createdAt: 'asc' } } as const
  const authored = { where: { authorId: userId }, orderBy: { createdAt: 'asc' } } as const

  const [
    signInHistory,
    posts,
    projectContacts,
    answers,
    comments,
    files,
    revisions,
    answerVotes,
    likes,
    bookmarks,
    follows,
    notifications,
    digests,
    digestItems,
    organisationRequests,
    reports,
    warnings,
    appeals,
    accessibilityReports,
  ] = await Promise.all([
    prisma.session.findMany({ ...own, select: { createdAt: true, lastUsedAt: true, expiresAt: true, ipAddress: true, userAgent: true } }),
    prisma.post.findMany({
      ...authored,
      select: {
        id: true,
        type: true,
        title: true,
        bodyText: true,
        status: true,
        statusReason: true,
        createdAt: true,
        editedAt: true,
        projectStatus: true,
        startDate: true,
        endDate: true,
        seekingPartners: true,
        contactName: true,
        contactEmail: true,
        artifactKind: true,
        licence: true,
        externalUrl: true,
        organisation: { select: { name: true } },
        tags: { select: { tag: { select: { name: true } } } },
        links: { select: { url: true, label: true }, orderBy: { position: 'asc' } },
      },
    }),
    prisma.post.findMany({
      where: { contactEmail: byEmail },
      orderBy: { createdAt: 'asc' },
      select: { id: true, title: true, contactName: true, contactEmail: true },
    }),
    prisma.answer.findMany({
      ...authored,
      select: { id: true, bodyText: true, status: true, statusReason: true, score: true, createdAt: true, editedAt: true, post: postTitle },
    }),
    prisma.comment.findMany({
      ...authored,
      select: { id: true, body: true, status: true, statusReason: true, createdAt: true, editedAt: true, post: postTitle },
    }),
    prisma.fileObject.findMany({
      where: { uploaderId: userId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, originalName: true, mimeType: true, size: true, sha256: true, createdAt: true, post: postTitle },
    }),
    prisma.revision.findMany({
      where: { OR: [{ editorId: userId }, { answerId: null, post: { authorId: userId } }, { answer: { authorId: userId } }] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        answerId: true,
        title: true,
        bodyText: true,
        byModerator: true,
        createdAt: true,
        editorId: true,
        post: { select: { id: true, title: true, authorId: true } },
        answer: { select: { authorId: true } },
      },
    }),
    prisma.answerVote.findMany({ ...own, select: { value: true, createdAt: true, updatedAt: true, answer: { select: { id: true, post: postTitle } } } }),
    prisma.postLike.findMany({ ...own, select: { createdAt: true, post: postTitle } }),
    prisma.bookmark.findMany({ ...own, select: { createdAt: true, post: postTitle } }),
    prisma.follow.findMany({
      ...own,
      select: {
        targetType: true,
        automatic: true,
        createdAt: true,
        tag: { select: { name: true } },
        organisation: { select: { name: true } },
        post: postTitle,
      },
    }),
    prisma.notification.findMany({
      ...own,
      select: {
        kind: true,
        count: true,
        data: true,
        createdAt: true,
        lastEventAt: true,
        readAt: true,
        mailedAt: true,
        actor: { select: { name: true } },
        post: postTitle,
      },
    }),
    prisma.digestDelivery.findMany({ ...own, select: { week: true, status: true, sentAt: true, createdAt: true } }),
    prisma.digestSentItem.findMany({ ...own, select: { itemKey: true, week: true, createdAt: true } }),
    prisma.organisationRequest.findMany({
      where: { requestedById: userId },
      orderBy: { createdAt: 'asc' },
      select: { name: true, type: true, domain: true, motivation: true, status: true, decisionReason: true, createdAt: true, decidedAt: true },
    }),
    prisma.report.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: 'asc' },
      select: { targetType: true, targetId: true, reason: true, details: true, status: true, resolution: true, createdAt: true, resolvedAt: true },
    }),
    prisma.memberWarning.findMany({ ...own, select: { message: true, createdAt: true, acknowledgedAt: true } }),
    prisma.appeal.findMany({ ...own, select: { message: true, status: true, response: true, createdAt: true, decidedAt: true } }),
    prisma.accessibilityReport.findMany({
      where: { OR: [{ reporterId: userId }, { email: byEmail }] },
      orderBy: { createdAt: 'asc' },
      select: { pageUrl: true, description: true, email: true, createdAt: true, resolvedAt: true },
    }),
  ])

  const { organisation, ...profile } = user
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, organisation: organisation?.name ?? null },
    signInHistory,
    posts: posts.map(({ tags, organisation, ...post }) => ({ ...post, organisation: organisation?.name ?? null, tags: tags.map((item) => item.tag.name) })),
    projectContacts,
    answers,
    comments,
    files,
    revisions: revisions.map((revision) => presentRevision(revision, userId)),
    answerVotes,
    likes,
    bookmarks,
    follows,
    notifications: notifications.map(({ actor, ...notification }) => ({ ...notification, actor: actor?.name ?? null })),
    digests,
    digestItems,
    organisationRequests,
    reports,
    warnings,
    appeals,
    accessibilityReports,
  } satisfies Record<ExportSection, unknown> & { exportedAt: string }
}
