import { Prisma } from '#app/generated/prisma/client.ts'
import { conflict } from '#app/utils/errors.server.ts'

/**
 * Creates a post, answer or comment at most once per author and submission key, the random
 * hidden field of its create form. A resubmitted form (its reply was lost, a double click, a
 * retry) gets what the first submit created. The key is stored on the created row under a
 * unique (authorId, submissionKey) index, so two submits racing each other meet in the
 * database: the second insert fails, its whole transaction (notifications, tags, outbox, files)
 * rolls back, and it answers with the first one's row. A form without a key (a page rendered
 * before keys existed) simply creates.
 */
export async function createOnce<Created>(
  submissionKey: string | null,
  create: () => Promise<Created>,
  findCreated: () => Promise<Created | null>,
): Promise<Created> {
  if (!submissionKey) return create()
  try {
    return await create()
  } catch (error) {
    if (!isSubmissionKeyConflict(error)) throw error
    const created = await findCreated()
    // The key was used by another kind of form (only a hand-made request can do that).
    if (!created) throw conflict('Formuläret har redan skickats. Ladda om sidan och försök igen.')
    return created
  }
}

function isSubmissionKeyConflict(error: unknown) {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false
  const cause = (error.meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause
  return (cause?.constraint?.fields ?? []).some((field) => field.replaceAll('"', '') === 'submissionKey')
}
