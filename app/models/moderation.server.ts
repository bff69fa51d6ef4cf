import { prisma } from '#app/utils/db.server.ts'

/** The moderators' queue: pending organisation requests and pending members, oldest first. */
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

export async function countPendingItems() {
  const [requests, members] = await Promise.all([
    prisma.organisationRequest.count({ where: { status: 'pending' } }),
    prisma.user.count({ where: { status: 'pending', organisationId: { not: null } } }),
  ])
  return requests + members
}
