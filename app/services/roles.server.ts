import { prisma } from '#app/utils/db.server.ts'
import { writeAudit } from './audit.server.ts'

/**
 * Sets a member's role from the command line (the operator bootstraps the first admin this
 * way). The change is audited as done by "Systemet".
 */
export async function setRoleByEmail(email: string, role: 'member' | 'moderator' | 'admin') {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, role: true } })
    if (!user) return null
    await tx.user.update({ where: { id: user.id }, data: { role } })
    await writeAudit(tx, null, {
      action: 'member.role-changed',
      targetType: 'user',
      targetId: user.id,
      targetName: user.name,
      data: { from: user.role, to: role },
    })
    return { name: user.name, from: user.role, to: role }
  })
}
