import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import type { Sql } from './corpus.ts'

/**
 * What every benchmark needs around the corpus: a fresh database on the PostgreSQL server,
 * the built app running as its own process (`app/cli/start.ts`, production mode), and a
 * signed-in member's session cookie.
 */
const root = path.resolve(import.meta.dirname, '../../..')
// SESSION_COOKIE in app/utils/auth.server.ts (not imported: that module needs an open database).
const SESSION_COOKIE = 'samverka_session'

function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function onServer(serverUrl: string, statement: string) {
  const admin = new pg.Client(serverUrl)
  await admin.connect()
  try {
    await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/** Drops and creates the database `name` (letters, digits, _) on the server; returns its URL. */
export async function recreateServerDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a benchmark database name: ${name}`)
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await onServer(serverUrl, `CREATE DATABASE ${name}`)
  return databaseUrl(serverUrl, name)
}

export async function dropServerDatabase(serverUrl: string, name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a benchmark database name: ${name}`)
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

export type RunningApp = { url: string; pid: number; stop(): Promise<void> }

/**
 * Starts `app/cli/start.ts` (one Node process: `node --import tsx`, so stopping it stops the
 * app itself) on a free port with the given environment, and resolves once it serves.
 */
export async function startApp(env: Record<string, string | undefined>): Promise<RunningApp> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', APP_URL: 'http://localhost', NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex'), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const running = /Samverka is running at (http:\/\/\S+)/.exec(output)
      if (running?.[1]) resolve(running[1])
    })
    child.once('exit', (code) => reject(new Error(`The app exited with code ${code}:\n${output}`)))
  })
  return {
    url,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** A 30-day session for the member with this e-mail, as the cookie a browser would send. */
export async function signIn(sql: Sql, email: string): Promise<{ cookie: string; userId: string }> {
  const { rows } = await sql.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1 AND status = 'active'`, [email])
  const user = rows[0]
  if (!user) throw new Error(`No active member ${email}`)
  const sessionId = randomBytes(20).toString('hex')
  await sql.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '30 days')`, [sessionId, user.id])
  return { cookie: `${SESSION_COOKIE}=${sessionId}`, userId: user.id }
}
