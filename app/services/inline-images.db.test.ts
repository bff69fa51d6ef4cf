import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument, type RichTextDocument } from '#app/editor/document.ts'
import { getPost } from '#app/models/post.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { action as askAction } from '#app/routes/fragor.ny.tsx'
import { generateStorageKey, getFileStorage } from '#app/utils/file-storage.server.ts'
import { buildProjectInput, insertActor } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { editContentAsModerator } from './content-moderation.server.ts'
import { runMaintenance } from './maintenance.server.ts'
import { createArtifact, createProject, editArtifact, editProject } from './post.server.ts'
import { answerQuestion, askQuestion, editAnswer, editQuestion } from './question.server.ts'
import { discardUploads, saveEditorImage } from './upload.server.ts'

const { prisma } = database

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

let writer: Actor
let other: Actor
let moderator: Actor

beforeAll(async () => {
  writer = await insertActor(prisma)
  other = await insertActor(prisma)
  moderator = await insertActor(prisma, { role: 'moderator' })
})

// This file's database is its own: every row's bytes are this file's to remove.
afterAll(async () => {
  await discardUploads(await prisma.fileObject.findMany({ select: { storageKey: true } }))
})

/** An image inserted in the editor by `uploader` (what POST /filer/bild saves). */
async function insertedImage(uploader: Actor, name = 'skiss.png') {
  const storageKey = generateStorageKey()
  await getFileStorage().write(storageKey, Readable.from([png]))
  const image = await saveEditorImage(uploader, { storageKey, originalName: name, mimeType: 'image/png', size: png.length, sha256: 'x' })
  return { id: image.id, storageKey, name }
}

/** A text with a paragraph and the given images. */
function showing(...images: Array<{ id: string; name: string }>): RichTextDocument {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Så här ser det ut.' }] },
      ...images.map((image) => ({ type: 'image' as const, attrs: { src: `/filer/${image.id}`, alt: image.name } })),
    ],
  }
}

const holderOf = (id: string) => prisma.fileObject.findUnique({ where: { id }, select: { postId: true, answerId: true } })

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: (await error.json()) as unknown }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('saving a text ties the images it shows', { timeout: 60_000 }, () => {
  test('a question ties its images on save; an edit that drops one unties it', async () => {
    const map = await insertedImage(writer, 'Karta.png')
    const chart = await insertedImage(writer, 'Diagram.png')
    const question = await askQuestion(writer, { title: 'Hur ritar ni kartor?', body: showing(map, chart), tags: [] })
    expect(await holderOf(map.id)).toEqual({ postId: question.id, answerId: null })
    expect(await holderOf(chart.id)).toEqual({ postId: question.id, answerId: null })

    await editQuestion(writer, question.id, { title: 'Hur ritar ni kartor?', body: showing(map), tags: [] })
    expect(await holderOf(map.id)).toEqual({ postId: question.id, answerId: null })
    expect(await holderOf(chart.id)).toEqual({ postId: null, answerId: null })
  })

  test('an answer ties its images to itself and its question', async () => {
    const question = await askQuestion(other, { title: 'Vem har en bra blankett?', body: plainTextToDocument('Vi behöver en.'), tags: [] })
    const form = await insertedImage(writer, 'Blankett.png')
    const answer = await answerQuestion(writer, question.id, showing(form))
    expect(await holderOf(form.id)).toEqual({ postId: question.id, answerId: answer.id })
    await editAnswer(writer, answer.id, plainTextToDocument('Vi har ingen längre.'))
    expect(await holderOf(form.id)).toEqual({ postId: null, answerId: null })
  })

  test('projects and artifacts tie them on create and edit; they are not attachments', async () => {
    const photo = await insertedImage(writer, 'Foto.png')
    const project = await createProject(writer, { ...buildProjectInput('Digitala byggaregister'), body: showing(photo) })
    expect(await holderOf(photo.id)).toEqual({ postId: project.id, answerId: null })
    expect((await getPost(project.id, 'project', writer))?.files).toEqual([])
    // "Remove attachment" cannot take an image out of the text.
    await editProject(writer, project.id, { ...buildProjectInput('Digitala byggaregister'), body: showing(photo) }, [], [photo.id])
    expect(await holderOf(photo.id)).toEqual({ postId: project.id, answerId: null })

    const artifactInput = {
      title: 'Mall',
      body: showing(await insertedImage(writer)),
      organisationId: null,
      tags: [],
      artifactKind: 'template' as const,
      licence: 'CC BY 4.0',
    }
    // An image in the text is no file of the artifact: it still needs a file or a link.
    expect(await refusal(createArtifact(writer, { ...artifactInput, externalUrl: null }))).toMatchObject({ status: 400 })
    const artifact = await createArtifact(writer, { ...artifactInput, externalUrl: 'https://example.se/mall' })
    await expect(editArtifact(writer, artifact.id, { ...artifactInput, externalUrl: null })).rejects.toMatchObject({ status: 400 })
  })

  test("a moderator edit keeps the author's images it still shows and unties the ones it drops", async () => {
    const kept = await insertedImage(writer, 'Behålls.png')
    const dropped = await insertedImage(writer, 'Personuppgifter.png')
    const question = await askQuestion(writer, { title: 'Hur gallrar ni?', body: showing(kept, dropped), tags: [] })
    await editContentAsModerator(moderator, {
      targetType: 'post',
      targetId: question.id,
      title: 'Hur gallrar ni?',
      body: showing(kept),
      reason: 'Bilden visade personuppgifter.',
    })
    await mailbox.waitFor((await prisma.user.findUniqueOrThrow({ where: { id: writer.id }, select: { email: true } })).email)
    expect(await holderOf(kept.id)).toEqual({ postId: question.id, answerId: null })
    expect(await holderOf(dropped.id)).toEqual({ postId: null, answerId: null })
  })
})

