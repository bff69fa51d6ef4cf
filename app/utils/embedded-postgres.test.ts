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
})

test('a failed statement does not break the next one (the pool reconnects while the old socket closes)', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-embedded-'))
  const embedded = await startEmbeddedPostgres(dataDir)
  const pool = new pg.Pool({ connectionString: embedded.connectionString, max: 1, idleTimeoutMillis: 0 })
  try {
    for (let round = 0; round < 3; round++) {
      const client = await pool.connect()
      await expect(client.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/)
      client.release(new Error('discard this connection'))
      expect((await pool.query('SELECT 41 + 1 AS answer')).rows).toEqual([{ answer: 42 }])
    }
  } finally {
    await pool.end()
    await embedded.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
