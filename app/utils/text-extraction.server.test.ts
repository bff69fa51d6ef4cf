import { strToU8, zipSync, type Zippable } from 'fflate'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { decodeXmlEntities, extractText, normalizeText } from './text-extraction.server.ts'

const PDF = 'application/pdf'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const ODT = 'application/vnd.oasis.opendocument.text'
const limits = { maxChars: 100_000 }

/** A PDF with one text line per page; pdf-lib's standard fonts (WinAnsi) cover å, ä and ö. */
async function pdfWithPages(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (const lines of pages) {
    const page = pdf.addPage([595, 842])
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: 780 - index * 20, size: 12, font }))
  }
  return pdf.save()
}

const wordprocessing = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`
const paragraph = (...runs: string[]) =>
  `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${runs.map((run) => `<w:r><w:t xml:space="preserve">${run}</w:t></w:r>`).join('')}</w:p>`

function docx(documentXml: string | null, extra: Zippable = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ...(documentXml === null ? { 'word/styles.xml': strToU8('<w:styles/>') } : { 'word/document.xml': strToU8(documentXml) }),
    ...extra,
  })
}

function odt(body: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8(ODT), { level: 0 }],
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles><style:style style:name="P1"/></office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  })
}

describe('PDF', () => {
  test('the text of every page, Swedish letters intact', async () => {
    const bytes = await pdfWithPages([
      ['Kravspecifikation för e-arkiv', 'Sida ett om långtidsbevarande.'],
      ['Bilaga: Överlämning från förvaltningen', 'Ärendehanteringssystemet ska vara klart år 2027.'],
    ])
    const result = await extractText(bytes, PDF, limits)
    expect(result.status).toBe('text')
    if (result.status !== 'text') return
    expect(result.text).toContain('Kravspecifikation för e-arkiv')
    expect(result.text).toContain('Sida ett om långtidsbevarande.')
    expect(result.text).toContain('Bilaga: Överlämning från förvaltningen')
    expect(result.text).toContain('Ärendehanteringssystemet ska vara klart år 2027.')
    expect(result.text.indexOf('Sida ett')).toBeLessThan(result.text.indexOf('Bilaga'))
  })

  test('only the first pages up to the page limit are read', async () => {
    const bytes = await pdfWithPages([['Första sidan'], ['Andra sidan'], ['Tredje sidan']])
    const result = await extractText(bytes, PDF, { ...limits, maxPdfPages: 2 })
    expect(result).toEqual({ status: 'text', text: 'Första sidan\nAndra sidan' })
  })

  test('a PDF not read within the time budget is unreadable', async () => {
    const bytes = await pdfWithPages([['Hinner inte läsas']])
    expect(await extractText(bytes, PDF, { ...limits, pdfTimeBudgetMs: 0 })).toEqual({ status: 'unreadable', reason: 'Not read within 0 ms' })
  })

  test('a PDF without a text layer (a scan) has no text', async () => {
    const result = await extractText(await pdfWithPages([[], []]), PDF, limits)
    expect(result.status).toBe('empty')
  })

  test('corrupt bytes and a truncated PDF are unreadable, not an exception', async () => {
    const garbage = await extractText(new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf at all'), PDF, limits)
    expect(garbage).toEqual({ status: 'unreadable', reason: expect.stringMatching(/Invalid PDF/) })
    const real = await pdfWithPages([['Något som skärs av']])
    const truncated = await extractText(real.subarray(0, Math.floor(real.length / 3)), PDF, limits)
    expect(truncated.status).toBe('unreadable')
  })
})

describe('DOCX', () => {
  test('paragraphs become lines, entities are decoded, field codes and deleted text are left out', async () => {
    const bytes = docx(
      wordprocessing(
        paragraph('Upphandling &amp; avtal för ', 'Malm&#246; stad') +
          paragraph('Villkor: pris &lt; 100 kr &gt; 0 kr, &quot;citat&quot; och &apos;apostrof&apos;, &#xE5;&#228;&#246;') +
          '<w:p><w:r><w:instrText> HYPERLINK "https://example.se" </w:instrText></w:r><w:del><w:r><w:delText>struket</w:delText></w:r></w:del><w:r><w:t>Rad ett</w:t><w:br/><w:t>rad två</w:t><w:tab/><w:t>kolumn</w:t></w:r></w:p>' +
          '<w:p/>',
      ),
    )
    const result = await extractText(bytes, DOCX, limits)
    expect(result).toEqual({
      status: 'text',
      text: 'Upphandling & avtal för Malmö stad\nVillkor: pris < 100 kr > 0 kr, "citat" och \'apostrof\', åäö\nRad ett\nrad två kolumn',
    })
  })

  test('footnotes, headers and footers come after the body', async () => {
    const bytes = docx(wordprocessing(paragraph('Brödtext')), {
      'word/footer1.xml': strToU8(`<w:ftr xmlns:w="x">${paragraph('Sidfot')}</w:ftr>`),
      'word/header1.xml': strToU8(`<w:hdr xmlns:w="x">${paragraph('Sidhuvud')}</w:hdr>`),
      'word/footnotes.xml': strToU8(`<w:footnotes xmlns:w="x">${paragraph('Fotnot')}</w:footnotes>`),
      'word/comments.xml': strToU8(`<w:comments xmlns:w="x">${paragraph('Kommentar')}</w:comments>`),
    })
    expect(await extractText(bytes, DOCX, limits)).toEqual({ status: 'text', text: 'Brödtext\nFotnot\nSidhuvud\nSidfot' })
  })

  test('a zip without word/document.xml is unreadable', async () => {
    const result = await extractText(docx(null), DOCX, limits)
    expect(result).toEqual({ status: 'unreadable', reason: 'No word/document.xml in the archive' })
  })

  test('a zip bomb is refused by its declared size, and stopped while inflating when the declared size lies', async () => {
    const bomb = docx(wordprocessing(paragraph('a'.repeat(2 * 1024 * 1024))))
    expect(bomb.length).toBeLessThan(64 * 1024)
    const declared = await extractText(bomb, DOCX, { ...limits, maxZipEntryBytes: 1024 * 1024 })
    expect(declared.status).toBe('unreadable')
    expect(declared.status === 'unreadable' && declared.reason).toMatch(/word\/document\.xml is larger than the limit/)

    // The same archive, its declared sizes rewritten to 100 bytes: inflation itself must stop.
    const lying = new Uint8Array(bomb)
    const view = new DataView(lying.buffer)
    for (let offset = 0; offset + 4 <= lying.length; offset++) {
      const signature = view.getUint32(offset, true)
      if (signature === 0x04034b50) view.setUint32(offset + 22, 100, true)
      if (signature === 0x02014b50) view.setUint32(offset + 24, 100, true)
    }
    const inflated = await extractText(lying, DOCX, { ...limits, maxZipEntryBytes: 1024 * 1024 })
    expect(inflated.status).toBe('unreadable')
    expect(inflated.status === 'unreadable' && inflated.reason).toMatch(/word\/document\.xml inflates past the limit/)
  })

  test('garbage with a DOCX type is unreadable', async () => {
    expect((await extractText(new TextEncoder().encode('PK\u0003\u0004 nothing here'), DOCX, limits)).status).toBe('unreadable')
  })
})

describe('ODT', () => {
  test('paragraphs, headings, spaces and entities from the body only', async () => {
    const bytes = odt(
      '<text:h text:outline-level="1">Riktlinjer f&#246;r RPA</text:h>' +
        '<text:p>Automatisering &amp; <text:span>robotar</text:span> i<text:s text:c="3"/>kommunen</text:p>' +
        '<text:list><text:list-item><text:p>Punkt ett<text:tab/>och<text:line-break/>punkt två</text:p></text:list-item></text:list>',
    )
    expect(await extractText(bytes, ODT, limits)).toEqual({
      status: 'text',
      text: 'Riktlinjer för RPA\nAutomatisering & robotar i kommunen\nPunkt ett och\npunkt två',
    })
  })
})

describe('plain text', () => {
  test('UTF-8 text (TXT, CSV) with normalised whitespace; a BOM and control characters go', async () => {
    const text = '\uFEFFProtokoll  från\tmötet\r\n\r\n  Beslut: ja \u0007\n'
    expect(await extractText(new TextEncoder().encode(text), 'text/plain', limits)).toEqual({ status: 'text', text: 'Protokoll från mötet\nBeslut: ja' })
    expect(await extractText(new TextEncoder().encode('kommun;län\nNacka;Stockholm\n'), 'text/csv', limits)).toEqual({
      status: 'text',
      text: 'kommun;län\nNacka;Stockholm',
    })
  })

  test('text that is not UTF-8 is unreadable', async () => {
    const latin1 = Uint8Array.from([0x4d, 0x61, 0x6c, 0x6d, 0xf6, 0x20, 0x73, 0x74, 0x61, 0x64])
    expect(await extractText(latin1, 'text/plain', limits)).toEqual({ status: 'unreadable', reason: 'The text is not UTF-8' })
  })

  test('an empty file, or one of only whitespace, has no text', async () => {
    expect((await extractText(new Uint8Array(0), 'text/plain', limits)).status).toBe('empty')
    expect((await extractText(new TextEncoder().encode(' \n\t\n'), 'text/plain', limits)).status).toBe('empty')
  })

  test('text longer than the limit is cut at the limit, never inside a character', async () => {
    const result = await extractText(new TextEncoder().encode('ord '.repeat(50_000)), 'text/plain', { maxChars: 1000 })
    expect(result.status === 'text' && result.text.length).toBeLessThanOrEqual(1000)
    expect(result.status === 'text' && result.text.length).toBeGreaterThan(990)
    expect(normalizeText('ab😀', 3)).toBe('ab')
  })
})

describe('bounds and other types', () => {
  test('a file over the input limit is not read; types without text are empty without a look', async () => {
    expect(await extractText(new TextEncoder().encode('hej hej'), 'text/plain', { ...limits, maxInputBytes: 3 })).toEqual({
      status: 'unreadable',
      reason: 'The file is larger than 3 bytes',
    })
    expect((await extractText(new TextEncoder().encode('PNG…'), 'image/png', limits)).status).toBe('empty')
  })

  test('entity decoding is one pass and refuses characters XML does not allow', () => {
    expect(decodeXmlEntities('&amp;lt; &#0; &#xD800; &#x1F600; &unknown;')).toBe('&lt; \uFFFD \uFFFD 😀 &unknown;')
  })
})
