import path from 'node:path'
import { tmpDir } from './template.ts'

// Every test file starts from the same known configuration; nothing from a developer's shell leaks in.
process.env.NODE_ENV = 'test'
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-000'
process.env.APP_URL = 'http://localhost:3000'
process.env.SEED_DEMO = 'false'
process.env.DATA_DIR = path.join(tmpDir, `data-${process.env.VITEST_POOL_ID ?? '0'}`)
delete process.env.SMTP_URL
delete process.env.DATABASE_URL
