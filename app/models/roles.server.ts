import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { searchMembers } from './directory-search.server.ts'

/** Reads for /admin/roller: the current moderators and admins, and members found by name. */
export const roleHolderSelect = {
  id: true,
  name: true,
  title: true,
  role: true,
  organisation: { select: { name: true } },
} satisfies Prisma.UserSelect

export type RoleHolder = Prisma.UserGetPayload<{ select: typeof roleHolderSelect }>

/** A handful of people hold these roles; the cap keeps the page bounded all the same. */
const STAFF_LIST_MAX = 200

export async function listStaff(): Promise<RoleHolder[]> {
  return prisma.user.findMany({
    where: { role: { in: ['moderator', 'admin'] } },
    select: roleHolderSelect,
    orderBy: [{ role: 'asc' }, { sortKey: 'asc' }, { id: 'asc' }],
    take: STAFF_LIST_MAX,
  })
}

/** Active members matching the query (the directory search), with their roles, best match first. */
export async function searchRoleCandidates(query: string): Promise<RoleHolder[]> {
  const found = await searchMembers(query, { limit: 20 })
  const rows = await prisma.user.findMany({ where: { id: { in: found.map((member) => member.id) } }, select: roleHolderSelect })
  const byId = new Map(rows.map((row) => [row.id, row]))
  return found.flatMap((member) => byId.get(member.id) ?? [])
}
