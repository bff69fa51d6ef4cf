import { database } from '#tests/setup/database.ts'
import { describe, expect, test } from 'vitest'
import { createProject } from '#app/services/post.server.ts'
import { buildProjectInput, insertActor, insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs, signedInMember } from '#tests/request.ts'
import { action, loader } from './admin.organisationer.sammanfoga.tsx'
import { loader as organisationLoader } from './organisationer.$slug.tsx'

const { prisma } = database

const signedIn = (role: 'member' | 'moderator' | 'admin') => signedInMember(prisma, { role })

const merge = (browser: Browser, fields: Record<string, string>, options?: Parameters<Browser['post']>[2]) =>
  call(() => action(routeArgs(browser.post('/admin/organisationer/sammanfoga', fields, options))), browser)
const previewPage = (browser: Browser, removeId: string, keepId: string) =>
  call(() => loader(routeArgs(browser.get(`/admin/organisationer/sammanfoga?${new URLSearchParams({ bort: removeId, behall: keepId })}`))), browser)

describe('/admin/organisationer/sammanfoga', () => {
  test('members, posts, participations, follows, domains and requests move without duplicates; the old page redirects; audited', async () => {
    const { user: admin, browser } = await signedIn('admin')
    const remove = await insertOrganisation(prisma, { name: 'Dubbla kommunen' }, ['dubbla.example', 'gemensam.example'])
    const keep = await insertOrganisation(prisma, { name: 'Riktiga kommunen' }, ['riktiga.example', 'gemensam.example'])
    const third = await insertOrganisation(prisma, { name: 'Grannkommunen' })

    const author = await insertActor(prisma, { organisationId: remove.id })
    await insertMember(prisma, { organisationId: remove.id, status: 'pending' })
    const neighbour = await insertActor(prisma, { organisationId: third.id })
    const own = await createProject(author, buildProjectInput('Dubbla kommunens projekt'))
    const shared = await createProject(neighbour, buildProjectInput('Gemensamt projekt', { lead: 'Dubbla kommunen', participants: ['Riktiga kommunen'] }))
    await createProject(neighbour, buildProjectInput('Deltagande projekt', { participants: ['Dubbla kommunen'] }))
    const followsBoth = await insertMember(prisma)
    const followsRemoved = await insertMember(prisma)
    await prisma.follow.createMany({
      data: [
        { userId: followsBoth.id, targetType: 'organisation', organisationId: remove.id },
        { userId: followsBoth.id, targetType: 'organisation', organisationId: keep.id },
        { userId: followsRemoved.id, targetType: 'organisation', organisationId: remove.id },
      ],
    })
    await prisma.organisationRequest.create({
      data: { name: 'Dubbla kommunen', type: 'kommun', domain: 'dubbla.example', motivation: 'Vi finns', status: 'approved', organisationId: remove.id },
    })

    const page = await previewPage(browser, remove.id, keep.id)
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({
      preview: {
        remove: { id: remove.id, name: 'Dubbla kommunen' },
        keep: { id: keep.id, name: 'Riktiga kommunen' },
        counts: { members: 2, pendingMembers: 1, posts: 1, participations: 2, follows: 2, domains: 2, requests: 1 },
      },
    })
    const outboxBefore = await prisma.searchOutbox.count({ where: { entityType: 'post', entityId: own.id } })

    const merged = await merge(browser, { removeId: remove.id, keepId: keep.id, reason: 'Samma kommun två gånger i registret' })
    expect(merged.location).toBe('/admin/organisationer/sammanfoga')
    expect(flashOf(merged)).toEqual({
      message: 'Organisationerna är sammanslagna.',
      tone: 'success',
      link: { href: `/organisationer/${keep.slug}`, label: 'Visa den kvarvarande organisationen' },
    })

    const counts = {
      users: await prisma.user.count({ where: { organisationId: remove.id } }),
      posts: await prisma.post.count({ where: { organisationId: remove.id } }),
    }
    expect(counts).toEqual({ users: 0, posts: 0 })
    expect(await prisma.user.count({ where: { organisationId: keep.id } })).toBe(2)
    expect((await prisma.post.findUniqueOrThrow({ where: { id: own.id }, select: { organisationId: true } })).organisationId).toBe(keep.id)
    expect(await prisma.postParticipant.findMany({ where: { postId: shared.id }, select: { organisationId: true, role: true } })).toEqual([
      { organisationId: keep.id, role: 'lead' },
    ])
    expect(await prisma.postParticipant.count({ where: { organisationId: keep.id } })).toBe(2)
    expect(await prisma.follow.count({ where: { organisationId: keep.id } })).toBe(2)
    expect(await prisma.follow.count({ where: { organisationId: remove.id } })).toBe(0)
    expect(
      (await prisma.organisationDomain.findMany({ where: { organisationId: keep.id }, select: { domain: true }, orderBy: { domain: 'asc' } })).map(
        (row) => row.domain,
      ),
    ).toEqual(['dubbla.example', 'gemensam.example', 'riktiga.example'])
    expect(await prisma.organisationDomain.count({ where: { organisationId: remove.id } })).toBe(0)
    expect(await prisma.organisationRequest.count({ where: { organisationId: keep.id } })).toBe(1)
    expect(await prisma.searchOutbox.count({ where: { entityType: 'post', entityId: own.id } })).toBe(outboxBefore + 1)

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'organisation.merged' },
      select: { actorName: true, targetId: true, reason: true, data: true },
    })
    expect(audit).toEqual({
      actorName: admin.name,
      targetId: remove.id,
      reason: 'Samma kommun två gånger i registret',
      data: {
        keptId: keep.id,
        keptName: 'Riktiga kommunen',
        members: 2,
        pendingMembers: 1,
        posts: 1,
        participations: 1,
        follows: 1,
        domains: 1,
        requests: 1,
        alreadyShared: { participations: 1, follows: 1, domains: 1 },
      },
    })

    const oldPage = await call(() => organisationLoader(routeArgs(browser.get(`/organisationer/${remove.slug}`), { slug: remove.slug })), browser)
    expect(oldPage.status).toBe(301)
    expect(oldPage.location).toBe(`/organisationer/${keep.slug}`)

    // A merged organisation is no longer offered, and cannot take part in another merge.
    const options = (page.data as { organisations: Array<{ id: string }> }).organisations.map((org) => org.id)
    expect(options).toContain(remove.id)
    const after = (await previewPage(browser, keep.id, third.id)).data as { organisations: Array<{ id: string }> }
    expect(after.organisations.map((org) => org.id)).not.toContain(remove.id)
    const again = await merge(browser, { removeId: remove.id, keepId: third.id, reason: 'En gång till' })
    expect(again.status).toBe(409)
    expect(JSON.stringify(again.data)).toContain('Dubbla kommunen är redan sammanslagen med en annan organisation.')
    const into = await previewPage(browser, third.id, remove.id)
    expect(into.status).toBe(409)
    // Many queries on a shared 2-core machine: more than the default 5 s when busy.
  })

  test('bad merges are refused with Swedish messages and change nothing', async () => {
    const { browser } = await signedIn('admin')
    const org = await insertOrganisation(prisma)
    const member = await insertMember(prisma, { organisationId: org.id })
    const self = await merge(browser, { removeId: org.id, keepId: org.id, reason: 'Med sig själv' })
    expect(self.status).toBe(400)
    expect(JSON.stringify(self.data)).toContain('en organisation kan inte slås ihop med sig själv')
    expect((await previewPage(browser, org.id, org.id)).status).toBe(400)
    const missing = await merge(browser, { removeId: org.id, keepId: 'finns-inte', reason: 'Okänd' })
    expect(missing.status).toBe(404)
    expect(JSON.stringify(missing.data)).toContain('Organisationen finns inte.')
    const noReason = await merge(browser, { removeId: org.id, keepId: (await insertOrganisation(prisma)).id, reason: '' })
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(noReason.data)).toContain('Ange en motivering till sammanslagningen.')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { organisationId: true } })).organisationId).toBe(org.id)
    expect(await prisma.organisation.count({ where: { mergedIntoId: { not: null }, id: org.id } })).toBe(0)
  })

  test('members and moderators get 403; a post without the CSRF token gets 403', async () => {
    const a = await insertOrganisation(prisma)
    const b = await insertOrganisation(prisma)
    for (const role of ['member', 'moderator'] as const) {
      const { browser } = await signedIn(role)
      expect((await previewPage(browser, a.id, b.id)).status).toBe(403)
      expect((await merge(browser, { removeId: a.id, keepId: b.id, reason: 'Obehörig' })).status).toBe(403)
    }
    const { browser } = await signedIn('admin')
    expect((await merge(browser, { removeId: a.id, keepId: b.id, reason: 'Utan token' }, { csrf: false })).status).toBe(403)
    expect(await prisma.organisation.count({ where: { id: a.id, mergedIntoId: null } })).toBe(1)
  })
})
