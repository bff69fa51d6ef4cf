import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { beforeEach, describe, expect, test } from 'vitest'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, flashOf, routeArgs } from '#tests/request.ts'
import { finishSignIn } from '#app/services/sign-in.server.ts'
import { getUser } from '#app/utils/auth.server.ts'
import { loader as queueLoader, action as queueAction } from '#app/routes/moderering._index.tsx'
import { action as memberAction } from '#app/routes/medlemmar.$userId.tsx'
import { action as organisationAction } from '#app/routes/moderering.organisationer.$organisationId.tsx'
import { loader as auditLoader } from '#app/routes/moderering.logg.tsx'
import { joinOrganisation, requestOrganisation, getSignUpOptions } from './sign-up.server.ts'
import { decideMember } from './member-moderation.server.ts'

const { prisma } = database
const unique = () => `${Date.now()}${Math.random().toString(36).slice(2, 7)}`

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

let moderator: { id: string; name: string }
let moderatorBrowser: Browser

beforeEach(async () => {
  mailbox.clear()
  if (!moderator) {
    moderator = await insertMember(prisma, { name: 'Moa Moderator', role: 'moderator' })
    moderatorBrowser = await signedIn(moderator.id)
  }
})

describe('unknown domain → organisation request → moderator approval', () => {
  test('everyone waiting on the request is activated, told by e-mail, and the domain works from then on', async () => {
    const domain = `forbund${unique()}.se`
    const first = await requestOrganisation({
      email: `a@${domain}`,
      name: 'Ada Först',
      title: '',
      organisationName: 'Kommunalförbundet Test',
      organisationType: 'annan',
      motivation: 'Driver IT åt fem kommuner.',
    })
    const second = await requestOrganisation({
      email: `b@it.${domain}`,
      name: 'Bo Andra',
      title: '',
      organisationName: 'Dubblett',
      organisationType: 'annan',
      motivation: 'Samma organisation som Ada.',
    })
    expect([first.status, second.status]).toEqual(['pending', 'pending'])
    expect(await prisma.organisationRequest.count({ where: { domain } })).toBe(1)

    const queue = await call(() => queueLoader(routeArgs(moderatorBrowser.get('/moderering'))))
    const request = (queue.data as { organisationRequests: Array<{ id: string; name: string; _count: { waiters: number } }> }).organisationRequests.find(
      (item) => item.name === 'Kommunalförbundet Test',
    )
    expect(request?._count.waiters).toBe(2)

    const approved = await call(() =>
      queueAction(
        routeArgs(
          moderatorBrowser.post('/moderering', {
            intent: 'approve-organisation',
            requestId: request?.id ?? '',
            name: 'Kommunalförbundet Test',
            type: 'annan',
            county: 'Stockholms län',
            reason: '',
          }),
        ),
      ),
    )
    expect(approved.location).toBe('/moderering')
    expect(flashOf(approved)).toEqual({ message: 'Organisationen är godkänd och de väntande medlemmarna är aktiverade.', tone: 'success' })

    const users = await prisma.user.findMany({
      where: { id: { in: [first.userId, second.userId] } },
      select: { status: true, organisation: { select: { name: true } } },
    })
    expect(users).toEqual([
      { status: 'active', organisation: { name: 'Kommunalförbundet Test' } },
      { status: 'active', organisation: { name: 'Kommunalförbundet Test' } },
    ])
    for (const to of [`a@${domain}`, `b@it.${domain}`]) {
      expect((await mailbox.waitFor(to)).subject).toBe('Din organisation är godkänd i Samverka')
    }
    const options = await getSignUpOptions(`c@${domain}`)
    expect(options).toMatchObject({ kind: 'organisations', organisations: [{ name: 'Kommunalförbundet Test', verified: true }] })
    expect(await prisma.auditLog.findFirst({ where: { action: 'organisation-request.approved', targetId: request?.id }, select: { actorName: true } })).toEqual(
      { actorName: 'Moa Moderator' },
    )

    const twice = await call(() =>
      queueAction(
        routeArgs(
          moderatorBrowser.post('/moderering', { intent: 'approve-organisation', requestId: request?.id ?? '', name: 'Andra försöket', type: 'annan' }),
        ),
      ),
    )
    expect(twice.status).toBe(409)
  })

  test('a rejected request rejects its applicants, who are told why and cannot sign in', async () => {
    const domain = `privat${unique()}.se`
    const applicant = await requestOrganisation({
      email: `c@${domain}`,
      name: 'Cia Sökande',
      title: '',
      organisationName: 'Konsultbolaget AB',
      organisationType: 'annan',
      motivation: 'Vi säljer tjänster till kommuner.',
    })
    const request = await prisma.organisationRequest.findFirstOrThrow({ where: { domain }, select: { id: true } })
    const missingReason = await call(() =>
      queueAction(routeArgs(moderatorBrowser.post('/moderering', { intent: 'reject-organisation', requestId: request.id, reason: '' }))),
    )
    expect(missingReason.status).toBe(400)

    const rejected = await call(() =>
      queueAction(
        routeArgs(
          moderatorBrowser.post('/moderering', { intent: 'reject-organisation', requestId: request.id, reason: 'Privata företag kan inte bli medlemmar.' }),
        ),
      ),
    )
    expect(rejected.status).toBe(302)
    const mail = await mailbox.waitFor(`c@${domain}`)
    expect(mail.subject).toBe('Din ansökan till Samverka har avslagits')
    expect(mail.text).toContain('Motivering: Privata företag kan inte bli medlemmar.')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: applicant.userId } })).status).toBe('rejected')
    const signIn = await finishSignIn(new Browser().get('/'), `c@${domain}`, undefined)
    expect(signIn.headers.get('Location')).toBe('/logga-in')
    expect(flashOf(signIn)).toEqual({ message: 'Din ansökan om konto har avslagits. Kontakta moderatorerna om du har frågor.', tone: 'notice' })
  })
})

