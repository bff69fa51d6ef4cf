import { randomBytes } from 'node:crypto'

/**
 * A create form's submission key, rendered by its loader into a hidden field: 128 random bits
 * as base64url (22 characters). The services create at most once per author and key
 * (app/services/submission.server.ts).
 */
export function newSubmissionKey() {
  return randomBytes(16).toString('base64url')
}
