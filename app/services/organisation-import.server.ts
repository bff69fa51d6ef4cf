import { createHash } from 'node:crypto'
import { authorize } from '#app/policies/authorize.server.ts'
import { type Actor, canAdminister } from '#app/policies/member.ts'
import { prisma } from '#app/utils/db.server.ts'
import { CsvFormatError } from '#app/utils/csv.ts'
import { badRequest } from '#app/utils/errors.server.ts'
import { sign, unsign } from '#app/utils/signing.server.ts'
import { AdminLimits } from '#app/validation/admin.ts'
import { writeAudit } from './audit.server.ts'
import { findRegistryOrganisations, parseRegistryCsv, REGISTRY_COLUMNS, type RegistryField, registryChanges, writeRegistryRows } from './registry.server.ts'

/**
 * An admin imports organisations from a CSV in the registry's format, in two steps:
 *
 * 1. Preview: the file is checked (size, UTF-8, columns) and each row classified as new,
 *    changed (which fields), unchanged or an error, without writing anything. The page
 *    carries the file back as base64 with a signed token holding its SHA-256, the admin's id
 *    and an expiry.
 * 2. Apply ("Verkställ"): the re-posted file must match the token, so exactly the previewed
 *    bytes are imported (nothing is kept on the server between the steps, so any instance
 *    can take either request). The rows are written by the registry's own idempotent writer:
 *    running the same file again changes nothing.
 */
const TOKEN_PURPOSE = 'organisation-import'
const TOKEN_TTL_MS = 60 * 60 * 1000

export const FIELD_LABELS: Record<RegistryField, string> = { name: 'namn', county: 'län', orgNumber: 'organisationsnummer', code: 'kod', domain: 'ny domän' }

export type ImportRowKind = 'new' | 'changed' | 'unchanged' | 'error'
export type ImportRowPreview = { line: number; name: string; kind: ImportRowKind; details: string }
export type ImportPreview = {
  rows: ImportRowPreview[]
  counts: Record<ImportRowKind, number>
  /** The file as base64 and its token, for the apply form. */
  content: string
  token: string
}

type ImportToken = { sha256: string; actorId: string; expiresAt: number }

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function parseRegistryText(text: string) {
  try {
    return parseRegistryCsv(text)
  } catch (error) {
    if (error instanceof CsvFormatError) throw badRequest(`Filen kan inte läsas som CSV: ${error.message}.`)
    throw error
  }
}

/** The file's text: at most 2 MB of UTF-8 with the registry's columns and at least one row. */
function readImportFile(bytes: Uint8Array) {
  if (bytes.byteLength === 0) throw badRequest('Välj en CSV-fil att importera.')
  if (bytes.byteLength > AdminLimits.importMaxBytes) throw badRequest('Filen är för stor. Den får vara högst 2 MB.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw badRequest('Filen är inte kodad i UTF-8. Spara den som ”CSV UTF-8” och försök igen.')
  }
  const parsed = parseRegistryText(text)
  if (parsed.rows.length + parsed.errors.length === 0) throw badRequest('Filen innehåller inga organisationer.')
  if (parsed.missingColumns.length) {
    throw badRequest(`Filen saknar kolumnerna ${parsed.missingColumns.join(', ')}. Första raden ska vara ${REGISTRY_COLUMNS.join(',')}.`)
  }
  return parsed
}

export async function previewOrganisationImport(actor: Actor, bytes: Uint8Array): Promise<ImportPreview> {
  authorize(canAdminister(actor))
  const { rows, errors } = readImportFile(bytes)
  const existing = await findRegistryOrganisations(prisma, rows)
  const previews: ImportRowPreview[] = [
    ...errors.map((error) => ({ line: error.line, name: error.name, kind: 'error' as const, details: `Rad ${error.line}: ${error.message}.` })),
    ...rows.map((row): ImportRowPreview => {
      const current = existing.get(row.registryKey)
      if (!current) return { line: row.line, name: row.name, kind: 'new', details: 'Ny organisation' }
      if (current.mergedIntoId) {
        return { line: row.line, name: row.name, kind: 'error', details: `Rad ${row.line}: organisationen är sammanslagen med en annan och ändras inte.` }
      }
      const changes = registryChanges(row, current)
      return changes.length
        ? { line: row.line, name: row.name, kind: 'changed', details: `Ändras: ${changes.map((field) => FIELD_LABELS[field]).join(', ')}` }
        : { line: row.line, name: row.name, kind: 'unchanged', details: 'Oförändrad' }
    }),
  ].sort((a, b) => a.line - b.line)
  const counts = { new: 0, changed: 0, unchanged: 0, error: 0 }
  for (const row of previews) counts[row.kind]++
  const token = sign<ImportToken>({ sha256: sha256(bytes), actorId: actor.id, expiresAt: Date.now() + TOKEN_TTL_MS }, TOKEN_PURPOSE)
  return { rows: previews, counts, content: Buffer.from(bytes).toString('base64'), token }
}

export type ImportResult = { created: number; updated: number; domainsAdded: number; skipped: number }

/** Imports exactly the previewed file; rows with errors are skipped. Audited with the counts. */
export async function applyOrganisationImport(actor: Actor, input: { content: string; token: string }): Promise<ImportResult> {
  authorize(canAdminister(actor))
  const bytes = Buffer.from(input.content, 'base64')
  const token = unsign<ImportToken>(input.token, TOKEN_PURPOSE)
  if (!token || token.actorId !== actor.id || token.sha256 !== sha256(bytes)) {
    throw badRequest('Filen stämmer inte med förhandsgranskningen. Ladda upp den och förhandsgranska igen.')
  }
  if (token.expiresAt < Date.now()) throw badRequest('Förhandsgranskningen är för gammal. Ladda upp filen och förhandsgranska igen.')
  const { rows, errors } = readImportFile(bytes)
  return prisma.$transaction(
    async (tx) => {
      const written = await writeRegistryRows(tx, rows)
      const result = { ...written, skipped: errors.length }
      await writeAudit(tx, actor, {
        action: 'organisation.imported',
        targetType: 'registry',
        targetId: token.sha256.slice(0, 16),
        targetName: 'Organisationsregistret',
        data: { ...result, rows: rows.length + errors.length, sha256: token.sha256 },
      })
      return result
    },
    { timeout: 60_000 },
  )
}
