import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { getPost, listFeed } from '#app/models/post.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { insertMember, insertOrganisation } from '#tests/factories.ts'
import { createArtifact, createProject, editArtifact, editProject, type ArtifactInput, type ProjectInput } from './post.server.ts'
import { deleteContent, restoreContent } from './content-moderation.server.ts'

const { prisma } = database
let owner: Actor
let colleague: Actor
let outsider: Actor
let moderator: Actor
let lund: { id: string; name: string }
let malmo: { id: string; name: string }

async function actor(overrides: Parameters<typeof insertMember>[1] = {}): Promise<Actor> {
  const member = await insertMember(prisma, overrides)
  return { id: member.id, name: member.name, role: member.role, status: member.status, organisationId: overrides.organisationId ?? null }
}

beforeAll(async () => {
  malmo = await insertOrganisation(prisma, { name: 'Malmö kommun (test)' })
  lund = await insertOrganisation(prisma, { name: 'Lunds kommun (test)' })
  owner = await actor({ organisationId: malmo.id })
  colleague = await actor({ organisationId: malmo.id })
  outsider = await actor({ organisationId: lund.id })
  moderator = await actor({ role: 'moderator' })
})

type Submitted = { submissionKey?: string }

const project = (overrides: Partial<ProjectInput> & Submitted = {}): ProjectInput & Submitted => ({
  title: 'Gemensam upphandling av RPA-plattform',
  body: plainTextToDocument('Tolv kommuner upphandlar tillsammans.'),
  tags: ['rpa', 'upphandling'],
  projectStatus: 'ongoing',
  startDate: new Date('2026-01-01T00:00:00Z'),
  endDate: null,
  lead: null,
  participants: [],
  contactName: null,
  contactEmail: null,
  seekingPartners: true,
  shareEditing: false,
  links: [{ url: 'https://www.avropa.se', label: 'Avropa' }],
  ...overrides,
})

const artifact = (overrides: Partial<ArtifactInput> & Submitted = {}): ArtifactInput & Submitted => ({
  title: 'Mall för kravspecifikation, e-arkiv',
  body: plainTextToDocument('En mall som flera kommuner har använt.'),
  tags: ['e-arkiv'],
  artifactKind: 'template',
  licence: 'CC-BY-4.0',
  externalUrl: 'https://github.com/exempel/mall',
  ...overrides,
})

describe('projects', () => {
  test('are owned by the author’s organisation, list participants from the registry, and write an outbox row', async () => {
    const { id } = await createProject(owner, project({ participants: ['lunds kommun (test)'] }))
    const stored = await getPost(id, 'project', owner)
    expect(stored?.organisation?.name).toBe('Malmö kommun (test)')
    expect(stored?.participants.map((organisation) => organisation.name)).toEqual(['Lunds kommun (test)'])
    expect(stored?.links).toEqual([{ url: 'https://www.avropa.se', label: 'Avropa' }])
    expect(await prisma.searchOutbox.count({ where: { entityId: id } })).toBe(1)
    const seeking = await listFeed({ type: 'project', seekingPartners: true })
    expect(seeking.posts.some((post) => post.id === id)).toBe(true)
  })

  test('an unknown participant is refused by name and nothing is written', async () => {
    const before = await prisma.post.count()
    const error: unknown = await createProject(owner, project({ participants: ['Påhittade kommunen'] })).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(Response)
    expect((error as Response).status).toBe(400)
    expect(((await (error as Response).json()) as { message: string }).message).toContain('”Påhittade kommunen”')
    expect(await prisma.post.count()).toBe(before)
  })

  test('colleagues may edit only when the author shares editing (which they cannot change); others get 403', async () => {
    const { id } = await createProject(owner, project())
    await expect(editProject(colleague, id, project({ title: 'Kollegans ändring av projektet' }))).rejects.toMatchObject({ status: 403 })
    await editProject(owner, id, project({ shareEditing: true }))
    await editProject(colleague, id, project({ title: 'Kollegans ändring av projektet', shareEditing: false }))
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { title: true, shareEditing: true, organisationId: true } })).toEqual({
      title: 'Kollegans ändring av projektet',
      shareEditing: true,
      organisationId: malmo.id,
    })
    await expect(editProject(outsider, id, project({ title: 'Utomståendes ändring' }))).rejects.toMatchObject({ status: 403 })
  })
})

