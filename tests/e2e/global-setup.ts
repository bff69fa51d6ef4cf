import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { FullConfig } from '@playwright/test'
import { startMailbox } from '../mailbox.ts'
import { tmpDir } from '../setup/template.ts'

/**
 * Starts what the end-to-end tests run against, in this order, and returns the teardown:
 *
 * 1. a real SMTP server (smtp-server on a free port) that saves every message it receives
 *    as an .eml file in `tests/.tmp/e2e-mail/` (read by the `mailbox` fixture);
 * 2. the built app (`app/cli/start.ts`, production mode) on the port of the config's
 *    baseURL, with a fresh embedded database in `tests/.tmp/e2e-data/` and SMTP_URL
 *    pointing at that server. Its output goes to `tests/.tmp/e2e-app.log`.
 *
 * The app is a direct child (not detached, no shell or npx wrapper), so stopping it stops
 * everything it started. It also gets an IPC channel and ends itself when the channel
 * closes, so it cannot outlive a test run that was killed.
 */
const root = path.resolve(import.meta.dirname, '../..')
export const e2eMailDir = path.join(tmpDir, 'e2e-mail')
export const e2eDataDir = path.join(tmpDir, 'e2e-data')
export const e2eAppLog = path.join(tmpDir, 'e2e-app.log')

const APP_START_TIMEOUT_MS = 120_000
const APP_STOP_TIMEOUT_MS = 15_000

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL
  if (!baseURL) throw new Error('tests/playwright.config.ts must set use.baseURL')
  const port = new URL(baseURL).port

  fs.rmSync(e2eMailDir, { recursive: true, force: true })
  fs.rmSync(e2eDataDir, { recursive: true, force: true })
  fs.mkdirSync(e2eMailDir, { recursive: true })
  fs.mkdirSync(e2eDataDir, { recursive: true })

  // Known to the test workers too (they inherit this environment): a spec can sign what only
  // the app could otherwise sign, such as a digest's unsubscribe link.
  process.env.SESSION_SECRET ??= randomBytes(32).toString('hex')
  const smtp = await startMailbox({ saveDir: e2eMailDir })
  let app: ChildProcess | undefined
  try {
    app = startApp({ port, smtpPort: smtp.port, baseURL })
    await waitUntilReady(app, baseURL)
  } catch (error) {
    if (app) await stopApp(app)
    await smtp.close()
    throw error
  }

  return async function globalTeardown() {
    if (app) await stopApp(app)
    await smtp.close()
  }
}

function startApp({ port, smtpPort, baseURL }: { port: string; smtpPort: number; baseURL: string }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: port,
    APP_URL: new URL(baseURL).origin,
    DATA_DIR: e2eDataDir,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SEED_DEMO: 'true',
    // Notification e-mails leave at the sender's next round (every 5 s) instead of after 5 minutes.
    EMAIL_NOTIFICATION_DELAY_SECONDS: '0',
  }
  // Always the embedded database in DATA_DIR: never a server named in the developer's shell.
  delete env.DATABASE_URL
  delete env.DATABASE_POOL_MAX
  delete env.TRUST_PROXY

  const startScript = pathToFileURL(path.join(root, 'app/cli/start.ts')).href
  const bootstrap = ["process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));", `await import(${JSON.stringify(startScript)});`].join('\n')
  const log = fs.createWriteStream(e2eAppLog, { flags: 'w' })
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', bootstrap], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout?.pipe(log)
  child.stderr?.on('data', (chunk: Buffer) => {
    log.write(chunk)
    // Errors show in the test output; the slow-query notes (start-up seeding) only in the log.
    const lines = chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('Slow query'))
    for (const line of lines) process.stderr.write(`[app] ${line}\n`)
  })
  child.once('exit', () => log.end())
  return child
}

async function waitUntilReady(app: ChildProcess, baseURL: string) {
  const deadline = Date.now() + APP_START_TIMEOUT_MS
  const healthz = new URL('/healthz', baseURL)
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) {
      throw new Error(`The app exited during start-up (code ${app.exitCode ?? app.signalCode}).\n${logTail()}`)
    }
    try {
      const response = await fetch(healthz)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The app did not answer ${healthz.href} within ${APP_START_TIMEOUT_MS / 1000} s.\n${logTail()}`)
}

function logTail() {
  const text = fs.existsSync(e2eAppLog) ? fs.readFileSync(e2eAppLog, 'utf8') : ''
  return `Last lines of ${path.relative(root, e2eAppLog)}:\n${text.split('\n').slice(-30).join('\n')}`
}

/** SIGTERM (the app closes its server and database), then SIGKILL if it hangs. */
async function stopApp(app: ChildProcess) {
  if (app.exitCode !== null || app.signalCode !== null) return
  const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()))
  app.kill('SIGTERM')
  const timer = setTimeout(() => app.kill('SIGKILL'), APP_STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
