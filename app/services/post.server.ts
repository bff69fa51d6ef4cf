import type { RichTextDocument } from '#app/editor/document.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canChangePostSharing, canEditPost } from '#app/policies/content.ts'
import type { Actor } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { badRequest, invariantResponse } from '#app/utils/errors.server.ts'
import { tieShownImages } from './inline-images.server.ts'
import { notifyMention, notifyNewPost } from './notification.server.ts'
import { keepPostRevision } from './revision.server.ts'
import { prepareRichText } from './rich-text.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'
import { createOnce } from './submission.server.ts'
import { setPostTags } from './tags.server.ts'
import { discardUploads, saveFileObjects, type StoredUpload } from './upload.server.ts'

/**
 * Projects and shared artifacts (questions live in question.server.ts) and download counting.
 * Each use case: authorize → one transaction with the rows, the tags, the files and the
 * search-outbox row. Uploaded files are removed again when the transaction fails. A post is
 * owned by its author's organisation; other organisations take part as a project's
 * participants (one may lead it). Deleting, hiding, restoring, moderators' edits and
 * ownership corrections: content-moderation.server.ts.
 */
type Common = { title: string; body: RichTextDocument; tags: string[] }

/** A create form's hidden key (see submission.server.ts); null from pages without one. */
type Submission = { submissionKey?: string | null }

