import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '#app/policies/member.ts'
import { createArtifact, createProject } from '#app/services/post.server.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { action as newArtifactAction } from './material.ny.tsx'
import { action as moderateAction, loader as moderateLoader } from './moderering.innehall.tsx'
import { loader as projectPageLoader } from './projekt.$postId._index.tsx'
import { action as editProjectAction, loader as editProjectLoader } from './projekt.$postId.redigera.tsx'
import { action as newProjectAction, loader as newProjectLoader } from './projekt.ny.tsx'

/**
 * Who a post speaks for: a new post is owned by its author's organisation (other
 * organisations take part as participants, one of them perhaps leading the project); only the
 * author changes whether colleagues may co-edit, and only a moderator corrects the ownership.
 */
const { prisma } = database

let nacka: { id: string; name: string }
let skane: { id: string; name: string }
let author: Actor
let colleague: Actor
let stranger: Actor
let moderator: Actor

async function browserFor(actor: Actor) {
  const browser = new Browser()
  await browser.signInAs(actor.id)
  return browser
}

beforeAll(async () => {
  nacka = await insertOrganisation(prisma, { name: 'Nacka kommun (ägartest)' })
  skane = await insertOrganisation(prisma, { name: 'Region Skåne (ägartest)' })
  author = await insertActor(prisma, { name: 'Anna Författare', organisationId: nacka.id })
  colleague = await insertActor(prisma, { name: 'Carl Kollega', organisationId: nacka.id })
  stranger = await insertActor(prisma, { name: 'Sune Skåning', organisationId: skane.id })
  moderator = await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' })
})

const projectFields = (title: string, extra: Record<string, string> = {}) => ({
  title,
  body: 'Vi beskriver projektet.',
  projectStatus: 'ongoing',
  tags: '',
  ...extra,
})

async function stored(id: string) {
  return prisma.post.findUniqueOrThrow({ where: { id }, select: { title: true, organisationId: true, shareEditing: true } })
}

describe('new posts', () => {
  test('are owned by the author’s organisation: an organisation posted with the form is ignored', async () => {
    const browser = await browserFor(author)
    const page = await call(() => newProjectLoader(routeArgs(browser.get('/projekt/ny'))))
    expect(page.data).toMatchObject({ owner: { name: nacka.name } })
    expect(page.data).not.toHaveProperty('organisations')

    const project = await call(() =>
      newProjectAction(routeArgs(browser.post('/projekt/ny', projectFields('Projekt i någon annans namn', { organisationId: skane.id })))),
    )
    expect(project.status).toBe(302)
    const projectId = project.location?.split('/').pop() ?? ''
    expect((await stored(projectId)).organisationId).toBe(nacka.id)

    const artifact = await call(() =>
      newArtifactAction(
        routeArgs(
          browser.post('/material/ny', {
            title: 'Material i någon annans namn',
            body: 'En mall.',
            artifactKind: 'template',
            licence: 'CC0-1.0',
            externalUrl: 'https://www.example.se/mall',
            organisationId: skane.id,
          }),
        ),
      ),
    )
    expect(artifact.status).toBe(302)
    expect((await stored(artifact.location?.split('/').pop() ?? '')).organisationId).toBe(nacka.id)
  })

  test('a project names the organisation that leads it among its participants', async () => {
    const browser = await browserFor(author)
    const created = await call(() =>
      newProjectAction(
        routeArgs(
          browser.post(
            '/projekt/ny',
            projectFields('Projekt som Region Skåne leder', { lead: 'region skåne (ägartest)', participants: `${nacka.name}\n${skane.name}` }),
          ),
        ),
      ),
    )
    expect(created.status).toBe(302)
    const postId = created.location?.split('/').pop() ?? ''
    expect((await stored(postId)).organisationId).toBe(nacka.id)
    expect(await prisma.postParticipant.findMany({ where: { postId }, select: { organisationId: true, role: true }, orderBy: { role: 'asc' } })).toEqual([
      { organisationId: nacka.id, role: 'participant' },
      { organisationId: skane.id, role: 'lead' },
    ])
    const page = await call(() => projectPageLoader(routeArgs(browser.get(`/projekt/${postId}`), { postId })))
    expect(page.data).toMatchObject({ project: { lead: { name: skane.name }, participants: [{ name: nacka.name }] } })

    const edit = await call(() => editProjectLoader(routeArgs(browser.get(`/projekt/${postId}/redigera`), { postId })))
    expect(edit.data).toMatchObject({ defaults: { lead: skane.name, participants: nacka.name } })

    const unknown = await call(() =>
      newProjectAction(routeArgs(browser.post('/projekt/ny', projectFields('Projekt som en okänd leder', { lead: 'Påhittade regionen' })))),
    )
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.data)).toContain('Hittar inte ”Påhittade regionen” i organisationsregistret.')
  })
})

