import { database } from '#tests/setup/database.ts'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { dataDir } from '#app/utils/env.server.ts'
import { type FileStorage, getFileStorage, isStorageKey } from '#app/utils/file-storage.server.ts'
import { insertMember } from '#tests/factories.ts'
import { BASE_URL, Browser } from '#tests/request.ts'
import { discardUploads, parseUploadForm, sanitizeFileName, saveEditorImage, saveFileObjects } from './upload.server.ts'

const { prisma } = database
const browser = new Browser()

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), Buffer.alloc(200, 0x90)])

type Part = string | { name: string; bytes: Uint8Array }

/** A multipart form post like a browser sends it: CSRF token first, cookie and Origin set. */
function multipart(parts: Array<[string, Part]>, { csrf = true, headers = {} }: { csrf?: boolean; headers?: Record<string, string> } = {}) {
  const form = new FormData()
  if (csrf) form.append('csrf', browser.csrfToken)
  for (const [field, value] of parts) {
    if (typeof value === 'string') form.append(field, value)
    else form.append(field, new Blob([new Uint8Array(value.bytes)]), value.name)
  }
  const requestHeaders = new Headers(browser.get('/').headers)
  requestHeaders.set('Origin', BASE_URL)
  for (const [name, value] of Object.entries(headers)) requestHeaders.set(name, value)
  return new Request(`${BASE_URL}/projekt/ny`, { method: 'POST', body: form, headers: requestHeaders })
}

const file = (name: string, bytes: Uint8Array): Part => ({ name, bytes })

