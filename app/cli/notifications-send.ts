import { closeMailer } from '#app/utils/email.server.ts'
import { runWithDatabase } from './run-with-database.ts'

/**
 * `npm run notifications:send`: turns the notification e-mails that are due into messages,
 * sends them and whatever else waits in the e-mail outbox (retries whose backoff has passed),
 * and exits. For cron every minute or so when the app's in-process sender is not enough;
 * running it twice at once or next to the app sends nothing twice.
 */
await runWithDatabase(
  async () => {
    // Imported once the database is open (the Prisma client binds to it on import).
    const { formatNotificationEmailReport, sendDueNotificationEmails } = await import('#app/services/notification-email.server.ts')
    const { formatEmailReport, sendPendingEmails } = await import('#app/services/email-outbox.server.ts')
    try {
      console.info(formatNotificationEmailReport(await sendDueNotificationEmails()))
      console.info(formatEmailReport(await sendPendingEmails()))
    } finally {
      closeMailer()
    }
  },
  { sendsEmail: true },
)
