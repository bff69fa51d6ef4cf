import zlib from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { bytesSource, detectFileType, HEAD_BYTES, withTypeExtension } from './file-type.server.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
const ODT = 'application/vnd.oasis.opendocument.text'
const ODS = 'application/vnd.oasis.opendocument.spreadsheet'
const ODP = 'application/vnd.oasis.opendocument.presentation'

/** Detects like an upload does: the head, and the whole file behind it. */
function detect(bytes: Uint8Array, name: string) {
  return detectFileType(bytes.subarray(0, HEAD_BYTES), bytesSource(bytes), name)
}

const mimeOf = async (bytes: Uint8Array, name: string) => (await detect(bytes, name))?.mime ?? null

const text = (value: string) => Buffer.from(value, 'utf8')

// --- fixtures: real minimal files ------------------------------------------------------

const pdf = text('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...text('JFIF'), 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9])
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
const webp = (() => {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00])
  const chunk = Buffer.concat([text('VP8L'), u32(vp8l.length), vp8l, Buffer.alloc(vp8l.length % 2)])
  return Buffer.concat([text('RIFF'), u32(4 + chunk.length), text('WEBP'), chunk])
})()
const exe = Buffer.concat([text('MZ'), Buffer.alloc(58), u32(64), text('PE\0\0'), Buffer.alloc(200, 0x90)])

function u16(value: number) {
  const buffer = Buffer.alloc(2)
  buffer.writeUInt16LE(value)
  return buffer
}

function u32(value: number) {
  const buffer = Buffer.alloc(4)
  buffer.writeUInt32LE(value)
  return buffer
}

type ZipEntry = { name: string; data: string; deflate?: boolean }

/** A real zip archive: local headers, data (stored or deflated), central directory, end record. */
function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = text(entry.name)
    const raw = text(entry.data)
    const data = entry.deflate ? zlib.deflateRawSync(raw) : raw
    const method = entry.deflate ? 8 : 0
    const crc = zlib.crc32(raw)
    const common = Buffer.concat([u16(20), u16(0x0800), u16(method), u16(0), u16(0x21), u32(crc), u32(data.length), u32(raw.length), u16(name.length)])
    const local = Buffer.concat([u32(0x04034b50), common, u16(0), name, data])
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name]))
    locals.push(local)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)])
  return Buffer.concat([...locals, directory, end])
}

