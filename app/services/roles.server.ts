import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { type Actor, canAdminister } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { conflict, notFound } from '#app/utils/errors.server.ts'
import { type Role, RoleLabels } from '#app/validation/admin.ts'
import { type AuditActor, writeAudit } from './audit.server.ts'

/**
 * Appointing moderators and admins: by an admin in /admin/roller, or by the operator from
 * the command line (`npm run user:role`, how the first admin is made). Both go through
 * `applyRole`, which keeps at least one active admin and audits the change.
 */
export type RoleChange = { name: string; from: Role; to: Role }

const targetSelect = { id: true, name: true, role: true, status: true } satisfies Prisma.UserSelect
type Target = Prisma.UserGetPayload<{ select: typeof targetSelect }>

async function applyRole(tx: Prisma.TransactionClient, actor: AuditActor, user: Target, role: Role, reason: string | null): Promise<RoleChange> {
  if (user.role === role) return { name: user.name, from: user.role, to: role }
  if (role !== 'member' && user.status !== 'active') {
    throw conflict(`Bara aktiva medlemmar kan bli ${RoleLabels[role].toLowerCase()}.`)
  }
  if (user.role === 'admin') {
    // Locks the admins' rows, so two admins demoting each other at once cannot both succeed.
    const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "User" WHERE "role" = 'admin' AND "status" = 'active' FOR UPDATE`
    if (!admins.some((admin) => admin.id !== user.id)) {
      throw conflict('Det måste finnas minst en administratör. Utse en annan administratör innan du tar bort den här rollen.')
    }
  }
  await tx.user.update({ where: { id: user.id }, data: { role }, select: { id: true } })
  await writeAudit(tx, actor, {
    action: 'member.role-changed',
    targetType: 'user',
    targetId: user.id,
    targetName: user.name,
    reason,
    data: { from: user.role, to: role },
  })
  return { name: user.name, from: user.role, to: role }
}

/** An admin sets a member's role, with a reason. Setting the role they have changes nothing. */
export async function changeRole(actor: Actor, input: { userId: string; role: Role; reason: string }): Promise<RoleChange> {
  authorize(canAdminister(actor))
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: targetSelect })
    if (!user) throw notFound('Medlemmen finns inte.')
    return applyRole(tx, actor, user, input.role, input.reason)
  })
}

/** The command line: audited as done by "Systemet"; null when no account has the address. */
export async function setRoleByEmail(email: string, role: Role): Promise<RoleChange | null> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: targetSelect })
    return user ? applyRole(tx, null, user, role, null) : null
  })
}
