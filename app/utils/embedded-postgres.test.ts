import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { expect, test } from 'vitest'
import { EmbeddedDatabaseBusyError, startEmbeddedPostgres } from './embedded-postgres.server.ts'

test('one owner per data directory: a second opener is refused, a stale lock is taken over, data persists', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-embedded-'))
  try {
    const first = await startEmbeddedPostgres(dataDir)
    const client = new pg.Client(first.connectionString)
    await client.connect()
    await client.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$hej$$)')
    await client.end()
    await expect(startEmbeddedPostgres(dataDir)).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError)
    await first.close()

    // A process that died left its lock behind: the next owner takes over.
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), JSON.stringify({ pid: 2 ** 22 + 1, startedAt: '' }))
    const second = await startEmbeddedPostgres(dataDir)
    const reader = new pg.Client(second.connectionString)
    await reader.connect()
    expect((await reader.query('SELECT value FROM kept')).rows).toEqual([{ value: 'hej' }])
    await reader.end()
    await second.close()
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}, 30_000)
