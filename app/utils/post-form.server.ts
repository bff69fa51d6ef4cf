import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { z } from 'zod'
import { discardUploads, parseUploadForm, type StoredUpload } from '#app/services/upload.server.ts'
import { replyWithServiceError } from './form-result.server.ts'
import { enforceRateLimit } from './rate-limit.server.ts'

/**
 * The action of every multipart post form (projects, artifacts; new and edit): read the
 * form and its files (CSRF checked first), validate, save through a service, redirect; on
 * any failure, remove the stored files again and answer with the errors.
 */
export async function handlePostForm<Schema extends z.ZodTypeAny>(
  request: Request,
  actorId: string,
  schema: Schema,
  save: (value: z.output<Schema>, uploads: StoredUpload[], removeFileIds: string[]) => Promise<string>,
) {
  await enforceRateLimit('posting', actorId)
  const upload = await parseUploadForm(request)
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
