import { database } from '#tests/setup/database.ts'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RichTextDocument } from '#app/editor/document.ts'
import { getFileForDownload } from '#app/models/file.server.ts'
import { getPost } from '#app/models/post.server.ts'
import { parseSearchParams } from '#app/models/search-page.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { getFileStorage } from '#app/utils/file-storage.server.ts'
import { indexPendingChanges, searchContent } from '#app/utils/search.server.ts'
import { insertMember } from '#tests/factories.ts'
import { BASE_URL, Browser } from '#tests/request.ts'
import { extractPendingFileTexts } from './file-text.server.ts'
import { createArtifact, editArtifact, type ArtifactInput } from './post.server.ts'
import { discardUploads, parseUploadForm, saveFileObjects } from './upload.server.ts'

const { prisma } = database
const browser = new Browser()
let author: Actor

beforeAll(async () => {
  const member = await insertMember(prisma)
  author = { id: member.id, name: member.name, role: member.role, status: member.status, organisationId: null }
})

// This file's database is its own: every row's bytes are this file's to remove.
afterAll(async () => {
  await discardUploads(await prisma.fileObject.findMany({ select: { storageKey: true } }))
})

async function pdf(lines: string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  const page = document.addPage()
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 750 - index * 20, size: 12, font }))
  return document.save()
}

/** Files posted in a multipart form, as the artifact form sends them, through the upload service. */
async function upload(...files: Array<{ name: string; bytes: Uint8Array }>) {
  const form = new FormData()
  form.append('csrf', browser.csrfToken)
  for (const file of files) form.append('filer', new Blob([new Uint8Array(file.bytes)]), file.name)
  const headers = new Headers(browser.get('/').headers)
  headers.set('Origin', BASE_URL)
  const parsed = await parseUploadForm(new Request(`${BASE_URL}/material/nytt`, { method: 'POST', body: form, headers }))
  expect(parsed.errors).toEqual([])
  return parsed.files
}

const artifact = (title: string, body: string): ArtifactInput => ({
  title,
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] } as RichTextDocument,
  tags: ['e-arkiv'],
  artifactKind: 'document',
  licence: 'CC-BY-4.0',
  externalUrl: null,
})

/** Extraction until nothing is pending, then the search outbox. */
async function extractAndIndex() {
  const outcomes = []
  for (let step = await extractPendingFileTexts(); step.length > 0; step = await extractPendingFileTexts()) outcomes.push(...step)
  await indexPendingChanges()
  return outcomes
}

const search = async (query: string) => {
  const outcome = await searchContent(parseSearchParams(new URLSearchParams({ q: query })))
  if (!outcome.ok) throw new Error('search failed')
  return outcome.result.hits
}

const fileRow = (id: string) =>
  prisma.fileObject.findUniqueOrThrow({
    where: { id },
    select: { textStatus: true, extractedText: true, textError: true, textAttempts: true, size: true, postId: true },
  })

describe('attachment text in search', () => {
  test('an artifact is found by a word that is only in its attached PDF, and the snippet shows it', async () => {
    const files = await upload({
      name: 'Bevarandeplan.pdf',
      bytes: await pdf(['Plan för långtidsbevarande av handlingar', 'Gallringsfrister och arkivbildare']),
    })
    const { id } = await createArtifact(author, artifact('Bevarandeplan för e-arkiv', 'Vår plan, se bilagan.'), files)
    const [file] = await prisma.fileObject.findMany({ where: { postId: id }, select: { id: true } })
    if (!file) throw new Error('the file should be attached')

    // Saved and indexed at once; the file's text comes in the background.
    expect((await fileRow(file.id)).textStatus).toBe('pending')
    await indexPendingChanges()
    expect((await search('långtidsbevarande')).map((hit) => hit.entityId)).not.toContain(id)

    const outcomes = await extractAndIndex()
    expect(outcomes).toContainEqual({ fileId: file.id, status: 'done' })
    expect((await fileRow(file.id)).extractedText).toBe('Plan för långtidsbevarande av handlingar\nGallringsfrister och arkivbildare')

    const [hit] = (await search('långtidsbevarande')).filter((candidate) => candidate.entityId === id)
    expect(hit?.title).toBe('Bevarandeplan för e-arkiv')
    expect(hit?.snippet).toMatch(/<mark>långtidsbevarande<\/mark>/)
    expect((await search('arkivbildare')).map((candidate) => candidate.entityId)).toContain(id)
  })

  test('a removed attachment takes its text out of the post’s document', async () => {
    const files = await upload({ name: 'Rutin.txt', bytes: new TextEncoder().encode('Rutin för skanningsstation i kommunhuset') })
    const { id } = await createArtifact(author, artifact('Rutin för skanning', 'Så skannar vi.'), files)
    await extractAndIndex()
    expect((await search('skanningsstation')).map((hit) => hit.entityId)).toContain(id)

    const [file] = await prisma.fileObject.findMany({ where: { postId: id }, select: { id: true } })
    await editArtifact(author, id, { ...artifact('Rutin för skanning', 'Så skannar vi.'), externalUrl: 'https://example.se/rutin' }, [], [file?.id ?? ''])
    await indexPendingChanges()
    expect((await search('skanningsstation')).map((hit) => hit.entityId)).not.toContain(id)
  })
})