describe('a text shows only its own images', { timeout: 60_000 }, () => {
  const refused = {
    status: 400,
    body: {
      id: 'bad-request',
      message: 'Bilden ”Annans.png” går inte att spara i texten: bara bilder du själv har infogat här kan visas. Ta bort bilden och infoga den på nytt.',
    },
  }

  test("someone else's image is refused in Swedish, nothing is saved and the image stays theirs", async () => {
    const theirs = await insertedImage(other, 'Annans.png')
    const before = await prisma.post.count()
    expect(await refusal(askQuestion(writer, { title: 'Lånad bild', body: showing(theirs), tags: [] }))).toEqual(refused)
    expect(await prisma.post.count()).toBe(before)
    expect(await holderOf(theirs.id)).toEqual({ postId: null, answerId: null })
  })

  test("an image of another text, even the writer's own, and an id that names nothing are refused too", async () => {
    const image = await insertedImage(writer, 'Annans.png')
    const first = await askQuestion(writer, { title: 'Första frågan', body: showing(image), tags: [] })
    const second = await askQuestion(writer, { title: 'Andra frågan', body: plainTextToDocument('Utan bild.'), tags: [] })
    expect(await refusal(editQuestion(writer, second.id, { title: 'Andra frågan', body: showing(image), tags: [] }))).toEqual(refused)
    expect(await refusal(answerQuestion(writer, second.id, showing({ id: 'cm0finnsinte', name: 'Annans.png' })))).toEqual(refused)
    expect(await holderOf(image.id)).toEqual({ postId: first.id, answerId: null })

    // A moderator editing someone's text cannot move another text's image into it either.
    const others = await askQuestion(other, { title: 'Tredje frågan', body: plainTextToDocument('Utan bild.'), tags: [] })
    const edit = { targetType: 'post' as const, targetId: others.id, title: 'Tredje frågan', body: showing(image), reason: 'Lägger till en bild.' }
    expect(await refusal(editContentAsModerator(moderator, edit))).toEqual(refused)
  })

  test('the form says so next to the text, which is kept for the writer to fix', async () => {
    const theirs = await insertedImage(other, 'Annans.png')
    const browser = new Browser()
    await browser.signInAs(writer.id)
    const fields = { title: 'Lånad bild i formuläret', body: JSON.stringify(showing(theirs)) }
    const result = await call(() => askAction(routeArgs(browser.post('/fragor/ny', fields))), browser)
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({ result: { status: 'error', error: { '': [refused.body.message] }, initialValue: fields } })
  })
})

describe('the hourly maintenance', { timeout: 60_000 }, () => {
  test('deletes images no saved text shows once a day has passed, bytes too; keeps newer and tied ones', async () => {
    const now = new Date()
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60 * 1000)
    const abandoned = await insertedImage(writer, 'Övergiven.png')
    const dropped = await insertedImage(writer, 'Borttagen.png')
    const recent = await insertedImage(writer, 'Skrivs.png')
    const shown = await insertedImage(writer, 'Visas.png')
    const question = await askQuestion(writer, { title: 'Med bilder', body: showing(dropped, shown), tags: [] })
    await editQuestion(writer, question.id, { title: 'Med bilder', body: showing(shown), tags: [] })
    await prisma.fileObject.updateMany({ where: { id: { in: [abandoned.id, dropped.id, shown.id] } }, data: { createdAt: hoursAgo(25) } })
    await prisma.fileObject.update({ where: { id: recent.id }, data: { createdAt: hoursAgo(23) } })

    await runMaintenance(now)

    const left = await prisma.fileObject.findMany({ where: { id: { in: [abandoned.id, dropped.id, recent.id, shown.id] } }, select: { id: true } })
    expect(left.map((file) => file.id).sort()).toEqual([recent.id, shown.id].sort())
    const storage = getFileStorage()
    expect(await storage.exists(abandoned.storageKey)).toBe(false)
    expect(await storage.exists(dropped.storageKey)).toBe(false)
    expect(await storage.exists(recent.storageKey)).toBe(true)
    expect(await storage.exists(shown.storageKey)).toBe(true)
  })
})
