import { database } from '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import { setRoleByEmail } from '#app/services/roles.server.ts'
import { insertMember } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs, signedInMember } from '#tests/request.ts'
import { action, loader } from './admin.roller.tsx'

const { prisma } = database

const signedIn = (role: 'member' | 'moderator' | 'admin') => signedInMember(prisma, { role })

const post = (browser: Browser, fields: Record<string, string>, options?: Parameters<Browser['post']>[2]) =>
  call(() => action(routeArgs(browser.post('/admin/roller', fields, options))), browser)
const roleOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role
const roleAudits = (targetId: string) =>
  prisma.auditLog.findMany({ where: { action: 'member.role-changed', targetId }, select: { actorName: true, reason: true, data: true } })

describe('/admin/roller', () => {
  test('an admin makes a member moderator and back, with the reason audited', async () => {
    const { user: admin, browser } = await signedIn('admin')
    const member = await insertMember(prisma, { name: 'Rut Rollsson' })

    const made = await post(browser, { userId: member.id, role: 'moderator', reason: 'Ny moderator för Skåne' })
    expect(made.location).toBe('/admin/roller')
    expect(flashOf(made)).toEqual({ message: 'Rut Rollsson är nu moderator.', tone: 'success' })
    expect(await roleOf(member.id)).toBe('moderator')

    const page = await call(() => loader(routeArgs(browser.get('/admin/roller?q=Rollsson'))), browser)
    const listed = page.data as { staff: Array<{ id: string; role: string }>; candidates: Array<{ id: string; role: string }> }
    expect(listed.staff).toContainEqual(expect.objectContaining({ id: member.id, role: 'moderator' }))
    expect(listed.candidates).toEqual([expect.objectContaining({ id: member.id, role: 'moderator' })])

    await post(browser, { userId: member.id, role: 'member', reason: 'Uppdraget är slut' })
    expect(await roleOf(member.id)).toBe('member')
    expect(await roleAudits(member.id)).toEqual([
      { actorName: admin.name, reason: 'Ny moderator för Skåne', data: { from: 'member', to: 'moderator' } },
      { actorName: admin.name, reason: 'Uppdraget är slut', data: { from: 'moderator', to: 'member' } },
    ])
    // Many queries on a shared 2-core machine: more than the default 5 s when busy.
  })

  test('the last admin cannot give up the role (409); with a second admin they can', async () => {
    await prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'member' } })
    const { user: admin, browser } = await signedIn('admin')

    const refused = await post(browser, { userId: admin.id, role: 'member', reason: 'Jag slutar' })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.data)).toContain('Det måste finnas minst en administratör.')
    expect(await roleOf(admin.id)).toBe('admin')
    // The command line keeps the same rule.
    await expect(setRoleByEmail(admin.email, 'moderator')).rejects.toHaveProperty('status', 409)

    const second = await insertMember(prisma)
    await post(browser, { userId: second.id, role: 'admin', reason: 'Ersättare' })
    const stepped = await post(browser, { userId: admin.id, role: 'member', reason: 'Jag slutar' })
    expect(stepped.status).toBe(302)
    expect(await roleOf(admin.id)).toBe('member')
  })

  test('bad input: Swedish messages, 400/404/409, nothing changes', async () => {
    const { browser } = await signedIn('admin')
    const member = await insertMember(prisma)
    const unknownRole = await post(browser, { userId: member.id, role: 'superuser', reason: 'Varför inte' })
    expect(unknownRole.status).toBe(400)
    expect(JSON.stringify(unknownRole.data)).toContain('Välj medlem, moderator eller administratör.')
    const noReason = await post(browser, { userId: member.id, role: 'moderator', reason: '' })
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(noReason.data)).toContain('Ange en motivering till rolländringen.')
    const missing = await post(browser, { userId: 'no-such-user', role: 'moderator', reason: 'Finns inte' })
    expect(missing.status).toBe(404)
    expect(JSON.stringify(missing.data)).toContain('Medlemmen finns inte.')
    const pending = await insertMember(prisma, { status: 'pending' })
    const inactive = await post(browser, { userId: pending.id, role: 'moderator', reason: 'För tidigt' })
    expect(inactive.status).toBe(409)
    expect(JSON.stringify(inactive.data)).toContain('Bara aktiva medlemmar kan bli moderator.')
    expect(await roleOf(member.id)).toBe('member')
    expect(await roleOf(pending.id)).toBe('member')
  })

  test('members and moderators get 403; a post without the CSRF token gets 403', async () => {
    const target = await insertMember(prisma)
    for (const role of ['member', 'moderator'] as const) {
      const { browser } = await signedIn(role)
      expect((await call(() => loader(routeArgs(browser.get('/admin/roller'))), browser)).status).toBe(403)
      expect((await post(browser, { userId: target.id, role: 'admin', reason: 'Jag tar över' })).status).toBe(403)
    }
    const { browser } = await signedIn('admin')
    expect((await post(browser, { userId: target.id, role: 'admin', reason: 'Utan token' }, { csrf: false })).status).toBe(403)
    expect(await roleOf(target.id)).toBe('member')
  })
})
