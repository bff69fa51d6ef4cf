import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll } from 'vitest'
import { openDatabase } from '#app/utils/database.server.ts'
import { pgliteExtensions, servePGlite } from '#app/utils/embedded-postgres.server.ts'
import { pgliteTemplateFile, postgresServerUrl, postgresTemplateName, withDatabase } from './template.ts'

/**
 * Imported first by every integration test file (`*.db.test.ts`): gives the file its own
 * migrated database and opens the app's Prisma client on it. TEST_DB_ENGINE picks PGlite
 * (always run) or the PostgreSQL server at TEST_DATABASE_URL.
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

const serverUrl = postgresServerUrl()
const testDatabase =
  process.env.TEST_DB_ENGINE === 'postgres' && serverUrl
    ? await postgresDatabaseUrl(serverUrl)
    : await pgliteDatabaseUrl()

process.env.DATABASE_URL = testDatabase.url
process.env.DATABASE_POOL_MAX = String(testDatabase.poolMax)
const { init } = await import('#app/utils/env.server.ts')
init()
export const database = await openDatabase()

afterAll(async () => {
  await database.close()
  await testDatabase.drop()
})
