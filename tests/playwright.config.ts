import net from 'node:net'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { tmpDir } from './setup/template.ts'

/**
 * End-to-end tests: Debian's Chromium against the built app with a fresh embedded
 * database and a real SMTP server, both started by e2e/global-setup.ts.
 *
 * The app's port is E2E_PORT, or a free port picked here. The choice is stored in
 * process.env so the workers (which load this file again and inherit the environment)
 * agree with the main process.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

process.env.E2E_PORT ??= String(await freePort())

export default defineConfig({
  testDir: './e2e',
  outputDir: path.join(tmpDir, 'playwright-results'),
  globalSetup: './e2e/global-setup.ts',
  // One worker: the embedded database serialises requests anyway, and tests that sign in as
  // the shared demo moderator stay independent of each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Generous: CI machines may be busy (load average 30 on two cores has been seen). These bound
  // waiting for the app, never what a user would find slow; timing is measured in benchmarks.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: {
    // localhost, not 127.0.0.1: the session cookies are Secure, which Chromium accepts over
    // plain HTTP only on localhost.
    baseURL: `http://localhost:${process.env.E2E_PORT}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    actionTimeout: 60_000,
    navigationTimeout: 90_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
