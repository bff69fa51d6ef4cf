import { closeMailer } from '#app/utils/email.server.ts'
import { runWithDatabase } from './run-with-database.ts'

/**
 * `npm run digest:send`: sends the digests that are due and not yet sent, retries the ones
 * whose backoff has passed, and exits. Meant for a system cron or a Kubernetes CronJob every
 * 15 minutes; running it more often, twice at once or next to the app's in-process scheduler
 * sends nobody a second digest.
 */
await runWithDatabase(
  async () => {
    // Imported once the database is open (the Prisma client binds to it on import).
    const { formatDigestReport, sendDueDigests } = await import('#app/services/digest-delivery.server.ts')
    try {
      console.info(formatDigestReport(await sendDueDigests()))
    } finally {
      closeMailer()
    }
  },
  { sendsEmail: true },
)
