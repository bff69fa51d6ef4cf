import { runWithDatabase } from '#app/cli/run-with-database.ts'
import { getDatabase } from '#app/utils/database.server.ts'
import { createSearchEngine, reindexEverything } from '#search/index.ts'

/**
 * `npm run search:reindex`: applies the index settings and rebuilds the whole index from
 * the database (after a SETTINGS_VERSION bump, or to repair an index). Search keeps
 * answering from the old documents while it runs. In embedded mode, stop the app first.
 */
await runWithDatabase(async () => {
  const { prisma } = getDatabase()
  const engine = createSearchEngine(process.env, { prisma })
  const started = Date.now()
  await engine.applySettings()
  const { indexed, replayed } = await reindexEverything({ prisma, engine })
  console.info(
    `Search index rebuilt (${engine.name}): ${indexed} documents in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (replayed > 0 ? `, ${replayed} changed during the rebuild brought up to date.` : '.'),
  )
})
