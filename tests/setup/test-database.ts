import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { pgliteExtensions, servePGlite } from '#app/utils/embedded-postgres.server.ts'
import { pgliteTemplateFile, postgresServerUrl, postgresTemplateName, withDatabase } from './template.ts'

/**
 * A fresh migrated database for one test file: a clone of the PGlite template served on a
 * loopback port, or a copy of the PostgreSQL template on the server at TEST_DATABASE_URL
 * (TEST_DB_ENGINE picks which).
 */
declare global {
  var __pgliteTemplate: PGlite | undefined
}

async function pgliteDatabaseUrl() {
  globalThis.__pgliteTemplate ??= await PGlite.create({
    loadDataDir: new Blob([fs.readFileSync(pgliteTemplateFile)]),
    extensions: pgliteExtensions,
  })
  const db = (await globalThis.__pgliteTemplate.clone()) as PGlite
  const served = await servePGlite(db)
  return {
    url: served.connectionString,
    poolMax: 1,
    async drop() {
      await served.stop()
      await db.close()
    },
  }
}

let databaseCounter = 0

async function postgresDatabaseUrl(serverUrl: string) {
  const name = `samverka_test_${process.pid}_${++databaseCounter}`
  const admin = new pg.Client(serverUrl)
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`)
  await admin.end()
  return {
    url: withDatabase(serverUrl, name),
    poolMax: 5,
    async drop() {
      const client = new pg.Client(serverUrl)
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name}`)
      await client.end()
    },
  }
}

export type TestDatabase = { url: string; poolMax: number; drop(): Promise<void> }

/** A fresh migrated database for this file, on the engine TEST_DB_ENGINE names. */
export function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = postgresServerUrl()
  return process.env.TEST_DB_ENGINE === 'postgres' && serverUrl ? postgresDatabaseUrl(serverUrl) : pgliteDatabaseUrl()
}
