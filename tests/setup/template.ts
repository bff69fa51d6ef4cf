import fs from 'node:fs'
import path from 'node:path'

/** Where the global setup leaves the migrated databases that each test file copies. */
export const tmpDir = path.resolve(import.meta.dirname, '../.tmp')
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
