import type { LoaderFunctionArgs } from '@remix-run/node'
import { type AuditEntry, iterateAuditLog, readAuditFilter } from '#app/models/audit.server.ts'
import { requireModerator } from '#app/utils/auth.server.ts'
import { csvLine } from '#app/utils/csv.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { stockholmDate } from '#app/utils/stockholm-date.ts'
import { AUDIT_ACTIONS } from '#app/validation/audit.ts'

/**
 * The audit log as CSV (UTF-8 with BOM, `;`-separated, for Swedish Excel) or JSON, with the
 * page's filters. Streamed: rows are read in keyset batches as the download proceeds.
 */
const COLUMNS = ['tid', 'utförare', 'utförare_id', 'åtgärd', 'åtgärd_text', 'måltyp', 'mål_id', 'mål', 'motivering', 'data'] as const

function exportRecord(entry: AuditEntry) {
  return {
    tid: entry.createdAt.toISOString(),
    utförare: entry.actorName,
    utförare_id: entry.actorId,
    åtgärd: entry.action,
    åtgärd_text: AUDIT_ACTIONS[entry.action as keyof typeof AUDIT_ACTIONS] ?? entry.action,
    måltyp: entry.targetType,
    mål_id: entry.targetId,
    mål: entry.targetName,
    motivering: entry.reason,
    data: entry.data ?? null,
  }
}

function csvCells(record: ReturnType<typeof exportRecord>): string[] {
  return COLUMNS.map((column) => {
    const value = record[column]
    if (value === null) return ''
    return typeof value === 'string' ? value : JSON.stringify(value)
  })
}

async function* csvChunks(entries: AsyncIterable<AuditEntry>) {
  yield `\uFEFF${csvLine(COLUMNS)}`
  for await (const entry of entries) yield csvLine(csvCells(exportRecord(entry)))
}

async function* jsonChunks(entries: AsyncIterable<AuditEntry>) {
  yield '['
  let first = true
  for await (const entry of entries) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(exportRecord(entry))}`
    first = false
  }
  yield '\n]\n'
}

function stream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const params = new URL(request.url).searchParams
  const format = params.get('format')
  if (format !== 'csv' && format !== 'json') throw badRequest('Okänt format. Välj csv eller json.')
  const read = readAuditFilter(params)
  if (!read.ok) throw badRequest(Object.values(read.errors).flat().join(' '))
  const entries = iterateAuditLog(read.filter)
  const filename = `granskningslogg-${stockholmDate(new Date())}.${format}`
  return new Response(stream(format === 'csv' ? csvChunks(entries) : jsonChunks(entries)), {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
