import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, type ServerBuild } from '@remix-run/node'
import express from 'express'
import { openDatabase } from '#app/utils/database.server.ts'
import { EmbeddedDatabaseBusyError } from '#app/utils/embedded-postgres.server.ts'
import { appBaseUrl, deploymentProblems, init } from '#app/utils/env.server.ts'
import { CSRF_REJECTED_MESSAGE, hasForeignOrigin } from '#app/utils/csrf.server.ts'
import { answerClientError, MAX_HEADER_BYTES } from '#app/utils/http-server.server.ts'
import { NUL_IN_URL_MESSAGE, urlHasNul } from '#app/utils/nul-character.server.ts'
import { CLIENT_ADDRESS_HEADER } from '#app/utils/request.server.ts'
import { startSearchIndexing } from '#app/utils/search.server.ts'
import { baselineSecurityHeaders } from '#app/utils/security-headers.server.ts'

/**
 * The app process (`npm start`): builds if needed, opens the database (embedded PGlite
 * when DATABASE_URL is unset; this process then owns its data directory), applies
 * migrations, loads the registry (and demo members) into an empty database, and serves.
 */
const root = path.resolve(import.meta.dirname, '../..')
const buildPath = path.join(root, 'build/index.js')

function newestSourceChange(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generated') continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

function buildIfNeeded() {
  const builtAt = fs.existsSync(buildPath) ? fs.statSync(buildPath).mtimeMs : 0
  if (builtAt > newestSourceChange(path.join(root, 'app'))) return
  console.info('Building the app …')
  const result = spawnSync('npx', ['remix', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

async function importBuild(): Promise<ServerBuild> {
  const version = fs.statSync(buildPath).mtimeMs
  return (await import(`${pathToFileURL(buildPath).href}?v=${version}`)) as ServerBuild
}

async function main() {
  const env = init()
  const problems = deploymentProblems(env)
  if (problems.length > 0) {
    console.error(problems.join('\n'))
    process.exit(1)
  }
  const development = env.NODE_ENV === 'development'
  if (!development) buildIfNeeded()

  const database = await openDatabase({ migrate: true })
  const { isEmptyDatabase, seedDatabase } = await import('#prisma/seed.ts')
  if (await isEmptyDatabase()) {
    const seeded = await seedDatabase({ demo: env.SEED_DEMO })
    console.info(`Loaded the organisation registry (${seeded.created} organisations), ${seeded.demoMembers} demo members and ${seeded.demoPosts} demo posts.`)
  }

  const { runMaintenance } = await import('#app/services/maintenance.server.ts')
  const maintenance = () => runMaintenance().catch((error: unknown) => console.error(`Maintenance failed: ${String(error)}`))
  void maintenance()
  setInterval(maintenance, 60 * 60 * 1000).unref()
  const { startFileTextExtraction } = await import('#app/services/file-text.server.ts')
  const { startDigestScheduler } = await import('#app/services/digest-delivery.server.ts')
  const { startEmailOutboxWorker } = await import('#app/services/email-outbox.server.ts')
  const { startNotificationEmailSender } = await import('#app/services/notification-email.server.ts')

  let build = await importBuild()
  const app = express()
  app.disable('x-powered-by')
  if (env.TRUST_PROXY) app.set('trust proxy', true)
  app.use((req, res, next) => {
    // The client address for rate limits: from the socket (or a trusted proxy), never from the client.
    req.headers[CLIENT_ADDRESS_HEADER.toLowerCase()] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    res.set(baselineSecurityHeaders(req.protocol === 'https'))
    // A NUL in the path or query would reach PostgreSQL (which refuses it) through a route parameter.
    if (urlHasNul(req.originalUrl)) {
      res.status(400).type('text/plain; charset=utf-8').send(NUL_IN_URL_MESSAGE)
      return
    }
    // Cross-site form posts are refused here with our 403 (Remix would answer them with a 500).
    if (
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      hasForeignOrigin(req.get('origin'), { host: req.get('host'), forwardedHost: req.get('x-forwarded-host') })
    ) {
      res.status(403).type('text/plain; charset=utf-8').send(CSRF_REJECTED_MESSAGE)
      return
    }
    next()
  })
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h' }))
  app.all(
    '*',
    development
      ? async (req, res, next) => {
          build = await importBuild()
          return createRequestHandler({ build, mode: 'development' })(req, res, next)
        }
      : createRequestHandler({ build, mode: env.NODE_ENV }),
  )

  let searchIndexing: ReturnType<typeof startSearchIndexing> | undefined
  let fileTexts: ReturnType<typeof startFileTextExtraction> | undefined
  let digests: ReturnType<typeof startDigestScheduler> | undefined
  let emails: ReturnType<typeof startEmailOutboxWorker> | undefined
  let notificationEmails: ReturnType<typeof startNotificationEmailSender> | undefined
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app)
  server.on('clientError', answerClientError)
  server.listen(env.PORT, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : env.PORT
    console.info(`Samverka is running at http://localhost:${port} (${database.embedded ? 'embedded PostgreSQL in ' + env.DATA_DIR : 'PostgreSQL server'})`)
    console.info(
      env.APP_URL
        ? `Links in e-mails point at ${appBaseUrl()} (APP_URL).`
        : `Links in e-mails point at ${appBaseUrl()}: set APP_URL to the public address before others use this instance.`,
    )
    if (development) void broadcastDevReady(build)
    // Search: the in-process outbox worker brings every content write into the index (polls
    // every 500 ms on an unref'd timer; failures are logged and retried, never thrown).
    searchIndexing ??= startSearchIndexing()
    // Attachments' text for search, extracted in the background (uploads never wait for it).
    fileTexts ??= startFileTextExtraction()
    // Digests that are due go out from here too (every 5 minutes), unless DIGEST_SCHEDULER=false.
    if (env.DIGEST_SCHEDULER) digests ??= startDigestScheduler()
    // Decision e-mails whose send right after their commit failed are retried from here (every 5 s).
    emails ??= startEmailOutboxWorker()
    // Notification e-mails whose batching window has passed go out from here (every 5 s).
    notificationEmails ??= startNotificationEmailSender()
  })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    server.close()
    server.closeAllConnections()
    await searchIndexing?.stop()
    await fileTexts?.stop()
    await digests?.stop()
    await emails?.stop()
    await notificationEmails?.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof EmbeddedDatabaseBusyError ? error.message : error)
  process.exit(1)
})