describe('organisations that need manual approval', () => {
  test('members wait until a moderator approves them', async () => {
    const domain = `manuell${unique()}.se`
    const organisation = await insertOrganisation(prisma, { name: `Manuella myndigheten ${unique()}`, type: 'myndighet', manualApproval: true }, [domain])
    const joined = await joinOrganisation({ email: `d@${domain}`, name: 'Dag Väntar', title: '', organisationId: organisation.id })
    expect(joined.status).toBe('pending')

    const approved = await call(() => queueAction(routeArgs(moderatorBrowser.post('/moderering', { intent: 'approve', userId: joined.userId, reason: '' }))))
    expect(approved.location).toBe('/moderering')
    expect(flashOf(approved)).toEqual({ message: 'Medlemmen är godkänd.', tone: 'success' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: joined.userId } })).status).toBe('active')
    expect((await mailbox.waitFor(`d@${domain}`)).subject).toBe('Ditt konto i Samverka är godkänt')
  })

  test('a user cannot join an organisation their domain does not match', async () => {
    const other = await insertOrganisation(prisma, { name: `Annan kommun ${unique()}` }, [`annan${unique()}.se`])
    await expect(joinOrganisation({ email: `e@nomatch${unique()}.se`, name: 'Eva Fel', title: '', organisationId: other.id })).rejects.toMatchObject({
      status: 400,
    })
  })
})

describe('shared and nested domains', () => {
  test('organisations sharing a domain are offered together; the longest domain wins', async () => {
    const suffix = unique()
    await insertOrganisation(prisma, { name: 'Gotlands kommun' }, [`gotland${suffix}.se`])
    await insertOrganisation(prisma, { name: 'Region Gotland', type: 'region' }, [`gotland${suffix}.se`])
    await insertOrganisation(prisma, { name: 'Uppsala universitet', type: 'myndighet' }, [`uu${suffix}.se`])
    await insertOrganisation(prisma, { name: 'IFAU', type: 'myndighet' }, [`ifau.uu${suffix}.se`])
    const shared = await getSignUpOptions(`f@gotland${suffix}.se`)
    expect(shared.kind === 'organisations' && shared.organisations.map((org) => org.name)).toEqual(['Gotlands kommun', 'Region Gotland'])
    const nested = await getSignUpOptions(`g@ifau.uu${suffix}.se`)
    expect(nested.kind === 'organisations' && nested.organisations.map((org) => org.name)).toEqual(['IFAU'])
    const parent = await getSignUpOptions(`h@institution.uu${suffix}.se`)
    expect(parent.kind === 'organisations' && parent.organisations.map((org) => org.name)).toEqual(['Uppsala universitet'])
  })
})

