import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { ReportReasonLabels, type ReportReason, type ReportTargetType } from '#app/validation/report.ts'

/** The moderators' queue: pending organisation requests and pending members, oldest first (reports: `listReportCards`). */
export async function getModerationQueue() {
  const [organisationRequests, pendingMembers] = await Promise.all([
    prisma.organisationRequest.findMany({
      where: { status: 'pending' },
      select: {
        id: true,
        name: true,
        type: true,
        domain: true,
        motivation: true,
        createdAt: true,
        requestedBy: { select: { name: true, email: true, title: true } },
        _count: { select: { waiters: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 100,
    }),
    prisma.user.findMany({
      where: { status: 'pending', organisationId: { not: null } },
      select: {
        id: true,
        name: true,
        title: true,
        email: true,
        createdAt: true,
        organisation: { select: { name: true, slug: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 100,
    }),
  ])
  return { organisationRequests, pendingMembers }
}

/** What waits for a moderator: organisation requests, members and open reports. */
export async function countPendingItems() {
  const [requests, members, reports] = await Promise.all([
    prisma.organisationRequest.count({ where: { status: 'pending' } }),
    prisma.user.count({ where: { status: 'pending', organisationId: { not: null } } }),
    prisma.report.count({ where: { status: 'open' } }),
  ])
  return requests + members + reports
}

export const REPORT_CARDS_PAGE_SIZE = 50

export type ReportCardCursor = { firstReportedAt: string; targetType: string; targetId: string }

type ReportedTarget = { targetType: ReportTargetType; targetId: string; firstReportedAt: Date }

const EXCERPT_MAX = 300

function excerpt(text: string) {
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX).trimEnd()} …` : text
}

/**
 * Open reports grouped by target (one card per reported post, answer, comment or member),
 * the target first reported longest ago first, keyset-paged by (first report, target).
 * Uses the (status, targetType, targetId) index; the page's reports and targets are then
 * read in one query per kind.
 */
export async function listReportCards(after?: ReportCardCursor) {
  const afterAt = after ? new Date(after.firstReportedAt) : null
  const cursor =
    after && afterAt && !Number.isNaN(afterAt.getTime())
      ? Prisma.sql`HAVING (MIN("createdAt"), "targetType"::text, "targetId") > (${afterAt}, ${after.targetType}, ${after.targetId})`
      : Prisma.empty
  const rows = await prisma.$queryRaw<ReportedTarget[]>`
    SELECT "targetType"::text AS "targetType", "targetId", MIN("createdAt") AS "firstReportedAt"
    FROM "Report" WHERE "status" = 'open'
    GROUP BY "targetType", "targetId"
    ${cursor}
    ORDER BY "firstReportedAt", "targetType", "targetId"
    LIMIT ${REPORT_CARDS_PAGE_SIZE + 1}`
  const page = rows.slice(0, REPORT_CARDS_PAGE_SIZE)
  const last = rows.length > REPORT_CARDS_PAGE_SIZE ? page[page.length - 1] : undefined
  return {
    cards: await buildReportCards(page),
    next: last ? { firstReportedAt: last.firstReportedAt.toISOString(), targetType: last.targetType, targetId: last.targetId } : null,
  }
}

/** One post, answer, comment or member as a moderator's card, with its open reports (if any). */
export async function getModerationCard(targetType: ReportTargetType, targetId: string) {
  const [card] = await buildReportCards([{ targetType, targetId, firstReportedAt: new Date() }])
  return card ?? null
}

const reportSelect = {
  targetType: true,
  targetId: true,
  reason: true,
  details: true,
  createdAt: true,
  reporter: { select: { id: true, name: true } },
} satisfies Prisma.ReportSelect

const contentPostSelect = { id: true, type: true, title: true, status: true } satisfies Prisma.PostSelect
const authorSelect = { select: { id: true, name: true } } as const

type CardContent = {
  title: string
  text: string
  /** The editable source: a post's or answer's JSON document, a comment's text. */
  body: unknown
  status: 'visible' | 'hidden' | 'deleted'
  statusReason: string | null
  author: { id: string; name: string } | null
  post: { id: string; type: 'question' | 'project' | 'artifact'; title: string; status: string } | null
}

async function loadContents(targets: ReportedTarget[]) {
  const ids = (type: ReportTargetType) => targets.filter((target) => target.targetType === type).map((target) => target.targetId)
  const [posts, answers, comments, members] = await Promise.all([
    prisma.post.findMany({
      where: { id: { in: ids('post') } },
      select: { ...contentPostSelect, bodyText: true, body: true, statusReason: true, author: authorSelect },
    }),
    prisma.answer.findMany({
      where: { id: { in: ids('answer') } },
      select: { id: true, bodyText: true, body: true, status: true, statusReason: true, author: authorSelect, post: { select: contentPostSelect } },
    }),
    prisma.comment.findMany({
      where: { id: { in: ids('comment') } },
      select: { id: true, body: true, status: true, statusReason: true, author: authorSelect, post: { select: contentPostSelect } },
    }),
    prisma.user.findMany({ where: { id: { in: ids('member') } }, select: { id: true, name: true, title: true } }),
  ])
  const contents = new Map<string, CardContent>()
  for (const post of posts) {
    contents.set(`post:${post.id}`, {
      title: post.title,
      text: post.bodyText,
      body: post.body,
      status: post.status,
      statusReason: post.statusReason,
      author: post.author,
      post,
    })
  }
  for (const answer of answers) {
    contents.set(`answer:${answer.id}`, {
      title: `Svar på ”${answer.post.title}”`,
      text: answer.bodyText,
      body: answer.body,
      status: answer.status,
      statusReason: answer.statusReason,
      author: answer.author,
      post: answer.post,
    })
  }
  for (const comment of comments) {
    contents.set(`comment:${comment.id}`, {
      title: `Kommentar på ”${comment.post.title}”`,
      text: comment.body,
      body: comment.body,
      status: comment.status,
      statusReason: comment.statusReason,
      author: comment.author,
      post: comment.post,
    })
  }
  for (const member of members) {
    contents.set(`member:${member.id}`, {
      title: member.name,
      text: member.title,
      body: null,
      status: 'visible',
      statusReason: null,
      author: member,
      post: null,
    })
  }
  return contents
}

async function buildReportCards(targets: ReportedTarget[]) {
  if (targets.length === 0) return []
  const [reports, contents] = await Promise.all([
    prisma.report.findMany({
      where: { status: 'open', OR: targets.map((target) => ({ targetType: target.targetType, targetId: target.targetId })) },
      select: reportSelect,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    loadContents(targets),
  ])
  return targets.flatMap((target) => {
    const content = contents.get(`${target.targetType}:${target.targetId}`)
    if (!content) return []
    const own = reports.filter((report) => report.targetType === target.targetType && report.targetId === target.targetId)
    const reasons = (Object.keys(ReportReasonLabels) as ReportReason[])
      .map((reason) => ({ reason, label: ReportReasonLabels[reason], count: own.filter((report) => report.reason === reason).length }))
      .filter((reason) => reason.count > 0)
    return [
      {
        targetType: target.targetType,
        targetId: target.targetId,
        ...content,
        excerpt: excerpt(content.text),
        reportCount: own.length,
        reasons,
        reports: own.map((report) => ({
          reason: ReportReasonLabels[report.reason],
          details: report.details,
          createdAt: report.createdAt,
          reporter: report.reporter,
        })),
      },
    ]
  })
}

export type ReportCardData = Awaited<ReturnType<typeof buildReportCards>>[number]