describe('artifacts', () => {
  test('need a file or a link', async () => {
    await expect(createArtifact(owner, artifact({ externalUrl: null }))).rejects.toMatchObject({ status: 400 })
    const { id } = await createArtifact(owner, artifact())
    await expect(editArtifact(owner, id, artifact({ externalUrl: null }))).rejects.toMatchObject({ status: 400 })
  })

  test('soft delete hides an artifact from lists and members; moderators restore it', async () => {
    const { id } = await createArtifact(owner, artifact({ title: 'Material som tas bort' }))
    await expect(deleteContent(outsider, { targetType: 'post', targetId: id, reason: null })).rejects.toMatchObject({ status: 403 })
    await deleteContent(moderator, { targetType: 'post', targetId: id, reason: 'Dubblett.' })
    expect((await listFeed({ type: 'artifact' })).posts.some((post) => post.id === id)).toBe(false)
    expect(await getPost(id, 'artifact', owner)).toBeNull()
    expect((await getPost(id, 'artifact', moderator))?.status).toBe('deleted')
    expect(await prisma.auditLog.findFirst({ where: { action: 'content.deleted', targetId: id }, select: { reason: true } })).toEqual({ reason: 'Dubblett.' })
    await restoreContent(moderator, { targetType: 'post', targetId: id, reason: 'Felaktigt borttaget.' })
    expect((await listFeed({ type: 'artifact' })).posts.some((post) => post.id === id)).toBe(true)
  })
})

describe('comments, likes and bookmarks', () => {
  test('likes count once per member and can be taken back; bookmarks fill the member’s saved list', async () => {
    const { listBookmarks } = await import('#app/models/post.server.ts')
    const { setBookmark, setLike } = await import('./engagement.server.ts')
    const { id } = await createProject(owner, project({ title: 'Projekt att gilla och spara' }))
    await setLike(outsider, id, true)
    await setLike(outsider, id, true)
    await setLike(colleague, id, true)
    expect((await prisma.post.findUniqueOrThrow({ where: { id } })).likeCount).toBe(2)
    await setLike(outsider, id, false)
    await setLike(outsider, id, false)
    expect((await prisma.post.findUniqueOrThrow({ where: { id } })).likeCount).toBe(1)

    await setBookmark(outsider, id, true)
    await setBookmark(outsider, id, true)
    expect((await listBookmarks(outsider.id)).posts.map((post) => post.id)).toEqual([id])
    await deleteContent(owner, { targetType: 'post', targetId: id, reason: null })
    expect((await listBookmarks(outsider.id)).posts).toEqual([])
    await expect(setLike(colleague, id, true)).rejects.toMatchObject({ status: 404 })
  })

  test('comments count; only the author or a moderator deletes one; questions take answers instead', async () => {
    const { addComment } = await import('./engagement.server.ts')
    const { askQuestion } = await import('./question.server.ts')
    const { id } = await createArtifact(owner, artifact({ title: 'Material att kommentera' }))
    const comment = await addComment(outsider, id, 'Tack, vi använder mallen i Lund!')
    expect((await prisma.post.findUniqueOrThrow({ where: { id } })).commentCount).toBe(1)
    await expect(deleteContent(colleague, { targetType: 'comment', targetId: comment.id, reason: null })).rejects.toMatchObject({ status: 403 })
    await deleteContent(moderator, { targetType: 'comment', targetId: comment.id, reason: 'Olämplig kommentar.' })
    expect((await prisma.post.findUniqueOrThrow({ where: { id } })).commentCount).toBe(0)
    expect(await prisma.auditLog.count({ where: { targetId: comment.id, action: 'content.deleted' } })).toBe(1)

    const question = await askQuestion(owner, { title: 'En fråga utan kommentarer', body: plainTextToDocument('x'), tags: [] })
    await expect(addComment(outsider, question.id, 'Kommentar')).rejects.toMatchObject({ status: 400 })
  })
})