describe('suspension', () => {
  test('ends every session at once, refuses sign-in, is audited, and can be undone', async () => {
    const member = await insertMember(prisma, { name: 'Sam Stängs' })
    const phone = await signedIn(member.id)
    const laptop = await signedIn(member.id)
    expect(await getUser(phone.get('/'))).not.toBeNull()

    const noReason = await call(() =>
      memberAction(routeArgs(moderatorBrowser.post(`/medlemmar/${member.id}`, { intent: 'suspend', userId: member.id, reason: '' }), { userId: member.id })),
    )
    expect(noReason.status).toBe(400)

    const suspended = await call(() =>
      memberAction(
        routeArgs(moderatorBrowser.post(`/medlemmar/${member.id}`, { intent: 'suspend', userId: member.id, reason: 'Upprepad spam.' }), { userId: member.id }),
      ),
    )
    expect(suspended.status).toBe(302)
    expect(await getUser(phone.get('/'))).toBeNull()
    expect(await getUser(laptop.get('/'))).toBeNull()
    expect(await prisma.session.count({ where: { userId: member.id } })).toBe(0)
    expect((await mailbox.waitFor(member.email)).text).toContain('Motivering: Upprepad spam.')
    const signIn = await finishSignIn(new Browser().get('/'), member.email, undefined)
    expect(signIn.headers.get('Location')).toBe('/logga-in')
    expect(flashOf(signIn)).toEqual({
      message: 'Ditt konto är avstängt tills vidare och du kan inte logga in. Kontakta moderatorerna om du har frågor.',
      tone: 'notice',
    })

    await decideMember({ ...moderator, role: 'moderator', status: 'active' }, { userId: member.id, decision: 'reinstate', reason: null })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('active')
    const actions = await prisma.auditLog.findMany({ where: { targetId: member.id }, orderBy: { createdAt: 'asc' }, select: { action: true, reason: true } })
    expect(actions).toEqual([
      { action: 'member.suspended', reason: 'Upprepad spam.' },
      { action: 'member.reinstated', reason: null },
    ])
  })

  test('moderators cannot suspend admins or themselves', async () => {
    const admin = await insertMember(prisma, { role: 'admin' })
    const actor = { ...moderator, role: 'moderator' as const, status: 'active' }
    await expect(decideMember(actor, { userId: admin.id, decision: 'suspend', reason: 'x' })).rejects.toMatchObject({ status: 403 })
    await expect(decideMember(actor, { userId: moderator.id, decision: 'suspend', reason: 'x' })).rejects.toMatchObject({ status: 403 })
  })
})

describe('editing the registry', () => {
  test('domains are validated, added, removed and audited', async () => {
    const organisation = await insertOrganisation(prisma, { name: `Redigerbara kommunen ${unique()}` })
    const path = `/moderering/organisationer/${organisation.id}`
    const post = (fields: Record<string, string>) =>
      call(() => organisationAction(routeArgs(moderatorBrowser.post(path, fields), { organisationId: organisation.id })))

    expect((await post({ intent: 'add-domain', domain: 'inte en domän' })).status).toBe(400)
    expect((await post({ intent: 'add-domain', domain: 'gmail.com' })).status).toBe(400)
    const domain = `Ny${unique()}.SE.`
    expect((await post({ intent: 'add-domain', domain })).status).toBe(302)
    expect((await post({ intent: 'add-domain', domain })).status).toBe(409)
    const row = await prisma.organisationDomain.findFirstOrThrow({ where: { organisationId: organisation.id } })
    expect(row.domain).toBe(domain.toLowerCase().replace(/\.$/, ''))
    expect((await post({ intent: 'remove-domain', domainId: row.id })).status).toBe(302)
    expect(await prisma.organisationDomain.count({ where: { organisationId: organisation.id } })).toBe(0)

    expect((await post({ intent: 'update', name: 'Omdöpta kommunen', type: 'kommun', county: 'Skåne län', manualApproval: 'on' })).status).toBe(302)
    expect(await prisma.searchOutbox.count({ where: { entityType: 'organisation', entityId: organisation.id } })).toBe(1)
    const updated = await prisma.organisation.findUniqueOrThrow({ where: { id: organisation.id } })
    expect(updated).toMatchObject({ name: 'Omdöpta kommunen', verified: false, manualApproval: true, county: 'Skåne län' })

    const log = await call(() => auditLoader(routeArgs(moderatorBrowser.get(`/moderering/logg?target=${encodeURIComponent('Omdöpta')}`))))
    const entries = (log.data as { entries: Array<{ action: string }> }).entries
    expect(entries.map((entry) => entry.action)).toEqual(['Organisation ändrad'])
  })
})

describe('authorisation', () => {
  test('members get 403 from every moderator loader and action; pending users are sent to wait', async () => {
    const member = await signedIn((await insertMember(prisma)).id)
    expect((await call(() => queueLoader(routeArgs(member.get('/moderering'))))).status).toBe(403)
    expect((await call(() => auditLoader(routeArgs(member.get('/moderering/logg'))))).status).toBe(403)
    expect((await call(() => queueAction(routeArgs(member.post('/moderering', { intent: 'approve', userId: 'x' }))))).status).toBe(403)
    const pending = await signedIn((await insertMember(prisma, { status: 'pending' })).id)
    expect((await call(() => queueLoader(routeArgs(pending.get('/moderering'))))).location).toBe('/vantar')
  })
})

describe('sliding sessions', () => {
  test('a session used after half its lifetime is extended to 30 days', async () => {
    const member = await insertMember(prisma)
    const browser = await signedIn(member.id)
    await prisma.session.updateMany({ where: { userId: member.id }, data: { expiresAt: new Date(Date.now() + 10 * 86_400_000) } })
    const user = await getUser(browser.get('/'))
    expect(user?.refreshedCookie).toContain('samverka_session=')
    const session = await prisma.session.findFirstOrThrow({ where: { userId: member.id } })
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)
  })
})