/** Every file under DATA_DIR/uploads, temporary files included. */
function storedFiles(): string[] {
  const root = dataDir('uploads')
  if (!fs.existsSync(root)) return []
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

async function readStored(storageKey: string) {
  const stream = await getFileStorage().read(storageKey)
  if (!stream) return null
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function rejection(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return { status: error.status, body: (await error.json()) as { message: string } }
    throw error
  }
  throw new Error('Expected a thrown Response')
}

let uploaderId: string

// This file's database is its own: every row's bytes are this file's to remove.
afterAll(async () => {
  await discardUploads(await prisma.fileObject.findMany({ select: { storageKey: true } }))
})

beforeAll(async () => {
  uploaderId = (await insertMember(prisma)).id
})

describe('parseUploadForm', () => {
  test('an accepted PDF is stored under a generated key with its size and SHA-256, next to the text fields', async () => {
    const before = storedFiles()
    const { formData, files, errors } = await parseUploadForm(
      multipart([
        ['title', 'Kravspecifikation'],
        ['filer', file('Kravspecifikation för RPA.pdf', pdf)],
      ]),
    )
    expect(errors).toEqual([])
    expect(formData.get('title')).toBe('Kravspecifikation')
    expect(formData.get('csrf')).toBe(browser.csrfToken)
    expect(files).toEqual([
      { storageKey: expect.any(String), originalName: 'Kravspecifikation för RPA.pdf', mimeType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
    ])
    const [stored] = files
    expect(isStorageKey(stored?.storageKey ?? '')).toBe(true)
    expect(await readStored(stored?.storageKey ?? '')).toEqual(pdf)
    expect(storedFiles()).toHaveLength(before.length + 1)
    await discardUploads(files)
    expect(storedFiles()).toEqual(before)
  })

  test('several files in one form, each checked on its own', async () => {
    const { files, errors } = await parseUploadForm(
      multipart([
        ['filer', file('a.pdf', pdf)],
        ['filer', file('bild.png', png)],
        ['filer', file('program.pdf', exe)],
      ]),
    )
    expect(files.map((stored) => [stored.originalName, stored.mimeType])).toEqual([
      ['a.pdf', 'application/pdf'],
      ['bild.png', 'image/png'],
    ])
    expect(errors).toEqual([
      'Filtypen för ”program.pdf” är inte tillåten. Tillåtna: PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG, JPEG, GIF, WebP och ZIP.',
    ])
    await discardUploads(files)
  })

  test('a disallowed type with an allowed extension is refused and nothing is left behind', async () => {
    const before = storedFiles()
    const html = Buffer.from('<!doctype html><script>alert(1)</script>')
    const { files, errors } = await parseUploadForm(
      multipart([
        ['filer', file('rapport.pdf', exe)],
        ['filer', file('bild.png', html)],
      ]),
    )
    expect(files).toEqual([])
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^Filtypen för ”rapport\.pdf” är inte tillåten\./)
    expect(errors[1]).toMatch(/^Filtypen för ”bild\.png” är inte tillåten\./)
    expect(storedFiles()).toEqual(before)
  })

  test('a file over the limit is abandoned at the limit: never written whole, nothing left, later files still read', async () => {
    const before = storedFiles()
    const real = getFileStorage()
    const written = new Map<string, number>()
    const counting: FileStorage = {
      ...real,
      async write(key, source) {
        written.set(key, 0)
        async function* counted() {
          for await (const chunk of source) {
            written.set(key, (written.get(key) ?? 0) + (chunk as Uint8Array).length)
            yield chunk as Uint8Array
          }
        }
        await real.write(key, counted())
      },
    }
    const big = Buffer.concat([pdf, Buffer.alloc(200 * 1024, 0x20)])
    const { files, errors } = await parseUploadForm(
      multipart([
        ['filer', file('stor.pdf', big)],
        ['filer', file('liten.pdf', pdf)],
      ]),
      {
        maxFileBytes: 1024,
        storage: counting,
      },
    )
    expect(errors).toEqual(['Filen ”stor.pdf” är större än 1 kB.'])
    expect(files.map((stored) => stored.originalName)).toEqual(['liten.pdf'])
    const [bigWrite] = [...written.values()]
    expect(bigWrite).toBeLessThanOrEqual(1024)
    await discardUploads(files)
    expect(storedFiles()).toEqual(before)
  })

  test('the default limit comes from UPLOAD_MAX_MB and is named in the message', async () => {
    const { errors, files } = await parseUploadForm(multipart([['filer', file('stor.pdf', Buffer.concat([pdf, Buffer.alloc(25 * 1024 * 1024)]))]]))
    expect(files).toEqual([])
    expect(errors).toEqual(['Filen ”stor.pdf” är större än 25 MB.'])
  })

  test('a request larger than all files may be is refused with 413, from Content-Length or while reading', async () => {
    const declared = await rejection(
      parseUploadForm(multipart([['filer', file('a.pdf', pdf)]], { headers: { 'Content-Length': String(50 * 1024 * 1024) } }), {
        maxFileBytes: 1024 * 1024,
        maxFiles: 2,
      }),
    )
    expect(declared.status).toBe(413)
    expect(declared.body.message).toBe('Det du skickade är för stort. Du kan skicka högst 2 filer på högst 1 MB var.')

    const before = storedFiles()
    const chunk = Buffer.concat([pdf, Buffer.alloc(700 * 1024, 0x20)])
    const streamed = await rejection(
      parseUploadForm(
        multipart([
          ['filer', file('ok.pdf', pdf)],
          ['filer', file('a.pdf', chunk)],
          ['annat', file('b.pdf', chunk)],
        ]),
        { maxFileBytes: 1024, maxFiles: 1 },
      ),
    )
    expect(streamed.status).toBe(413)
    expect(storedFiles()).toEqual(before)
  })

  test('more files than allowed: the first ones are kept and one message tells the limit', async () => {
    const { files, errors } = await parseUploadForm(
      multipart([
        ['filer', file('1.pdf', pdf)],
        ['filer', file('2.pdf', pdf)],
        ['filer', file('3.pdf', pdf)],
        ['filer', file('4.pdf', pdf)],
      ]),
      { maxFiles: 2 },
    )
    expect(files.map((stored) => stored.originalName)).toEqual(['1.pdf', '2.pdf'])
    expect(errors).toEqual(['Du kan skicka högst 2 filer åt gången.'])
    await discardUploads(files)
  })

  test('path traversal in the file name is stripped; the storage key is generated, never the name', async () => {
    const { files } = await parseUploadForm(
      multipart([
        ['filer', file('../../etc/passwd.pdf', pdf)],
        ['filer', file('C:\\Users\\anna\\..\\rapport.pdf', pdf)],
      ]),
    )
    expect(files.map((stored) => stored.originalName)).toEqual(['passwd.pdf', 'rapport.pdf'])
    for (const stored of files) {
      expect(isStorageKey(stored.storageKey)).toBe(true)
      expect(storedFiles().some((name) => name.startsWith(dataDir('uploads')) && name.endsWith(stored.storageKey))).toBe(true)
    }
    expect(storedFiles().some((name) => name.includes('passwd'))).toBe(false)
    await discardUploads(files)
  })

  test('a stored name gets the detected type’s extension when its own does not fit', async () => {
    const { files } = await parseUploadForm(
      multipart([
        ['filer', file('avtal.docx', pdf)],
        ['filer', file('kör.bat', Buffer.from('echo hej\r\n'))],
        ['filer', file('kommuner.csv', Buffer.from('namn;län\nNacka;Stockholm\n'))],
      ]),
    )
    expect(files.map((stored) => [stored.originalName, stored.mimeType])).toEqual([
      ['avtal.docx.pdf', 'application/pdf'],
      ['kör.bat.txt', 'text/plain'],
      ['kommuner.csv', 'text/csv'],
    ])
    await discardUploads(files)
  })

  test('a zero-byte file is refused; an empty file input is ignored', async () => {
    const before = storedFiles()
    const { files, errors } = await parseUploadForm(
      multipart([
        ['filer', file('tom.pdf', new Uint8Array(0))],
        ['filer', file('', new Uint8Array(0))],
      ]),
    )
    expect(files).toEqual([])
    expect(errors).toEqual(['Filen ”tom.pdf” är tom.'])
    expect(storedFiles()).toEqual(before)
  })

  test('missing or wrong CSRF token, a file before the token, or a filled honeypot: 403 and nothing stored', async () => {
    const before = storedFiles()
    const missing = await rejection(parseUploadForm(multipart([['filer', file('a.pdf', pdf)]], { csrf: false })))
    expect(missing.status).toBe(403)

    const fileFirst = new FormData()
    fileFirst.append('filer', new Blob([pdf]), 'a.pdf')
    fileFirst.append('csrf', browser.csrfToken)
    const headers = new Headers(browser.get('/').headers)
    headers.set('Origin', BASE_URL)
    expect((await rejection(parseUploadForm(new Request(`${BASE_URL}/x`, { method: 'POST', body: fileFirst, headers })))).status).toBe(403)

    const foreign = await rejection(parseUploadForm(multipart([['filer', file('a.pdf', pdf)]], { headers: { Origin: 'https://evil.example' } })))
    expect(foreign.status).toBe(403)

    const honeypotFirst = await rejection(
      parseUploadForm(
        multipart([
          ['website', 'http://spam.example'],
          ['filer', file('a.pdf', pdf)],
        ]),
      ),
    )
    expect(honeypotFirst.status).toBe(403)
    const honeypotLast = await rejection(
      parseUploadForm(
        multipart([
          ['filer', file('a.pdf', pdf)],
          ['website', 'http://spam.example'],
        ]),
      ),
    )
    expect(honeypotLast.status).toBe(403)

    const noFiles = await rejection(parseUploadForm(multipart([['title', 'Utan token']], { csrf: false })))
    expect(noFiles.status).toBe(403)
    expect(storedFiles()).toEqual(before)
  })

  test('a form without files posted urlencoded is read like requireValidMutation does', async () => {
    const { formData, files, errors } = await parseUploadForm(browser.post('/projekt/ny', { title: 'Utan filer' }))
    expect(formData.get('title')).toBe('Utan filer')
    expect(files).toEqual([])
    expect(errors).toEqual([])
    expect((await rejection(parseUploadForm(browser.post('/projekt/ny', { title: 'x' }, { csrf: false })))).status).toBe(403)
  })

  test('an unreadable form is a 400; a name with ";" (which the multipart parser cannot read) says to rename', async () => {
    const before = storedFiles()
    const semicolon = await rejection(
      parseUploadForm(
        multipart([
          ['filer', file('a.pdf', pdf)],
          ['filer', file('Protokoll; bilaga.pdf', pdf)],
        ]),
      ),
    )
    expect(semicolon.status).toBe(400)
    expect(semicolon.body.message).toContain('semikolon')

    const headers = new Headers(browser.get('/').headers)
    headers.set('Origin', BASE_URL)
    headers.set('Content-Type', 'multipart/form-data; boundary=abc')
    const truncated = new Request(`${BASE_URL}/x`, {
      method: 'POST',
      body: `--abc\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${browser.csrfToken}\r\n--abc\r\nContent-Disposition: form-data; name="filer"; filename="a.pdf"\r\n\r\n%PDF-1.7 cut`,
      headers,
    })
    expect((await rejection(parseUploadForm(truncated))).status).toBe(400)
    expect(storedFiles()).toEqual(before)
  })
})

describe('sanitizeFileName', () => {
  test('keeps a readable base name and removes what could mislead or escape', () => {
    expect(sanitizeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf')
    expect(sanitizeFileName('..\\..\\windows\\system.ini')).toBe('system.ini')
    expect(sanitizeFileName('..')).toBe('fil')
    expect(sanitizeFileName('')).toBe('fil')
    expect(sanitizeFileName('.htaccess')).toBe('htaccess')
    expect(sanitizeFileName('rapport..pdf')).toBe('rapport.pdf')
    expect(sanitizeFileName('  Budget 2025 .xlsx.  ')).toBe('Budget 2025 .xlsx')
    // Controls go; line breaks and tabs are whitespace, as in every single-line field.
    expect(sanitizeFileName('fil\u0000namn\r\n\t.pdf')).toBe('filnamn .pdf')
    expect(sanitizeFileName('faktura\u202Efdp.exe')).toBe('fakturafdp.exe')
    expect(sanitizeFileName('\u2067rapport\u200F\u200B.pdf\uFEFF')).toBe('rapport.pdf')
    expect(sanitizeFileName('Kravspecifikation fo\u0308r RPA.pdf')).toBe('Kravspecifikation för RPA.pdf')
    const long = `${'å'.repeat(300)}.docx`
    const limited = sanitizeFileName(long)
    expect(Array.from(limited)).toHaveLength(200)
    expect(limited.endsWith('å.docx')).toBe(true)
  })
})

describe('saving and discarding', () => {
  test('rows are created in the caller’s transaction; after a rollback the files are discarded', async () => {
    const { files } = await parseUploadForm(
      multipart([
        ['filer', file('a.pdf', pdf)],
        ['filer', file('b.png', png)],
      ]),
    )
    const saved = await prisma.$transaction((tx) => saveFileObjects(tx, files, { uploaderId, postId: null }))
    expect(saved.map((row) => row.originalName)).toEqual(['a.pdf', 'b.png'])
    const row = await prisma.fileObject.findUniqueOrThrow({ where: { id: saved[0]?.id ?? '' } })
    expect(row).toMatchObject({
      storageKey: files[0]?.storageKey,
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      uploaderId,
      postId: null,
    })

    const { files: more } = await parseUploadForm(multipart([['filer', file('c.pdf', pdf)]]))
    const failed = prisma.$transaction(async (tx) => {
      await saveFileObjects(tx, more, { uploaderId, postId: null })
      throw new Error('something later in the transaction failed')
    })
    await expect(failed).rejects.toThrow('something later')
    await discardUploads(more)
    expect(await prisma.fileObject.count({ where: { storageKey: more[0]?.storageKey ?? '' } })).toBe(0)
    expect(await getFileStorage().exists(more[0]?.storageKey ?? '')).toBe(false)
  })

  test('saveEditorImage saves images only and discards what it refuses', async () => {
    const actor = { id: uploaderId, name: 'Uppladdare', role: 'member' as const, status: 'active' }
    const { files } = await parseUploadForm(
      multipart([
        ['filer', file('bild.png', png)],
        ['filer', file('a.pdf', pdf)],
      ]),
    )
    const [image, document] = files
    if (!image || !document) throw new Error('both files should be stored')
    const saved = await saveEditorImage(actor, image)
    expect(saved).toMatchObject({ originalName: 'bild.png', mimeType: 'image/png' })
    await expect(saveEditorImage(actor, document)).rejects.toMatchObject({ status: 400 })
    expect(await getFileStorage().exists(document.storageKey)).toBe(false)
  })
})
