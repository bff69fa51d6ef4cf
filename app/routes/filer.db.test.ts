import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RichTextDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { deleteContent } from '#app/services/content-moderation.server.ts'
import { askQuestion } from '#app/services/question.server.ts'
import { discardUploads } from '#app/services/upload.server.ts'
import { generateStorageKey, getFileStorage } from '#app/utils/file-storage.server.ts'
import { RATE_LIMITS } from '#app/utils/rate-limit.server.ts'
import { insertActor, insertMember } from '#tests/factories.ts'
import { BASE_URL, Browser, call, routeArgs, signedInMember } from '#tests/request.ts'
import { loader as downloadLoader } from './filer.$fileId.tsx'
import { action as imageAction } from './filer.bild.tsx'
import { loader as questionLoader } from './fragor.$questionId._index.tsx'

const { prisma } = database

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

let memberId: string
let member: Browser
let other: Browser
let moderatorActor: Actor
let moderator: Browser
const anonymous = new Browser()

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

async function createPost(status: 'visible' | 'hidden' | 'deleted', authorId = memberId) {
  return prisma.post.create({
    data: { type: 'artifact', title: 'Mall för upphandling', body: { type: 'doc', content: [] }, bodyHtml: '', bodyText: '', authorId, status },
    select: { id: true },
  })
}

/** Stores bytes like an upload does and saves the row: the member's upload, attached unless `inline`. */
async function storeFile(
  bytes: Buffer,
  fields: { originalName: string; mimeType: string; postId: string | null; answerId?: string; inline?: boolean; uploaderId?: string },
) {
  const storageKey = generateStorageKey()
  await getFileStorage().write(storageKey, Readable.from([bytes]))
  const saved = await prisma.fileObject.create({
    data: { storageKey, size: bytes.length, sha256: 'x', uploaderId: memberId, ...fields },
    select: { id: true },
  })
  return { id: saved.id, storageKey }
}

const download = (browser: Browser, id: string) => call(() => downloadLoader(routeArgs(browser.get(`/filer/${id}`), { fileId: id })), browser)

/** The editor's image upload: the CSRF field (unless left out), then the image. */
function upload(browser: Browser, name: string, bytes: Buffer, { csrf = true } = {}) {
  const form = new FormData()
  if (csrf) form.append('csrf', browser.csrfToken)
  form.append('bild', new Blob([new Uint8Array(bytes)]), name)
  const headers = new Headers(browser.get('/').headers)
  headers.set('Origin', BASE_URL)
  return call(() => imageAction(routeArgs(new Request(`${BASE_URL}/filer/bild`, { method: 'POST', body: form, headers }))), browser)
}

async function bytesOf(result: Awaited<ReturnType<typeof download>>) {
  if (!result.response) throw new Error('no response')
  return Buffer.from(await result.response.arrayBuffer())
}

// This file's database is its own: every row's bytes are this file's to remove.
afterAll(async () => {
  await discardUploads(await prisma.fileObject.findMany({ select: { storageKey: true } }))
})

beforeAll(async () => {
  memberId = (await insertMember(prisma)).id
  member = await signedIn(memberId)
  other = await signedIn((await insertMember(prisma)).id)
  moderatorActor = await insertActor(prisma, { role: 'moderator' })
  moderator = await signedIn(moderatorActor.id)
})

