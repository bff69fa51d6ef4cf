import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

test.each(['app/cli/start.ts', 'app/cli/digest-send.ts'])(
  '%s refuses a server deployment without APP_URL in one clear line',
  (entry) => {
    const environment: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none', NODE_ENV: 'production' }
    delete environment.APP_URL
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, entry)], { cwd: root, env: environment, encoding: 'utf8', timeout: 120_000 })
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      'APP_URL must be set when DATABASE_URL is: it is the public address (https://samverka.example.se) that every link in e-mails points at.',
    )
  },
  120_000,
)
