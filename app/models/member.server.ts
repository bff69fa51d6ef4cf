import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

export const memberCardSelect = {
  id: true,
  name: true,
  title: true,
  organisation: { select: { name: true, slug: true, verified: true } },
} satisfies Prisma.UserSelect

/** A member's profile as other members see it: only active members are visible to members. */
export async function getMemberProfile(userId: string, { includeInactive = false } = {}) {
  return prisma.user.findFirst({
    where: { id: userId, ...(includeInactive ? {} : { status: 'active' }) },
    select: {
      ...memberCardSelect,
      interests: true,
      role: true,
      status: true,
      statusReason: true,
      createdAt: true,
    },
  })
}

export async function getOwnProfile(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, title: true, email: true, interests: true, organisation: { select: { name: true, slug: true } } },
  })
}

/** The member's weekly digest settings. */
export async function getDigestPreferences(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { digestFrequency: true, digestSectionsOff: true, digestStoppedReason: true, interests: true },
  })
}

/** Which notification kinds the member also gets by e-mail, and why e-mail to them stopped (if it did); null when the member is gone. */
export async function getNotificationEmailPreferences(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { id: true, notificationMailKinds: true, digestStoppedReason: true } })
}

/** Who an unsubscribe token names (any status: a suspended member may still turn the digest off). */
export async function getDigestRecipient(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { id: true, digestFrequency: true } })
}

export const MEMBER_PAGE_SIZE = 50

/** Active members of an organisation in Swedish alphabetical order, keyset-paged. */
export async function listOrganisationMembers(organisationId: string, after?: { sortKey: string; id: string }) {
  const rows = await prisma.user.findMany({
    where: {
      organisationId,
      status: 'active',
      ...(after ? { OR: [{ sortKey: { gt: after.sortKey } }, { sortKey: after.sortKey, id: { gt: after.id } }] } : {}),
    },
    select: { id: true, name: true, title: true, sortKey: true },
    orderBy: [{ sortKey: 'asc' }, { id: 'asc' }],
    take: MEMBER_PAGE_SIZE + 1,
  })
  const page = rows.slice(0, MEMBER_PAGE_SIZE)
  const last = page[page.length - 1]
  return { members: page, next: rows.length > MEMBER_PAGE_SIZE && last ? { sortKey: last.sortKey, id: last.id } : null }
}

/** The user's sessions, most recently used first. */
export async function listSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastUsedAt: true, userAgent: true, ipAddress: true },
    orderBy: { lastUsedAt: 'desc' },
    take: 100,
  })
}

/** What a pending user waits for: their organisation request, or a manual-approval organisation. */
export async function getPendingStatus(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      organisation: { select: { name: true } },
      organisationRequest: { select: { name: true, domain: true, status: true } },
    },
  })
  return { organisation: user.organisation, organisationRequest: user.organisationRequest }
}

/** The newest active members of an organisation, for the home page. */
export async function listNewestColleagues(organisationId: string, excludeUserId: string, take = 5) {
  return prisma.user.findMany({
    where: { organisationId, status: 'active', id: { not: excludeUserId } },
    select: { id: true, name: true, title: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

export async function hasAccount(email: string): Promise<boolean> {
  return (await prisma.user.count({ where: { email } })) > 0
}