export type ProjectInput = Common & {
  projectStatus: 'idea' | 'ongoing' | 'completed' | 'paused'
  startDate: Date | null
  endDate: Date | null
  /** The registry name of the organisation leading the project, if not the owning one. */
  lead: string | null
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

/** The owning organisation of a new post: the author's, as stored (not as the session says). */
async function authorOrganisation(tx: Prisma.TransactionClient, actor: Actor) {
  const author = await tx.user.findUnique({ where: { id: actor.id }, select: { organisationId: true } })
  return author?.organisationId ?? null
}

/** Registry organisations by exact name (case-insensitive), keyed by the lower-cased name; unknown names are refused by name. */
async function resolveOrganisations(tx: Prisma.TransactionClient, names: string[]) {
  const byName = new Map<string, string>()
  if (names.length === 0) return byName
  const found = await tx.organisation.findMany({
    where: { mergedIntoId: null, OR: names.map((name) => ({ name: { equals: name, mode: 'insensitive' as const } })) },
    select: { id: true, name: true },
  })
  for (const organisation of found) byName.set(organisation.name.toLocaleLowerCase('sv'), organisation.id)
  const unknown = names.filter((name) => !byName.has(name.toLocaleLowerCase('sv')))
  if (unknown.length > 0) {
    throw badRequest(`Hittar inte ${unknown.map((name) => `”${name}”`).join(', ')} i organisationsregistret. Skriv organisationernas namn som i registret.`)
  }
  return byName
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

/** The participants (the lead among them, also when listed as a participant too) and the links. */
async function setProjectRelations(tx: Prisma.TransactionClient, postId: string, input: ProjectInput) {
  const organisations = await resolveOrganisations(tx, input.lead ? [input.lead, ...input.participants] : input.participants)
  const leadId = input.lead ? organisations.get(input.lead.toLocaleLowerCase('sv')) : undefined
  const participants = [...new Set(organisations.values())].map((organisationId) => ({
    postId,
    organisationId,
    role: organisationId === leadId ? ('lead' as const) : ('participant' as const),
  }))
  await tx.postParticipant.deleteMany({ where: { postId } })
  await tx.postParticipant.createMany({ data: participants })
  await tx.postLink.deleteMany({ where: { postId } })
  await tx.postLink.createMany({ data: input.links.map((link, position) => ({ postId, url: link.url, label: link.label, position })) })
}

/**
 * Creates a project or an artifact in one transaction: the post with its rendered text, the
 * type's own relations, tags, files (attached, and the images the body shows), notifications
 * (followers, mentions) and the search outbox. Once per submission key: a resubmitted form gets
 * the post the first submit created (and its own uploads are discarded).
 */
async function createPost(
  actor: Actor,
  type: 'project' | 'artifact',
  input: Common & Submission,
  columns: ReturnType<typeof projectColumns> | ReturnType<typeof artifactColumns>,
  uploads: StoredUpload[],
  setRelations: (tx: Prisma.TransactionClient, postId: string) => Promise<void> = async () => {},
) {
  const submissionKey = input.submissionKey ?? null
  const create = () =>
    withUploads(uploads, () =>
      prisma.$transaction(async (tx) => {
        const now = new Date()
        const text = await prepareRichText(tx, input.body)
        const organisationId = await authorOrganisation(tx, actor)
        const post = await tx.post.create({
          data: { type, ...columns, ...text.columns, authorId: actor.id, organisationId, submissionKey, activityAt: now, createdAt: now },
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
  return createOnce(submissionKey, create, () => prisma.post.findFirst({ where: { authorId: actor.id, submissionKey, type }, select: { id: true } }))
}

export async function createProject(actor: Actor, input: ProjectInput & Submission, uploads: StoredUpload[] = []) {
  authorize(actor.status === 'active')
  return createPost(actor, 'project', input, projectColumns(input), uploads, (tx, postId) => setProjectRelations(tx, postId, input))
}

export async function createArtifact(actor: Actor, input: ArtifactInput & Submission, uploads: StoredUpload[] = []) {
  authorize(actor.status === 'active')
  if (uploads.length === 0 && !input.externalUrl) throw badRequest('Ladda upp minst en fil eller ange en länk till materialet.')
  return createPost(actor, 'artifact', input, artifactColumns(input), uploads)
}

type EditedPost = Awaited<ReturnType<typeof loadPost>>

/**
 * Edits by the author or, for a shared project, a colleague in the owning organisation. The
 * owning organisation never changes here (moderators correct it); `columns` decides the rest.
 */
async function editPost(
  actor: Actor,
  postId: string,
  type: 'project' | 'artifact',
  columns: (post: EditedPost) => Prisma.PostUpdateInput,
  input: Common,
  uploads: StoredUpload[],
  removeFileIds: string[],
  extra?: (tx: Prisma.TransactionClient, post: EditedPost) => Promise<void>,
) {
  const removed = await withUploads(uploads, () =>
    prisma.$transaction(async (tx) => {
      const post = await loadPost(tx, postId, type)
      authorize(canEditPost(actor, post), 'Du kan inte redigera det här inlägget.')
      const text = await prepareRichText(tx, input.body)
      await keepPostRevision(tx, post.id, { editorId: actor.id, after: { title: input.title, bodyHtml: text.columns.bodyHtml } })
      const updated = await tx.post.update({
        where: { id: post.id },
        data: { ...columns(post), ...text.columns, editedAt: new Date() },
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

/**
 * Only the author (or a moderator) decides whether colleagues may co-edit: a co-editor's form
 * does not offer it, and whatever a co-editor's request says about it is ignored.
 */
export async function editProject(actor: Actor, postId: string, input: ProjectInput, uploads: StoredUpload[] = [], removeFileIds: string[] = []) {
  const columns = (post: EditedPost) => ({ ...projectColumns(input), shareEditing: canChangePostSharing(actor, post) ? input.shareEditing : post.shareEditing })
  await editPost(actor, postId, 'project', columns, input, uploads, removeFileIds, (tx, post) => setProjectRelations(tx, post.id, input))
}

export async function editArtifact(actor: Actor, postId: string, input: ArtifactInput, uploads: StoredUpload[] = [], removeFileIds: string[] = []) {
  await editPost(
    actor,
    postId,
    'artifact',
    () => artifactColumns(input),
    input,
    uploads,
    removeFileIds,
    async (tx, post) => {
      const remaining = post._count.files - removeFileIds.length + uploads.length
      if (remaining <= 0 && !input.externalUrl) throw badRequest('Materialet behöver minst en fil eller en länk.')
    },
  )
}

/** Counts a download of a file attached to a post. */
export async function recordDownload(postId: string) {
  await prisma.post.updateMany({ where: { id: postId }, data: { downloadCount: { increment: 1 } } })
}
