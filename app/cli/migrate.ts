import { runWithDatabase } from './run-with-database.ts'

// Opening the database applies pending migrations (under an advisory lock).
await runWithDatabase(async () => {
  console.info('Database migrations are up to date.')
})
