import fs from 'node:fs'
import path from 'node:path'

/**
 * The suite's scratch directory: the migrated databases each test file copies, data
 * directories, the e2e app's database and mail, reports. TEST_TMP_DIR moves it, so two
 * checkouts' (or two developers') runs on one machine keep apart.
 */
export const tmpDir = process.env.TEST_TMP_DIR ? path.resolve(process.env.TEST_TMP_DIR) : path.resolve(import.meta.dirname, '../.tmp')
export const pgliteTemplateFile = path.join(tmpDir, 'pglite-template.tar.gz')
export const postgresTemplateName = 'samverka_test_template'

export function ensureTmpDir() {
  fs.mkdirSync(tmpDir, { recursive: true })
}

/** TEST_DATABASE_URL (or DATABASE_URL) names a PostgreSQL server the suite may use. */
export function postgresServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