describe('a shared project', () => {
  test('a co-editor’s form offers neither sharing nor ownership, and forged values do not take effect', async () => {
    const { id: postId } = await createProject(author, buildProjectInput('Delat projekt i Nacka', { shareEditing: true }))
    const colleagueBrowser = await browserFor(colleague)
    const form = await call(() => editProjectLoader(routeArgs(colleagueBrowser.get(`/projekt/${postId}/redigera`), { postId })))
    expect(form.status).toBe(200)
    expect(form.data).toMatchObject({ canChangeSharing: false, owner: { name: nacka.name } })
    expect(form.data).not.toHaveProperty('organisations')

    // The co-editor forges an organisation; the checkbox they were not offered is absent (off).
    const forged = await call(() =>
      editProjectAction(
        routeArgs(colleagueBrowser.post(`/projekt/${postId}/redigera`, projectFields('Delat projekt, ändrat av kollegan', { organisationId: skane.id })), {
          postId,
        }),
      ),
    )
    expect(forged.status).toBe(302)
    expect(await stored(postId)).toEqual({ title: 'Delat projekt, ändrat av kollegan', organisationId: nacka.id, shareEditing: true })

    // Members of the other organisation still cannot edit it.
    const strangerBrowser = await browserFor(stranger)
    expect((await call(() => editProjectLoader(routeArgs(strangerBrowser.get(`/projekt/${postId}/redigera`), { postId })))).status).toBe(403)
    const refused = await call(() =>
      editProjectAction(routeArgs(strangerBrowser.post(`/projekt/${postId}/redigera`, projectFields('Skånes ändring av projektet')), { postId })),
    )
    expect(refused.status).toBe(403)
  })

  test('the author turns sharing on and off, but cannot move the project to another organisation', async () => {
    const { id: postId } = await createProject(author, buildProjectInput('Projekt som författaren delar'))
    const authorBrowser = await browserFor(author)
    const form = await call(() => editProjectLoader(routeArgs(authorBrowser.get(`/projekt/${postId}/redigera`), { postId })))
    expect(form.data).toMatchObject({ canChangeSharing: true })

    const edit = (fields: Record<string, string>) =>
      call(() =>
        editProjectAction(routeArgs(authorBrowser.post(`/projekt/${postId}/redigera`, projectFields('Projekt som författaren delar', fields)), { postId })),
      )
    expect((await edit({ shareEditing: 'on', organisationId: skane.id })).status).toBe(302)
    expect(await stored(postId)).toMatchObject({ organisationId: nacka.id, shareEditing: true })
    expect((await edit({})).status).toBe(302)
    expect(await stored(postId)).toMatchObject({ organisationId: nacka.id, shareEditing: false })
  })
})

describe('moderators correct ownership', () => {
  test('through the moderation page, with a reason that is audited and told to the author', async () => {
    const { id: postId } = await createArtifact(author, {
      title: 'Material som egentligen är Skånes',
      body: buildProjectInput('x').body,
      tags: [],
      artifactKind: 'guide',
      licence: 'CC0-1.0',
      externalUrl: 'https://www.example.se/guide',
    })
    const path = `/moderering/innehall?typ=post&id=${postId}`
    const moderatorBrowser = await browserFor(moderator)
    const page = await call(() => moderateLoader(routeArgs(moderatorBrowser.get(path))))
    expect(page.data).toMatchObject({ ownership: { organisationId: nacka.id, type: 'artifact' } })

    const corrected = await call(() =>
      moderateAction(
        routeArgs(moderatorBrowser.post(path, { intent: 'ownership', organisationId: skane.id, reason: 'Materialet är framtaget av Region Skåne.' })),
      ),
    )
    expect(corrected.status).toBe(302)
    expect((await stored(postId)).organisationId).toBe(skane.id)
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { targetId: postId, action: 'content.edited' },
      select: { reason: true, data: true, actorId: true },
    })
    expect(audit).toEqual({
      actorId: moderator.id,
      reason: 'Materialet är framtaget av Region Skåne.',
      data: { before: { organisation: nacka.name, shareEditing: false }, after: { organisation: skane.name, shareEditing: false } },
    })
    expect(await prisma.notification.count({ where: { userId: author.id, kind: 'moderation', postId } })).toBe(1)

    const unknown = await call(() =>
      moderateAction(routeArgs(moderatorBrowser.post(path, { intent: 'ownership', organisationId: 'finns-inte', reason: 'Fel organisation.' }))),
    )
    expect(unknown.status).toBe(400)
    expect((await stored(postId)).organisationId).toBe(skane.id)
  })

  test('members cannot, and a moderator does not correct their own post', async () => {
    const { id: postId } = await createProject(author, buildProjectInput('Projekt som författaren inte får flytta'))
    const path = `/moderering/innehall?typ=post&id=${postId}`
    const authorBrowser = await browserFor(author)
    const refused = await call(() =>
      moderateAction(routeArgs(authorBrowser.post(path, { intent: 'ownership', organisationId: skane.id, reason: 'Jag vill flytta det.' }))),
    )
    expect(refused.status).toBe(403)

    const { id: ownPostId } = await createProject(moderator, buildProjectInput('Moderatorns eget projekt'))
    const ownPath = `/moderering/innehall?typ=post&id=${ownPostId}`
    const moderatorBrowser = await browserFor(moderator)
    const own = await call(() =>
      moderateAction(routeArgs(moderatorBrowser.post(ownPath, { intent: 'ownership', organisationId: skane.id, reason: 'Mitt eget projekt.' }))),
    )
    expect(own.status).toBe(403)
    expect((await stored(postId)).organisationId).toBe(nacka.id)
    expect((await stored(ownPostId)).organisationId).toBeNull()
  })
})
