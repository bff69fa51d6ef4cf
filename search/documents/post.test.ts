import { expect, test } from 'vitest'
import { DOCUMENT_TEXT_MAX, postDocumentId, toPostDocument, type PostDocumentRow } from './post.ts'

const row = (overrides: Partial<PostDocumentRow> = {}): PostDocumentRow => ({
  id: 'p1',
  type: 'question',
  title: '  Hur arkiverar ni e-post?  ',
  bodyText: 'Vi funderar på e-arkiv.',
  status: 'visible',
  projectStatus: null,
  artifactKind: null,
  seekingPartners: false,
  createdAt: new Date('2026-11-01T10:00:00Z'),
  activityAt: new Date('2026-11-02T10:00:00Z'),
  organisation: { name: 'Malmö stad', slug: 'malmo-stad', type: 'kommun', county: 'Skåne län' },
  tags: [{ tag: { name: 'e-arkiv' } }, { tag: { name: 'arkivering' } }, { tag: { name: 'e-arkiv' } }],
  answers: [{ bodyText: 'Vi använder Platina.' }, { bodyText: '   ' }, { bodyText: 'Och en\nandra rad.' }],
  files: [],
  ...overrides,
})

test('maps a question with its answers, organisation and tags', () => {
  expect(toPostDocument(row())).toEqual({
    id: 'post:p1',
    entityType: 'post',
    entityId: 'p1',
    type: 'question',
    title: 'Hur arkiverar ni e-post?',
    text: 'Vi funderar på e-arkiv. Vi använder Platina. Och en andra rad.',
    tags: ['arkivering', 'e-arkiv'],
    organisationName: 'Malmö stad',
    organisationSlug: 'malmo-stad',
    organisationType: 'kommun',
    county: 'Skåne län',
    projectStatus: null,
    artifactKind: null,
    seekingPartners: false,
    status: 'visible',
    createdAt: Date.parse('2026-11-01T10:00:00Z'),
    activityAt: Date.parse('2026-11-02T10:00:00Z'),
  })
})

test('maps a project without an organisation', () => {
  const doc = toPostDocument(row({ type: 'project', projectStatus: 'ongoing', seekingPartners: true, organisation: null, answers: [], tags: [] }))
  expect(doc).toMatchObject({
    type: 'project',
    projectStatus: 'ongoing',
    seekingPartners: true,
    organisationName: null,
    organisationType: null,
    county: null,
    tags: [],
  })
  expect(doc.text).toBe('Vi funderar på e-arkiv.')
})

test("an artifact's attached files' text comes after the body, within the same text limit", () => {
  const files = [{ extractedText: 'Kravspecifikation\nför e-arkiv' }, { extractedText: null }, { extractedText: 'Bilaga om gallring' }]
  const doc = toPostDocument(row({ type: 'artifact', artifactKind: 'template', answers: [], files }))
  expect(doc.text).toBe('Vi funderar på e-arkiv. Kravspecifikation för e-arkiv Bilaga om gallring')

  const long = toPostDocument(row({ answers: [{ bodyText: 'Svar.' }], files: [{ extractedText: 'ord '.repeat(DOCUMENT_TEXT_MAX) }] }))
  expect(long.text).toHaveLength(DOCUMENT_TEXT_MAX)
  expect(long.text.startsWith('Vi funderar på e-arkiv. Svar. ord ord')).toBe(true)
})

test('strips control characters and highlight markers, and bounds the text', () => {
  const doc = toPostDocument(row({ title: 'Rubrik\u0000med\uE000markör\uE001', bodyText: 'x'.repeat(DOCUMENT_TEXT_MAX * 3), answers: [] }))
  expect(doc.title).toBe('Rubrik medmarkör')
  expect(doc.text).toHaveLength(DOCUMENT_TEXT_MAX)
})

test('document ids', () => {
  expect(postDocumentId('abc')).toBe('post:abc')
})
