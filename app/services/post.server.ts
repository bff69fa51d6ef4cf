import type { RichTextDocument } from '#app/editor/document.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canEditPost } from '#app/policies/content.ts'
import type { Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { tieShownImages } from './inline-images.server.ts'
import { notifyMention, notifyNewPost } from './notification.server.ts'
import { prepareRichText } from './rich-text.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'
import { setPostTags } from './tags.server.ts'
import { discardUploads, saveFileObjects, type StoredUpload } from './upload.server.ts'

/**
 * Projects and shared artifacts (questions live in question.server.ts) and download counting.
 * Each use case: authorize → one transaction with the rows, the tags, the files and the
 * search-outbox row. Uploaded files are removed again when the transaction fails. Deleting,
 * hiding, restoring and moderators' edits: content-moderation.server.ts.
 */
type Common = { title: string; body: RichTextDocument; organisationId: string | null; tags: string[] }

export type ProjectInput = Common & {
  projectStatus: 'idea' | 'ongoing' | 'completed' | 'paused'
  startDate: Date | null
  endDate: Date | null
  participants: string[]
  contactName: string | null
  contactEmail: string | null
  seekingPartners: boolean
  shareEditing: boolean
  links: Array<{ url: string; label: string }>
}

export type ArtifactInput = Common & {
  artifactKind: 'document' | 'template' | 'procurement' | 'code' | 'dataset' | 'guide' | 'other'
  licence: string
  externalUrl: string | null
}

const guardSelect = {
  id: true,
  type: true,
  title: true,
  authorId: true,
  status: true,
  shareEditing: true,
  organisationId: true,
  externalUrl: true,
  _count: { select: { files: { where: { inline: false } } } },
} satisfies Prisma.PostSelect

async function loadPost(tx: Prisma.TransactionClient, id: string, type?: 'project' | 'artifact' | 'question') {
  const post = await tx.post.findFirst({ where: { id, ...(type ? { type } : {}) }, select: guardSelect })
  invariantResponse(post, 'Inlägget finns inte.')
  return post
}

/** The owning organisation: the one chosen (must exist) or the author's. */
async function owningOrganisation(tx: Prisma.TransactionClient, actor: Actor, chosen: string | null) {
  if (!chosen) {
    const author = await tx.user.findUnique({ where: { id: actor.id }, select: { organisationId: true } })
    return author?.organisationId ?? null
  }
  const organisation = await tx.organisation.findUnique({ where: { id: chosen }, select: { id: true } })
  if (!organisation) throw badRequest('Den valda organisationen finns inte.')
  return organisation.id
}

/** Registry organisations by exact name (case-insensitive); unknown names are refused by name. */
async function resolveOrganisations(tx: Prisma.TransactionClient, names: string[]) {
  if (names.length === 0) return []
  const found = await tx.organisation.findMany({
    where: { mergedIntoId: null, OR: names.map((name) => ({ name: { equals: name, mode: 'insensitive' as const } })) },
    select: { id: true, name: true },
  })
  const known = new Set(found.map((organisation) => organisation.name.toLocaleLowerCase('sv')))
  const unknown = names.filter((name) => !known.has(name.toLocaleLowerCase('sv')))
  if (unknown.length > 0) {
    throw badRequest(`Hittar inte ${unknown.map((name) => `”${name}”`).join(', ')} i organisationsregistret. Skriv organisationernas namn som i registret, en per rad.`)
  }
  return found.map((organisation) => organisation.id)
}

/** The columns besides the rich text, which `prepareRichText` gives inside the transaction. */
function projectColumns(input: ProjectInput) {
  return {
    title: input.title,
    projectStatus: input.projectStatus,
    startDate: input.startDate,
    endDate: input.endDate,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    seekingPartners: input.seekingPartners,
    shareEditing: input.shareEditing,
  }
}

function artifactColumns(input: ArtifactInput) {
  return {
    title: input.title,
    artifactKind: input.artifactKind,
    licence: input.licence,
    externalUrl: input.externalUrl,
  }
}

async function withUploads<T>(uploads: StoredUpload[], work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    await discardUploads(uploads)
    throw error
  }
}

async function setProjectRelations(tx: Prisma.TransactionClient, postId: string, input: ProjectInput) {
  const participantIds = await resolveOrganisations(tx, input.participants)
  await tx.postParticipant.deleteMany({ where: { postId } })
  await tx.postParticipant.createMany({ data: participantIds.map((organisationId) => ({ postId, organisationId })), skipDuplicates: true })
  await tx.postLink.deleteMany({ where: { postId } })
  await tx.postLink.createMany({ data: input.links.map((link, position) => ({ postId, url: link.url, label: link.label, position })) })
}

/**
 * Creates a project or an artifact in one transaction: the post with its rendered text, the
 * type's own relations, tags, files (attached, and the images the body shows), notifications (followers, mentions) and the search outbox.
 */
