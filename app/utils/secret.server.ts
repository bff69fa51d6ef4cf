import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { dataDir, env } from './env.server.ts'

let cached: string | undefined

/**
 * The secret that signs cookies, CSRF tokens and hashes sign-in codes. SESSION_SECRET when
 * set (required for several instances); otherwise generated once and kept in DATA_DIR.
 */
export function getSessionSecret(): string {
  if (cached) return cached
  const configured = env().SESSION_SECRET
  if (configured) return (cached = configured)
  const file = dataDir('session-secret')
  try {
    cached = fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true })
    const secret = randomBytes(32).toString('hex')
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
      cached = secret
    } catch {
      cached = fs.readFileSync(file, 'utf8').trim() // another process wrote it first
    }
  }
  return cached
}
