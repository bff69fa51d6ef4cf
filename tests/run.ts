import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tmpDir } from './setup/template.ts'

/**
 * `npm test`: the Vitest suite, a production build, then the Playwright suite. Streams each
 * runner's output, reads their JSON reports and ends with one line,
 * `N passed, N failed, N skipped`. Exits 0 only when both runners exited 0.
 * The environment is passed through (TEST_DATABASE_URL adds the PostgreSQL project).
 */
const root = path.resolve(import.meta.dirname, '..')
const vitestReport = path.join(tmpDir, 'vitest.json')
const playwrightReport = path.join(tmpDir, 'playwright.json')

type Counts = { passed: number; failed: number; skipped: number }

let current: ChildProcess | undefined
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Pass it on and let the runner shut down (Playwright then stops the app it started).
    interrupted = true
    if (current) current.kill(signal)
    else process.exit(130)
  })
}

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.info(`\n=== ${title}: ${[command, ...args].join(' ')}\n`)
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    current = child
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('exit', (code, signal) => {
      current = undefined
      if (interrupted) process.exit(130)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

type VitestReport = {
  testResults?: Array<{ status?: string; message?: string; assertionResults?: Array<{ status?: string }> }>
}

function vitestCounts(): Counts {
  const report = readJson(vitestReport) as VitestReport | undefined
  if (!report?.testResults) {
    console.error(`No Vitest report at ${path.relative(root, vitestReport)}: counting the run as 1 failed.`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 }
  for (const file of report.testResults) {
    const tests = file.assertionResults ?? []
    // A file that failed before any test ran (an import error, a failing hook) is one failure.
    if (tests.length === 0 && file.status === 'failed') counts.failed++
    for (const test of tests) {
      if (test.status === 'passed') counts.passed++
      else if (test.status === 'failed') counts.failed++
      else counts.skipped++ // skipped, pending, todo, disabled
    }
  }
  return counts
}

type PlaywrightReport = {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number }
  errors?: unknown[]
}

function playwrightCounts(): Counts {
  const report = readJson(playwrightReport) as PlaywrightReport | undefined
  if (!report?.stats) {
    console.error(`No Playwright report at ${path.relative(root, playwrightReport)}: counting the run as 1 failed.`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats
  // Errors outside tests (global setup, a spec that does not load) count as failures too.
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0), skipped }
}

/** A runner that failed although no test did (an unhandled error, a crash) counts as one failure. */
function withExitCode(counts: Counts, exitCode: number, runner: string): Counts {
  if (exitCode === 0 || counts.failed > 0) return counts
  console.error(`${runner} exited with code ${exitCode} although no test failed (an unhandled error?): counting it as 1 failed.`)
  return { ...counts, failed: 1 }
}

async function main() {
  fs.mkdirSync(tmpDir, { recursive: true })
  fs.rmSync(vitestReport, { force: true })
  fs.rmSync(playwrightReport, { force: true })

  const vitest = await run('Unit and integration tests (Vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
  ])

  const build = await run('Production build', 'npx', ['remix', 'build'])
  const playwright =
    build === 0
      ? await run('End-to-end tests (Playwright)', 'npx', ['playwright', 'test', '--config', 'tests/playwright.config.ts', '--reporter=list,json'], {
          PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
        })
      : (console.error('The build failed, so the end-to-end tests did not run.'), 1)

  const totals = [withExitCode(vitestCounts(), vitest, 'Vitest'), withExitCode(playwrightCounts(), playwright, 'Playwright')].reduce((sum, counts) => ({
    passed: sum.passed + counts.passed,
    failed: sum.failed + counts.failed,
    skipped: sum.skipped + counts.skipped,
  }))
  console.info(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(vitest === 0 && playwright === 0 ? 0 : 1)
}

void main()