async function createPost(
  actor: Actor,
  type: 'project' | 'artifact',
  input: Common,
  columns: ReturnType<typeof projectColumns> | ReturnType<typeof artifactColumns>,
  uploads: StoredUpload[],
  setRelations: (tx: Prisma.TransactionClient, postId: string) => Promise<void> = async () => {},
) {
  return withUploads(uploads, () =>
    prisma.$transaction(async (tx) => {
      const now = new Date()
      const text = await prepareRichText(tx, input.body)
      const post = await tx.post.create({
        data: { type, ...columns, ...text.columns, authorId: actor.id, organisationId: await owningOrganisation(tx, actor, input.organisationId), activityAt: now, createdAt: now },
        select: { id: true },
      })
      await tieShownImages(tx, { postId: post.id, answerId: null }, input.body, actor.id)
      await setRelations(tx, post.id)
      await setPostTags(tx, post.id, input.tags, now)
      await saveFileObjects(tx, uploads, { uploaderId: actor.id, postId: post.id })
      await notifyNewPost(tx, { postId: post.id, actorId: actor.id })
      await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: post.id })
      await enqueueSearchUpdate(tx, 'post', post.id)
      return post
    }),
  )
}

export async function createProject(actor: Actor, input: ProjectInput, uploads: StoredUpload[] = []) {
  authorize(actor.status === 'active')
  return createPost(actor, 'project', input, projectColumns(input), uploads, (tx, postId) => setProjectRelations(tx, postId, input))
}

export async function createArtifact(actor: Actor, input: ArtifactInput, uploads: StoredUpload[] = []) {
  authorize(actor.status === 'active')
  if (uploads.length === 0 && !input.externalUrl) throw badRequest('Ladda upp minst en fil eller ange en länk till materialet.')
  return createPost(actor, 'artifact', input, artifactColumns(input), uploads)
}

async function editPost(
  actor: Actor,
  postId: string,
  type: 'project' | 'artifact',
  data: Prisma.PostUpdateInput,
  input: Common,
  uploads: StoredUpload[],
  removeFileIds: string[],
  extra?: (tx: Prisma.TransactionClient, post: Awaited<ReturnType<typeof loadPost>>) => Promise<void>,
) {
  const removed = await withUploads(uploads, () =>
    prisma.$transaction(async (tx) => {
      const post = await loadPost(tx, postId, type)
      authorize(canEditPost(actor, post), 'Du kan inte redigera det här inlägget.')
      const organisationId = input.organisationId ? await owningOrganisation(tx, actor, input.organisationId) : post.organisationId
      const text = await prepareRichText(tx, input.body)
      const updated = await tx.post.update({
        where: { id: post.id },
        data: { ...data, ...text.columns, organisation: organisationId ? { connect: { id: organisationId } } : { disconnect: true }, editedAt: new Date() },
        select: { activityAt: true },
      })
      await tieShownImages(tx, { postId: post.id, answerId: null }, input.body, actor.id)
      await extra?.(tx, post)
      await notifyMention(tx, { userIds: text.mentionedIds, actorId: actor.id, postId: post.id })
      await setPostTags(tx, post.id, input.tags, updated.activityAt)
      // Removed attachments are deleted with the edit; their bytes go once it has committed.
      const removedFiles = await tx.fileObject.findMany({
        where: { id: { in: removeFileIds }, postId: post.id, inline: false },
        select: { id: true, storageKey: true },
      })
      await tx.fileObject.deleteMany({ where: { id: { in: removedFiles.map((file) => file.id) } } })
      await saveFileObjects(tx, uploads, { uploaderId: actor.id, postId: post.id })
      await enqueueSearchUpdate(tx, 'post', post.id)
      return removedFiles
    }),
  )
  await discardUploads(removed)
}

export async function editProject(actor: Actor, postId: string, input: ProjectInput, uploads: StoredUpload[] = [], removeFileIds: string[] = []) {
  await editPost(actor, postId, 'project', projectColumns(input), input, uploads, removeFileIds, (tx, post) => setProjectRelations(tx, post.id, input))
}

export async function editArtifact(actor: Actor, postId: string, input: ArtifactInput, uploads: StoredUpload[] = [], removeFileIds: string[] = []) {
  await editPost(actor, postId, 'artifact', artifactColumns(input), input, uploads, removeFileIds, async (tx, post) => {
    const remaining = post._count.files - removeFileIds.length + uploads.length
    if (remaining <= 0 && !input.externalUrl) throw badRequest('Materialet behöver minst en fil eller en länk.')
  })
}

/** Counts a download of a file attached to a post. */
export async function recordDownload(postId: string) {
  await prisma.post.updateMany({ where: { id: postId }, data: { downloadCount: { increment: 1 } } })
}
