import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import type { TargetResult } from './bench/search-run.ts'
import { ms, table } from './bench/stats.ts'

/**
 * `npm run bench:search`: the search benchmark, against the PostgreSQL server and embedded
 * PGlite (BENCH_TARGETS=server|embedded|both, default both), each in its own process
 * (app/cli/bench/search-run.ts) with a fresh database:
 * - corpus: BENCH_POSTS posts on the server (default 100,000), BENCH_EMBEDDED_POSTS on PGlite
 *   (default 20,000), by BENCH_MEMBERS members (default posts / 5), Swedish text;
 * - indexing throughput of a full rebuild (docs/s);
 * - outbox lag of BENCH_LAG_CHANGES edits (default 100), p50/p95;
 * - GET /sok latency and throughput at concurrency 1, 8 and 32, BENCH_SECONDS each (default 10).
 * BENCH_SERVER_URL (default postgresql://postgres@127.0.0.1:5432/postgres): the server; its
 * samverka_bench_search database is recreated, and dropped afterwards unless BENCH_KEEP=true.
 * Targets (README, Performance): PostgreSQL server, 2 cores, concurrency 8: p95 < 50 ms and
 * more than 300 searches/s.
 */
const targets = process.env.BENCH_TARGETS === 'server' || process.env.BENCH_TARGETS === 'embedded' ? [process.env.BENCH_TARGETS] : ['server', 'embedded']
const cpus = os.cpus()
console.info(
  `Search benchmark: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, 1-minute load average ${os.loadavg()[0]?.toFixed(1)}; ` +
    `the app, the database server and the load generator share this machine.`,
)

/**
 * Runs one target in its own process and passes its output (and the app's, which it
 * inherits) through, except the database layer's slow-query warnings (every statement of
 * 50 ms or more), which would bury the figures: those are counted.
 */
async function runTarget(target: string, resultFile: string): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench/search-run.ts')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_TARGET: target, BENCH_RESULT_FILE: resultFile },
  })
  let slowQueries = 0
  const relay = (stream: NodeJS.ReadableStream, write: (line: string) => void) =>
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (line.startsWith('Slow query')) slowQueries++
      else write(line)
    })
  relay(child.stdout, (line) => console.info(line))
  relay(child.stderr, (line) => console.error(line))
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  console.info(`(${slowQueries} slow-query warnings, statements of 50 ms or more, were logged by the app and the benchmark: counted, not shown.)`)
  return code === 0
}

const results: TargetResult[] = []
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-results-'))
let failed = false
for (const target of targets) {
  const resultFile = path.join(scratch, `${target}.json`)
  if ((await runTarget(target, resultFile)) && fs.existsSync(resultFile)) results.push(JSON.parse(fs.readFileSync(resultFile, 'utf8')) as TargetResult)
  else failed = true
}
fs.rmSync(scratch, { recursive: true, force: true })

const name = { server: 'PostgreSQL server', embedded: 'embedded PGlite' } as const
const rows = results.flatMap((result) =>
  result.levels.map((level) => {
    const targeted = result.target === 'server' && level.concurrency === 8
    return [
      `${name[result.target]}, ${(result.posts / 1000).toFixed(0)}k posts`,
      String(level.concurrency),
      level.perSecond.toFixed(0) + (targeted ? (level.perSecond > 300 ? ' ✓' : ' ✗') : ''),
      ms(level.p50),
      ms(level.p95) + (targeted ? (level.p95 < 50 ? ' ✓' : ' ✗') : ''),
      ms(level.p99),
      level.concurrency === 1 ? Math.round(result.docsPerSecond).toLocaleString('en-US') : '',
      level.concurrency === 1 ? `${ms(result.lag.p50)} / ${ms(result.lag.p95)}` : '',
    ]
  }),
)
console.info(
  `\n=== Summary (targets, PostgreSQL server at concurrency 8: p95 < 50 ms, > 300 searches/s) ===\n` +
    table(['target', 'concurrency', 'searches/s', 'p50 ms', 'p95 ms', 'p99 ms', 'indexing docs/s', 'outbox lag p50 / p95 ms'], rows),
)
if (failed) process.exit(1)
