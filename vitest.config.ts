import { defineConfig } from 'vitest/config'

const root = import.meta.dirname
const shared = {
  resolve: { alias: [{ find: /^#(app|search|tests|prisma)\//, replacement: `${root}/$1/` }] },
}
// Database tests run on a busy machine in CI (load average 30 on two cores has been seen): the
// defaults (5 s a test, 10 s a hook) failed tests that had no defect. No test asserts timing.
// Each project states them: projects do not inherit the root's test options.
const projectTest = {
  setupFiles: ['./tests/setup/setup-test-env.ts', './tests/setup/console-error-guard.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
}

// Unit and integration tests run on PGlite always. When TEST_DATABASE_URL names a PostgreSQL
// server, the integration tests (*.db.test.ts) run a second time against it.
const postgresProject = process.env.TEST_DATABASE_URL
  ? [
      {
        ...shared,
        test: {
          name: 'postgres',
          include: ['{app,search,prisma}/**/*.db.test.ts', 'search/engine.contract.test.ts'],
          ...projectTest,
          env: { TEST_DB_ENGINE: 'postgres' },
        },
      },
    ]
  : []

export default defineConfig({
  ...shared,
  test: {
    globalSetup: ['./tests/setup/global-setup.ts'],
    pool: 'forks',
    restoreMocks: true,
    projects: [
      {
        ...shared,
        test: {
          name: 'pglite',
          include: ['{app,search,prisma}/**/*.test.ts'],
          ...projectTest,
          env: { TEST_DB_ENGINE: 'pglite' },
        },
      },
      ...postgresProject,
    ],
  },
})
