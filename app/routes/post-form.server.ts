import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { z } from 'zod'
import { formatFileSize } from '#app/components/post-page.tsx'
import type { RichTextDocument } from '#app/editor/document.ts'
import { getPost } from '#app/models/post.server.ts'
import { authorize } from '#app/policies/authorize.server.ts'
import { canEditPost } from '#app/policies/content.ts'
import { discardUploads, parseUploadForm, type StoredUpload } from '#app/services/upload.server.ts'
import { requireActor } from '#app/utils/auth.server.ts'
import { invariantResponse } from '#app/utils/errors.server.ts'
import { replyWithServiceError } from '#app/utils/form-result.server.ts'
import { enforceRateLimit } from '#app/utils/rate-limit.server.ts'

/**
 * The action of every multipart post form (projects, artifacts; new and edit): read the
 * form and its files (CSRF checked first, then the posting rate limit), validate, save through a service, redirect; on
 * any failure, remove the stored files again and answer with the errors.
 */
export async function handlePostForm<Schema extends z.ZodTypeAny>(
  request: Request,
  actorId: string,
  schema: Schema,
  save: (value: z.output<Schema>, uploads: StoredUpload[], removeFileIds: string[]) => Promise<string>,
) {
  const upload = await parseUploadForm(request, { onVerified: () => enforceRateLimit('posting', actorId) })
  const submission = parseWithZod(upload.formData, { schema })
  if (submission.status !== 'success' || upload.errors.length > 0) {
    await discardUploads(upload.files)
    return data({ result: submission.reply({ formErrors: upload.errors }) }, { status: 400 })
  }
  const removeFileIds = upload.formData.getAll('removeFiles').filter((value): value is string => typeof value === 'string')
  try {
    return redirect(await save(submission.value, upload.files, removeFileIds))
  } catch (error) {
    return replyWithServiceError(error, submission.reply)
  }
}

const EDITED_NOUNS = { project: 'projektet', artifact: 'materialet' } as const

/**
 * The loader part every post edit page shares: the signed-in actor, the post if they may
 * edit it (404 / 403 otherwise), and what the form shows whatever the post type — the body,
 * the attached files, the owning organisation (shown, not chosen) and the common field defaults.
 */
export async function loadPostForEditing(request: Request, postId: string, type: keyof typeof EDITED_NOUNS) {
  const actor = await requireActor(request)
  const post = await getPost(postId, type, actor)
  const noun = EDITED_NOUNS[type]
  invariantResponse(post, `${noun[0]?.toUpperCase()}${noun.slice(1)} finns inte.`)
  authorize(canEditPost(actor, post), `Du kan inte redigera ${noun}.`)
  return {
    actor,
    post,
    page: {
      id: post.id,
      body: post.body as RichTextDocument,
      files: post.files.map((file) => ({ id: file.id, originalName: file.originalName, size: formatFileSize(file.size) })),
      owner: post.organisation ? { name: post.organisation.name } : null,
    },
    defaults: { title: post.title, tags: post.tags.join(', ') },
  }
}
