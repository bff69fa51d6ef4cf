import { z } from 'zod'
import { type BackgroundLoop, startBackgroundLoop } from '#app/utils/background-loop.ts'
import { prisma } from '#app/utils/db.server.ts'
import { type FileStorage, getFileStorage, readStoredBytes } from '#app/utils/file-storage.server.ts'
import { SEARCH_TEXT_MAX } from '#app/utils/search.server.ts'
import { type ExtractedText, extractText, outcomeWithoutReading } from '#app/utils/text-extraction.server.ts'
import { enqueueSearchUpdate } from './search-outbox.server.ts'

/**
 * The text of uploaded files, extracted in the background so an upload never waits for it
 * or fails because of it. Every new file row starts `pending` (the migration made existing
 * files pending too). A step claims a few pending files — `FOR UPDATE SKIP LOCKED`, so
 * several app instances share the work without taking the same file — extracts their text
 * outside any transaction, then stores the outcome and, when there is text, a search outbox
 * row for the file's post in one transaction, so the post is re-indexed with it. A file
 * attached later is indexed through its post's own outbox row.
 *
 * A claim is a lease: a claim older than LEASE_SECONDS (its process died) is taken over,
 * and only the latest claim may store a result. A file that cannot be read is marked
 * `failed` with the reason at once; one whose claims kept running out is given up after
 * MAX_ATTEMPTS. Nothing is retried forever.
 */
export const FILE_TEXT_BATCH_SIZE = 5
const LEASE_SECONDS = 5 * 60
const MAX_ATTEMPTS = 3

const claimedFileSchema = z.object({
  id: z.string(),
  storageKey: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  attempt: z.number().int(),
})
type ClaimedFile = z.infer<typeof claimedFileSchema>

export type FileTextOutcome = { fileId: string; status: 'done' | 'none' | 'failed' | 'superseded' }

async function claimPendingFiles(limit: number): Promise<ClaimedFile[]> {
  await prisma.$executeRaw`
    UPDATE "FileObject"
    SET "textStatus" = 'failed', "textError" = ${`No result after ${MAX_ATTEMPTS} attempts`}, "textExtractedAt" = now() AT TIME ZONE 'UTC'
    WHERE "textStatus" = 'pending' AND "textAttempts" >= ${MAX_ATTEMPTS}::int
      AND "textClaimedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${LEASE_SECONDS}::int)`
  const rows = await prisma.$queryRaw`
    UPDATE "FileObject" AS file
    SET "textClaimedAt" = now() AT TIME ZONE 'UTC', "textAttempts" = file."textAttempts" + 1
    FROM (
      SELECT "id" FROM "FileObject"
      WHERE "textStatus" = 'pending' AND "textAttempts" < ${MAX_ATTEMPTS}::int
        AND ("textClaimedAt" IS NULL OR "textClaimedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${LEASE_SECONDS}::int))
      ORDER BY "createdAt", "id"
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    ) AS claimed
    WHERE file."id" = claimed."id"
    RETURNING file."id", file."storageKey", file."mimeType", file."size", file."textAttempts" AS "attempt"`
  return z.array(claimedFileSchema).parse(rows)
}

async function extractFileText(file: ClaimedFile, storage: FileStorage): Promise<ExtractedText> {
  const decided = outcomeWithoutReading(file.mimeType, file.size)
  if (decided) return decided
  let bytes: Uint8Array
  try {
    bytes = await readStoredBytes(storage, file.storageKey, { offset: 0, length: file.size })
  } catch (error) {
    return { status: 'unreadable', reason: `Could not read the stored file: ${error instanceof Error ? error.message : String(error)}` }
  }
  return extractText(bytes, file.mimeType, { maxChars: SEARCH_TEXT_MAX })
}

const STATUS_OF = { text: 'done', empty: 'none', unreadable: 'failed' } as const

/** Stores the outcome if this is still the file's latest claim; with text, the post is queued for re-indexing. */
async function storeOutcome(file: ClaimedFile, outcome: ExtractedText): Promise<FileTextOutcome> {
  const status = STATUS_OF[outcome.status]
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.fileObject.updateMany({
      where: { id: file.id, textStatus: 'pending', textAttempts: file.attempt },
      data: {
        textStatus: status,
        extractedText: outcome.status === 'text' ? outcome.text : null,
        textError: outcome.status === 'text' ? null : outcome.reason,
        textExtractedAt: new Date(),
      },
    })
    // Deleted meanwhile (its post was edited), or another instance took the claim over.
    if (count === 0) return { fileId: file.id, status: 'superseded' }
    if (status === 'done') {
      const { postId } = await tx.fileObject.findUniqueOrThrow({ where: { id: file.id }, select: { postId: true } })
      if (postId) await enqueueSearchUpdate(tx, 'post', postId)
    }
    return { fileId: file.id, status }
  })
}

/** One step: claims up to `batchSize` pending files and extracts their text, one after the other. */
export async function extractPendingFileTexts({
  batchSize = FILE_TEXT_BATCH_SIZE,
  storage = getFileStorage(),
}: { batchSize?: number; storage?: FileStorage } = {}): Promise<FileTextOutcome[]> {
  const outcomes: FileTextOutcome[] = []
  for (const file of await claimPendingFiles(batchSize)) {
    outcomes.push(await storeOutcome(file, await extractFileText(file, storage)))
  }
  return outcomes
}

type Logger = Pick<Console, 'error'>

const MAX_BACKOFF_MS = 30_000

/**
 * For app/cli/start.ts: runs a step every `intervalMs`, at once again while steps find full
 * batches. Timers are unref'd; errors (the database is away) are logged, never thrown, and
 * back off up to 30 s.
 */
export function startFileTextExtraction({ intervalMs = 1000, log = console }: { intervalMs?: number; log?: Logger } = {}): BackgroundLoop {
  let failures = 0
  return startBackgroundLoop(
    async () => {
      const outcomes = await extractPendingFileTexts()
      failures = 0
      return outcomes.length === FILE_TEXT_BATCH_SIZE ? 0 : intervalMs
    },
    (error) => {
      failures++
      log.error(`File text extraction: ${error instanceof Error ? error.message : String(error)}`)
      return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** failures)
    },
  )
}
