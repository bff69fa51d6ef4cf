import type { Prisma } from '#app/generated/prisma/client.ts'
import { visibleContentWhere } from '#app/policies/content.ts'
import { stripMarkers } from '../highlight.ts'
import { cleanText, truncate } from '../query.ts'
import type { SearchDocument } from '../types.ts'

/**
 * Posts (questions, projects, artifacts) as index documents. `postDocumentSelect` is what
 * the worker loads; `toPostDocument` is pure.
 */

/** Text beyond this is not indexed (PostgreSQL's tsvector has its own limits; snippets don't need it). */
export const DOCUMENT_TEXT_MAX = 100_000

export const postDocumentSelect = {
  id: true,
  type: true,
  title: true,
  bodyText: true,
  status: true,
  projectStatus: true,
  artifactKind: true,
  seekingPartners: true,
  createdAt: true,
  activityAt: true,
  organisation: { select: { name: true, slug: true, type: true, county: true } },
  tags: { select: { tag: { select: { name: true } } } },
  // A question is found by its answers too, but only by those everyone can see.
  answers: { where: visibleContentWhere, select: { bodyText: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  // Attached files are found by their text (extracted in the background by the app).
  files: { where: { textStatus: 'done' }, select: { extractedText: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.PostSelect

export type PostDocumentRow = Prisma.PostGetPayload<{ select: typeof postDocumentSelect }>

export function postDocumentId(postId: string): string {
  return `post:${postId}`
}

const indexable = (text: string, max: number) => truncate(cleanText(stripMarkers(text)), max)

export function toPostDocument(row: PostDocumentRow): SearchDocument {
  // The body first, then the answers, then the attachments: what gets cut at the limit is the attachments' tail.
  const text = [row.bodyText, ...row.answers.map((answer) => answer.bodyText), ...row.files.map((file) => file.extractedText ?? '')]
    .filter((part) => part.trim().length > 0)
    .join('\n\n')
  return {
    id: postDocumentId(row.id),
    entityType: 'post',
    entityId: row.id,
    type: row.type,
    title: indexable(row.title, 500),
    text: indexable(truncate(text, DOCUMENT_TEXT_MAX * 2), DOCUMENT_TEXT_MAX),
    tags: [...new Set(row.tags.map((item) => item.tag.name))].sort(),
    organisationName: row.organisation?.name ?? null,
    organisationSlug: row.organisation?.slug ?? null,
    organisationType: row.organisation?.type ?? null,
    county: row.organisation?.county ?? null,
    projectStatus: row.projectStatus,
    artifactKind: row.artifactKind,
    seekingPartners: row.seekingPartners,
    status: row.status,
    createdAt: row.createdAt.getTime(),
    activityAt: row.activityAt.getTime(),
  }
}
