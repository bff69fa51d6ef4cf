import { openDatabase } from '#app/utils/database.server.ts'
import { EmbeddedDatabaseBusyError } from '#app/utils/embedded-postgres.server.ts'
import { deploymentProblems, init } from '#app/utils/env.server.ts'

/**
 * Runs a command-line task with the database open (migrated first), then closes it. In
 * embedded mode a running app owns the data directory: the task then stops with a clear
 * message instead of opening the directory a second time. A task that sends e-mail refuses to
 * run on a server deployment without APP_URL (its links would point nowhere).
 */
export async function runWithDatabase(task: () => Promise<void>, { sendsEmail = false } = {}) {
  try {
    const config = init()
    const problems = sendsEmail ? deploymentProblems(config) : []
    if (problems.length > 0) {
      console.error(problems.join('\n'))
      process.exit(1)
    }
    const database = await openDatabase({ migrate: true })
    try {
      await task()
    } finally {
      await database.close()
    }
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusyError) {
      console.error(error.message)
      process.exit(2)
    }
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
