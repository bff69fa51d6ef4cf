import { runWithDatabase } from '#app/cli/run-with-database.ts'
import { getSearchEngine, startOutboxWorker } from '#app/utils/search.server.ts'

/**
 * `npm run search:worker`: the outbox worker as its own process, for deployments that run
 * it beside the app instances (several workers may run at once: rows are claimed with
 * SKIP LOCKED). Stops cleanly on SIGINT/SIGTERM after the batch in progress.
 */
await runWithDatabase(async () => {
  const engine = getSearchEngine()
  await engine.applySettings()
  const worker = startOutboxWorker()
  console.info(`Search outbox worker running (${engine.name}). Stop with Ctrl+C.`)
  // The worker's timers are unref'd; this keeps the process alive until a signal arrives.
  const keepAlive = setInterval(() => undefined, 60_000)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  clearInterval(keepAlive)
  await worker.stop()
  console.info('Search outbox worker stopped.')
})