describe('attachments', () => {
  test('removing an attachment in an edit deletes its row and its stored bytes', async () => {
    const { Readable } = await import('node:stream')
    const { generateStorageKey, getFileStorage } = await import('#app/utils/file-storage.server.ts')
    const storage = getFileStorage()
    const storageKey = generateStorageKey()
    await storage.write(storageKey, Readable.from([Buffer.from('Kravnummer;Krav\n1;Test\n')]))
    const upload = { storageKey, originalName: 'krav.csv', mimeType: 'text/csv', size: 24, sha256: 'x' }
    const { id } = await createArtifact(owner, artifact({ externalUrl: null }), [upload])
    const file = await prisma.fileObject.findFirstOrThrow({ where: { postId: id }, select: { id: true } })

    await expect(editArtifact(owner, id, artifact({ externalUrl: null }), [], [file.id])).rejects.toMatchObject({ status: 400 })
    expect(await storage.exists(storageKey)).toBe(true)

    await editArtifact(owner, id, artifact(), [], [file.id])
    expect(await prisma.fileObject.findUnique({ where: { id: file.id } })).toBeNull()
    expect(await storage.exists(storageKey)).toBe(false)
  })
})

describe('a resubmitted create form', () => {
  test('creates one artifact: the repeat gets the first one and its own upload is discarded', async () => {
    const { Readable } = await import('node:stream')
    const { generateStorageKey, getFileStorage } = await import('#app/utils/file-storage.server.ts')
    const storage = getFileStorage()
    const upload = async () => {
      const storageKey = generateStorageKey()
      await storage.write(storageKey, Readable.from([Buffer.from('Krav;Prioritet\n1;Skall\n')]))
      return { storageKey, originalName: 'krav.csv', mimeType: 'text/csv', size: 22, sha256: 'x' }
    }
    const first = await upload()
    const second = await upload()
    const input = artifact({ title: 'Material som skickas två gånger', externalUrl: null, submissionKey: 'nyckel-for-materialet-1' })
    const created = await createArtifact(owner, input, [first])
    const repeated = await createArtifact(owner, input, [second])
    expect(repeated).toEqual(created)
    expect(await prisma.post.count({ where: { title: input.title } })).toBe(1)
    expect(await prisma.fileObject.findMany({ where: { postId: created.id }, select: { storageKey: true } })).toEqual([{ storageKey: first.storageKey }])
    expect(await prisma.searchOutbox.count({ where: { entityId: created.id } })).toBe(1)
    expect(await storage.exists(first.storageKey)).toBe(true)
    expect(await storage.exists(second.storageKey)).toBe(false)
  })

  test('a key used by another kind of form is refused with 409, not taken for the other post', async () => {
    const { id } = await createProject(owner, project({ title: 'Projekt med en återanvänd nyckel', submissionKey: 'nyckel-for-projektet-1' }))
    const refused: unknown = await createArtifact(owner, artifact({ title: 'Material med projektets nyckel', submissionKey: 'nyckel-for-projektet-1' })).catch(
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(Response)
    expect((refused as Response).status).toBe(409)
    expect(await prisma.post.count({ where: { authorId: owner.id, submissionKey: 'nyckel-for-projektet-1' } })).toBe(1)
    expect((await prisma.post.findUniqueOrThrow({ where: { id }, select: { type: true } })).type).toBe('project')
  })
})

test('a new post belongs to the author’s organisation as stored, whatever the session says', async () => {
  const { id } = await createArtifact({ ...owner, organisationId: undefined }, artifact({ title: 'Material utan organisation i sessionen' }))
  expect((await prisma.post.findUniqueOrThrow({ where: { id }, select: { organisationId: true } })).organisationId).toBe(malmo.id)
})