const contentTypes = {
  name: '[Content_Types].xml',
  data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  deflate: true,
}
const rels = { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>', deflate: true }
const docx = buildZip([contentTypes, rels, { name: 'word/document.xml', data: '<w:document/>', deflate: true }])
const xlsx = buildZip([contentTypes, rels, { name: 'xl/workbook.xml', data: '<workbook/>', deflate: true }])
const pptx = buildZip([contentTypes, rels, { name: 'ppt/presentation.xml', data: '<p:presentation/>', deflate: true }])
const openDocument = (mimetype: string, deflateMimetype = false) =>
  buildZip([
    { name: 'mimetype', data: mimetype, deflate: deflateMimetype },
    { name: 'content.xml', data: '<office:document-content/>', deflate: true },
    { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>', deflate: true },
  ])
const plainZip = buildZip([
  { name: 'readme.txt', data: 'Hej!' },
  { name: 'data/rapport.csv', data: 'a;b\n1;2\n', deflate: true },
])

describe('detectFileType: by content, never by name', () => {
  test.each([
    ['PDF', pdf, 'rapport.pdf', 'application/pdf', 'pdf', false],
    ['PNG', png, 'bild.png', 'image/png', 'png', true],
    ['JPEG', jpeg, 'foto.jpg', 'image/jpeg', 'jpg', true],
    ['GIF', gif, 'anim.gif', 'image/gif', 'gif', true],
    ['WebP', webp, 'bild.webp', 'image/webp', 'webp', true],
    ['ZIP', plainZip, 'arkiv.zip', 'application/zip', 'zip', false],
    ['DOCX', docx, 'avtal.docx', DOCX, 'docx', false],
    ['XLSX', xlsx, 'budget.xlsx', XLSX, 'xlsx', false],
    ['PPTX', pptx, 'bilder.pptx', PPTX, 'pptx', false],
    ['ODT', openDocument(ODT), 'text.odt', ODT, 'odt', false],
    ['ODS', openDocument(ODS), 'kalkyl.ods', ODS, 'ods', false],
    ['ODP', openDocument(ODP), 'presentation.odp', ODP, 'odp', false],
  ])('%s', async (_label, bytes, name, mime, extension, inlineSafe) => {
    expect(await detect(bytes, name)).toEqual({ mime, extension, inlineSafe })
  })

  test('the name does not decide: a PDF named .docx is a PDF, a DOCX named .pdf is a DOCX', async () => {
    expect(await mimeOf(pdf, 'avtal.docx')).toBe('application/pdf')
    expect(await mimeOf(docx, 'avtal.pdf')).toBe(DOCX)
    expect(await mimeOf(png, 'utan-filändelse')).toBe('image/png')
  })

  test('executables, markup and binary junk are refused whatever they are called', async () => {
    expect(await mimeOf(exe, 'rapport.pdf')).toBeNull()
    expect(await mimeOf(text('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'bild.png')).toBeNull()
    expect(await mimeOf(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'bild.png')).toBeNull()
    expect(await mimeOf(text('\uFEFF\n  <?xml version="1.0"?><svg/>'), 'anteckningar.txt')).toBeNull()
    expect(await mimeOf(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10, 0x80, 0x00]), 'data.txt')).toBeNull()
    expect(await mimeOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), 'program.zip')).toBeNull()
    expect(await mimeOf(Buffer.alloc(0), 'tom.txt')).toBeNull()
  })

  test('a zip is inspected inside: the OpenDocument mimetype must be the first entry, stored', async () => {
    expect(await mimeOf(openDocument(ODT, true), 'text.odt')).toBe('application/zip')
    expect(await mimeOf(openDocument('application/vnd.oasis.opendocument.graphics'), 'ritning.odg')).toBe('application/zip')
    expect(await mimeOf(buildZip([contentTypes, { name: 'other/part.xml', data: '<x/>' }]), 'konstig.docx')).toBe('application/zip')
    expect(await mimeOf(buildZip([]), 'tom.zip')).toBe('application/zip')
  })

  test('a zip without its central directory (truncated) is refused', async () => {
    expect(await mimeOf(docx.subarray(0, docx.length - 30), 'avtal.docx')).toBeNull()
    expect(await mimeOf(text('PK\u0003\u0004 not really a zip at all'), 'arkiv.zip')).toBeNull()
  })

  test('UTF-8 text is text/plain; a .csv that looks delimited is text/csv', async () => {
    const notes = text('Mötesanteckningar\nÅtgärder: inga.\n')
    expect(await detect(notes, 'anteckningar.txt')).toEqual({ mime: 'text/plain', extension: 'txt', inlineSafe: false })
    const semicolons = text('Kommun;Invånare;Län\nNacka;108000;Stockholm\n"Malmö; stad";357000;Skåne\n')
    expect(await mimeOf(semicolons, 'kommuner.csv')).toBe('text/csv')
    expect(await mimeOf(semicolons, 'kommuner.txt')).toBe('text/plain')
    expect(await mimeOf(text('namn,ort\r\nAnna,"Umeå,\r\nVästerbotten"\r\nBo,Luleå\r\n'), 'lista.CSV')).toBe('text/csv')
    expect(await mimeOf(text('\uFEFFa\tb\tc\n1\t2\t3\n'), 'tabb.csv')).toBe('text/csv')
    expect(await mimeOf(notes, 'inte-tabell.csv')).toBe('text/plain')
  })

  test('text must be valid UTF-8 without NUL bytes over the whole file, not just the head', async () => {
    expect(await mimeOf(Buffer.from('Kravspecifikation f\xf6r RPA', 'latin1'), 'krav.txt')).toBeNull()
    expect(await mimeOf(text('rad ett\0rad två'), 'rader.txt')).toBeNull()
    const long = text('Lång text på svenska. '.repeat(6000))
    expect(long.length).toBeGreaterThan(HEAD_BYTES)
    expect(await mimeOf(long, 'lang.txt')).toBe('text/plain')
    expect(await mimeOf(Buffer.concat([long, Buffer.from([0xc3])]), 'lang.txt')).toBeNull()
    expect(await mimeOf(Buffer.concat([long, Buffer.from([0x00])]), 'lang.txt')).toBeNull()
    // A multi-byte character split across the head boundary is still valid.
    const split = Buffer.concat([Buffer.alloc(HEAD_BYTES - 1, 0x61), text('ö and more')])
    expect(await mimeOf(split, 'split.txt')).toBe('text/plain')
  })
})

describe('withTypeExtension', () => {
  const type = (mime: string, extension: string) => ({ mime, extension, inlineSafe: false })

  test('keeps a fitting extension and appends the detected one otherwise', () => {
    expect(withTypeExtension('avtal.docx', type('application/pdf', 'pdf'))).toBe('avtal.docx.pdf')
    expect(withTypeExtension('Foto.JPEG', type('image/jpeg', 'jpg'))).toBe('Foto.JPEG')
    expect(withTypeExtension('rapport', type('application/pdf', 'pdf'))).toBe('rapport.pdf')
    expect(withTypeExtension('kör.bat', type('text/plain', 'txt'))).toBe('kör.bat.txt')
    expect(withTypeExtension('sida.html', type('text/plain', 'txt'))).toBe('sida.html.txt')
    expect(withTypeExtension('README.md', type('text/plain', 'txt'))).toBe('README.md')
  })
})