describe('files without text', () => {
  test('a corrupt PDF is marked failed with the reason; the upload and the post stay intact', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\nnot a real document, cut short')
    const files = await upload({ name: 'Trasig.pdf', bytes: broken })
    const { id } = await createArtifact(author, artifact('Material med trasig bilaga', 'Beskrivningen finns här.'), files)
    const [file] = await prisma.fileObject.findMany({ where: { postId: id }, select: { id: true } })
    if (!file) throw new Error('the file should be attached')

    const outcomes = await extractAndIndex()
    expect(outcomes).toContainEqual({ fileId: file.id, status: 'failed' })
    const row = await fileRow(file.id)
    expect(row).toMatchObject({ textStatus: 'failed', extractedText: null, size: broken.length, postId: id })
    expect(row.textError).toMatch(/Invalid PDF/)

    expect((await getPost(id, 'artifact', author))?.title).toBe('Material med trasig bilaga')
    expect(await getFileForDownload(file.id, author)).toMatchObject({ originalName: 'Trasig.pdf', postId: id })
    expect((await search('beskrivningen')).map((hit) => hit.entityId)).toContain(id)
    // Not retried: a second pass finds nothing to do.
    expect(await extractPendingFileTexts()).toEqual([])
  })

  test('a file whose bytes are gone is failed; an image has no text and is never read', async () => {
    const files = await upload(
      { name: 'Borta.txt', bytes: new TextEncoder().encode('Det här försvinner') },
      { name: 'bild.png', bytes: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64') },
    )
    const { id } = await createArtifact(author, artifact('Material med bild', 'Text.'), files)
    const [text, image] = await prisma.fileObject.findMany({ where: { postId: id }, orderBy: { originalName: 'asc' }, select: { id: true, storageKey: true } })
    if (!text || !image) throw new Error('both files should be attached')
    await getFileStorage().remove(text.storageKey)
    await getFileStorage().remove(image.storageKey)

    await extractAndIndex()
    expect(await fileRow(text.id)).toMatchObject({ textStatus: 'failed', textError: expect.stringMatching(/^Could not read the stored file/) })
    expect(await fileRow(image.id)).toMatchObject({ textStatus: 'none', textError: 'image/png is not a type text is extracted from' })
  })
})

describe('claiming', () => {
  test('two instances at once never extract the same file; each file is claimed once', async () => {
    const stored = await upload(
      ...Array.from({ length: 8 }, (_, index) => ({
        name: `Protokoll ${index}.txt`,
        bytes: new TextEncoder().encode(`Protokoll nummer ${index} från nämnden`),
      })),
    )
    const saved = await prisma.$transaction((tx) => saveFileObjects(tx, stored, { uploaderId: author.id, postId: null }))
    const ids = saved.map((file) => file.id)

    const instance = async () => {
      const outcomes = []
      for (let step = await extractPendingFileTexts({ batchSize: 2 }); step.length > 0; step = await extractPendingFileTexts({ batchSize: 2 }))
        outcomes.push(...step)
      return outcomes
    }
    const [first, second] = await Promise.all([instance(), instance()])
    const handled = [...first, ...second].map((outcome) => outcome.fileId).filter((fileId) => ids.includes(fileId))
    expect(new Set(handled).size).toBe(handled.length)
    expect(handled.sort()).toEqual([...ids].sort())
    const rows = await prisma.fileObject.findMany({ where: { id: { in: ids } }, select: { textStatus: true, textAttempts: true } })
    expect(rows.every((row) => row.textStatus === 'done' && row.textAttempts === 1)).toBe(true)
    // A file without a post writes no outbox row.
    expect(await prisma.searchOutbox.count({ where: { entityId: { in: ids } } })).toBe(0)
  })

  test('a claim whose process died is taken over after the lease; after three such claims the file is given up', async () => {
    const [stored] = await upload({ name: 'Avbruten.txt', bytes: new TextEncoder().encode('Avbruten extraktion') })
    if (!stored) throw new Error('the file should be stored')
    const [saved] = await prisma.$transaction((tx) => saveFileObjects(tx, [stored], { uploaderId: author.id, postId: null }))
    const id = saved?.id ?? ''
    const longAgo = new Date(Date.now() - 60 * 60 * 1000)

    // Claimed a moment ago by another instance: left alone.
    await prisma.fileObject.update({ where: { id }, data: { textAttempts: 1, textClaimedAt: new Date() } })
    expect((await extractPendingFileTexts()).map((outcome) => outcome.fileId)).not.toContain(id)

    // That claim ran out: taken over and finished.
    await prisma.fileObject.update({ where: { id }, data: { textClaimedAt: longAgo } })
    expect(await extractPendingFileTexts()).toContainEqual({ fileId: id, status: 'done' })
    expect(await fileRow(id)).toMatchObject({ textStatus: 'done', textAttempts: 2 })

    // Three claims that all ran out: failed, not retried forever.
    await prisma.fileObject.update({ where: { id }, data: { textStatus: 'pending', extractedText: null, textAttempts: 3, textClaimedAt: longAgo } })
    expect(await extractPendingFileTexts()).toEqual([])
    expect(await fileRow(id)).toMatchObject({ textStatus: 'failed', textError: 'No result after 3 attempts' })
  })
})
