import { afterAll } from 'vitest'
import { openDatabase } from '#app/utils/database.server.ts'
import { createTestDatabase } from './test-database.ts'

/**
 * Imported first by every integration test file (`*.db.test.ts`): gives the file its own
 * migrated database and opens the app's Prisma client on it. TEST_DB_ENGINE picks PGlite
 * (always run) or the PostgreSQL server at TEST_DATABASE_URL.
 */
const testDatabase = await createTestDatabase()

process.env.DATABASE_URL = testDatabase.url
process.env.DATABASE_POOL_MAX = String(testDatabase.poolMax)
const { init } = await import('#app/utils/env.server.ts')
init()
export const database = await openDatabase()

afterAll(async () => {
  await database.close()
  await testDatabase.drop()
})