describe('GET /filer/:fileId', () => {
  test('anonymous visitors are sent to sign in and back', async () => {
    const post = await createPost('visible')
    const { id } = await storeFile(pdf, { originalName: 'a.pdf', mimeType: 'application/pdf', postId: post.id })
    const result = await download(anonymous, id)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/logga-in?redirectTo=%2Ffiler%2F${id}`)
  })

  test('a member gets the exact bytes as an attachment with the safety headers', async () => {
    const post = await createPost('visible')
    const { id } = await storeFile(pdf, { originalName: 'Kravspecifikation för RPA.pdf', mimeType: 'application/pdf', postId: post.id })
    const result = await download(member, id)
    expect(result.status).toBe(200)
    const headers = Object.fromEntries(result.response?.headers ?? [])
    expect(headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': `attachment; filename="Kravspecifikation for RPA.pdf"; filename*=UTF-8''Kravspecifikation%20f%C3%B6r%20RPA.pdf`,
      'cache-control': 'private, max-age=3600',
      'content-security-policy': "default-src 'none'; sandbox",
    })
    expect(await bytesOf(result)).toEqual(pdf)
  })

  test('names with quotes and non-Latin characters get a safe ASCII fallback and an exact filename*', async () => {
    const post = await createPost('visible')
    const { id } = await storeFile(pdf, { originalName: 'Svar "slutlig" 100% (v2) – Ørsted\'s.pdf', mimeType: 'application/pdf', postId: post.id })
    const disposition = (await download(member, id)).response?.headers.get('Content-Disposition')
    expect(disposition).toBe(
      `attachment; filename="Svar _slutlig_ 100_ (v2) _ _rsted's.pdf"; filename*=UTF-8''Svar%20%22slutlig%22%20100%25%20%28v2%29%20%E2%80%93%20%C3%98rsted%27s.pdf`,
    )
    const exact = /filename\*=UTF-8''(.+)$/.exec(disposition ?? '')?.[1] ?? ''
    expect(decodeURIComponent(exact)).toBe('Svar "slutlig" 100% (v2) – Ørsted\'s.pdf')
  })

  test('images are shown inline; text is served as UTF-8', async () => {
    const image = await storeFile(png, { originalName: 'diagram.png', mimeType: 'image/png', postId: null, inline: true })
    const shown = await download(member, image.id)
    expect(shown.response?.headers.get('Content-Type')).toBe('image/png')
    expect(shown.response?.headers.get('Content-Disposition')).toBe(`inline; filename="diagram.png"; filename*=UTF-8''diagram.png`)
    expect(await bytesOf(shown)).toEqual(png)

    const post = await createPost('visible')
    const notes = await storeFile(Buffer.from('Åtgärdslista\n'), { originalName: 'lista.txt', mimeType: 'text/plain', postId: post.id })
    const text = await download(member, notes.id)
    expect(text.response?.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(text.response?.headers.get('Content-Disposition')).toMatch(/^attachment; /)
  })

  test('a file on a deleted or hidden post is 404 for other members; moderators still get it', async () => {
    for (const status of ['deleted', 'hidden'] as const) {
      const post = await createPost(status)
      const { id } = await storeFile(pdf, { originalName: 'borttagen.pdf', mimeType: 'application/pdf', postId: post.id })
      expect((await download(other, id)).status).toBe(404)
      expect((await download(moderator, id)).status).toBe(200)
    }
  })

  test('the author of a hidden post gets its attachments and images, as they see the post; other members get 404', async () => {
    const post = await createPost('hidden')
    const attachment = await storeFile(pdf, { originalName: 'dold.pdf', mimeType: 'application/pdf', postId: post.id })
    const image = await storeFile(png, { originalName: 'dold.png', mimeType: 'image/png', postId: post.id, inline: true })
    for (const { id } of [attachment, image]) {
      expect((await download(member, id)).status).toBe(200)
      expect((await download(other, id)).status).toBe(404)
      expect((await download(moderator, id)).status).toBe(200)
    }
    // A deleted post is the moderators' only, also for its author.
    const deleted = await createPost('deleted')
    const removed = await storeFile(pdf, { originalName: 'borta.pdf', mimeType: 'application/pdf', postId: deleted.id })
    expect((await download(member, removed.id)).status).toBe(404)
  })

  test("an image in an answer follows the answer too: a hidden answer's image is its author's and the moderators'", async () => {
    const question = await createPost('visible', (await insertMember(prisma)).id)
    const answer = await prisma.answer.create({
      data: { postId: question.id, authorId: memberId, body: { type: 'doc', content: [] }, bodyHtml: '', bodyText: '', status: 'hidden' },
      select: { id: true },
    })
    const image = await storeFile(png, { originalName: 'svar.png', mimeType: 'image/png', postId: question.id, answerId: answer.id, inline: true })
    expect((await download(member, image.id)).status).toBe(200)
    expect((await download(other, image.id)).status).toBe(404)
    expect((await download(moderator, image.id)).status).toBe(200)
    await prisma.answer.update({ where: { id: answer.id }, data: { status: 'visible' } })
    expect((await download(other, image.id)).status).toBe(200)
  })

  test("an image no saved text shows yet is its uploader's (and the moderators'); a detached attachment the moderators' only", async () => {
    const image = await storeFile(png, { originalName: 'skiss.png', mimeType: 'image/png', postId: null, inline: true })
    expect((await download(member, image.id)).status).toBe(200)
    expect((await download(other, image.id)).status).toBe(404)
    expect((await download(moderator, image.id)).status).toBe(200)
    const detached = await storeFile(pdf, { originalName: 'lossad.pdf', mimeType: 'application/pdf', postId: null })
    expect((await download(member, detached.id)).status).toBe(404)
    expect((await download(moderator, detached.id)).status).toBe(200)
  })

  test("an image in a question is 404 once a moderator deleted the question, like the question's page", async () => {
    const uploaded = await upload(member, 'Organisationsskiss.png', png)
    const { src, alt } = uploaded.data as { src: string; alt: string }
    const body: RichTextDocument = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Så här ser det ut:' }] },
        { type: 'image', attrs: { src, alt } },
      ],
    }
    const author = { id: memberId, name: 'Frågeställaren', role: 'member' as const, status: 'active' }
    const question = await askQuestion(author, { title: 'Hur organiserar ni e-arkivet?', body, tags: [] })
    const id = src.replace(/^\/filer\//, '')
    const page = (browser: Browser) => call(() => questionLoader(routeArgs(browser.get(`/fragor/${question.id}`), { questionId: question.id })), browser)
    expect((await page(other)).status).toBe(200)
    expect((await download(other, id)).status).toBe(200)

    await deleteContent(moderatorActor, { targetType: 'post', targetId: question.id, reason: 'Personuppgifter i bilden.' })
    await mailbox.waitFor((await prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { email: true } })).email)
    for (const browser of [other, member]) {
      expect((await page(browser)).status).toBe(404)
      expect((await download(browser, id)).status).toBe(404)
    }
    expect((await download(moderator, id)).status).toBe(200)
  })

  test('an unknown id, or a row whose bytes are gone, is 404', async () => {
    expect((await download(member, 'finns-inte')).status).toBe(404)
    const post = await createPost('visible')
    const { id, storageKey } = await storeFile(pdf, { originalName: 'borta.pdf', mimeType: 'application/pdf', postId: post.id })
    expect((await download(member, id)).status).toBe(200)
    await getFileStorage().remove(storageKey)
    expect((await download(member, id)).status).toBe(404)
  })
})

describe('POST /filer/bild', () => {
  test('an image is saved untied and answers the src and alt to insert; its uploader and moderators can load it', async () => {
    const result = await upload(member, 'Organisationsskiss.png', png)
    expect(result.status).toBe(200)
    const { src, alt } = result.data as { src: string; alt: string }
    expect(alt).toBe('Organisationsskiss.png')
    const id = src.replace(/^\/filer\//, '')
    expect(src).toBe(`/filer/${id}`)
    const row = await prisma.fileObject.findUniqueOrThrow({
      where: { id },
      select: { postId: true, inline: true, uploaderId: true, mimeType: true, size: true },
    })
    expect(row).toEqual({ postId: null, inline: true, uploaderId: memberId, mimeType: 'image/png', size: png.length })
    expect(await bytesOf(await download(member, id))).toEqual(png)
    expect(await bytesOf(await download(moderator, id))).toEqual(png)
  })

  test('anything but an image is refused with a Swedish error and not kept', async () => {
    const before = await prisma.fileObject.count()
    const result = await upload(member, 'bild.png', pdf)
    expect(result.status).toBe(400)
    expect(result.data).toEqual({ error: 'Bara bilder (PNG, JPEG, GIF eller WebP) kan infogas.' })
    const junk = await upload(member, 'bild.png', Buffer.from([0, 1, 2, 3, 4, 5]))
    expect(junk.status).toBe(400)
    expect((junk.data as { error: string }).error).toMatch(/^Filtypen för ”bild\.png” är inte tillåten\./)
    expect(await prisma.fileObject.count()).toBe(before)
  })

  test('a form without an image is a 400 asking for one', async () => {
    const form = new FormData()
    form.append('csrf', member.csrfToken)
    form.append('bild', new Blob([]), '')
    const headers = new Headers(member.get('/').headers)
    headers.set('Origin', BASE_URL)
    const result = await call(() => imageAction(routeArgs(new Request(`${BASE_URL}/filer/bild`, { method: 'POST', body: form, headers }))), member)
    expect(result.status).toBe(400)
    expect(result.data).toEqual({ error: 'Välj en bild att ladda upp.' })
  })

  test('requests without a CSRF token spend none of the posting quota', async () => {
    const { browser } = await signedInMember(prisma)
    for (let attempt = 0; attempt <= RATE_LIMITS.posting.max; attempt++) {
      expect((await upload(browser, 'bild.png', png, { csrf: false })).status).toBe(403)
    }
    expect((await upload(browser, 'bild.png', png)).status).toBe(200)
  })

  test('no CSRF token is 403; anonymous visitors are sent to sign in', async () => {
    expect((await upload(member, 'bild.png', png, { csrf: false })).status).toBe(403)
    const result = await upload(anonymous, 'bild.png', png)
    expect(result.status).toBe(302)
    expect(result.location).toBe('/logga-in?redirectTo=%2Ffiler%2Fbild')
  })
})
