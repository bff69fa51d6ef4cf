import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { pgliteExtensions, servePGlite } from '#app/utils/embedded-postgres.server.ts'
import { applyMigrations } from '#app/utils/migrate.server.ts'
import { ensureTmpDir, pgliteTemplateFile, postgresServerUrl, postgresTemplateName, withDatabase } from './template.ts'

/** Builds the migrated template databases once per run; each test file gets a copy. */
export default async function setup() {
  ensureTmpDir()
  await buildPGliteTemplate()
  const serverUrl = postgresServerUrl()
  if (serverUrl) await buildPostgresTemplate(serverUrl)
}

async function buildPGliteTemplate() {
  const db = await PGlite.create({ extensions: pgliteExtensions })
  const served = await servePGlite(db)
  const client = new pg.Client(served.connectionString)
  await client.connect()
  await applyMigrations(client)
  await client.end()
  await served.stop()
  const dump = await db.dumpDataDir('gzip')
  fs.writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()))
  await db.close()
}

async function buildPostgresTemplate(serverUrl: string) {
  const admin = new pg.Client(serverUrl)
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${postgresTemplateName}`)
  await admin.end()
  const client = new pg.Client(withDatabase(serverUrl, postgresTemplateName))
  await client.connect()
  await applyMigrations(client)
  await client.end()
}
