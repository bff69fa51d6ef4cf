import { afterAll } from 'vitest'
import { startMailbox } from '#tests/mailbox.ts'

/**
 * Import before '#tests/setup/database.ts' in an integration test that reads e-mail: the
 * app then sends over SMTP to this in-process server.
 */
export const mailbox = await startMailbox()
process.env.SMTP_URL = mailbox.url

afterAll(async () => {
  const { closeMailer } = await import('#app/utils/email.server.ts')
  closeMailer()
  await mailbox.close()
})
