import os from 'node:os'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { DigestDeliveryEvent } from '#app/services/digest-delivery.server.ts'
import { openDatabase, type Database } from '#app/utils/database.server.ts'
import { duePeriod, type DigestPeriod } from '#app/utils/digest-schedule.ts'
import { closeMailer } from '#app/utils/email.server.ts'
import { digestSchedule, env, init } from '#app/utils/env.server.ts'
import { dropServerDatabase, recreateServerDatabase } from './bench/app-server.ts'
import { loadDigestActivity, loadMembers, loadPosts } from './bench/corpus.ts'
import { startSmtpSink } from './bench/smtp-sink.ts'
import { ms, summarise } from './bench/stats.ts'

/**
 * `npm run bench:digest`: the weekly digest run for BENCH_MEMBERS members (default 20,000)
 * on the PostgreSQL server (BENCH_SERVER_URL; its samverka_bench_digest database is
 * recreated, and dropped afterwards unless BENCH_KEEP=true). Loads the registry, the members,
 * BENCH_POSTS older posts (default one per member) and a week of activity in the due period
 * with what members follow (app/cli/bench/corpus.ts), builds a sample of digests one at a
 * time, then runs the real `sendDueDigests` in this process against an SMTP sink on a
 * loopback port, and prints throughput, build and send times, peak memory and message size.
 * DIGEST_CONCURRENCY and DATABASE_POOL_MAX apply as in the app. Requirement (README,
 * Performance): 100,000 members well under an hour on two cores.
 */
const serverUrl = process.env.BENCH_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const databaseName = 'samverka_bench_digest'
const members = Number(process.env.BENCH_MEMBERS ?? 20_000)
const posts = Number(process.env.BENCH_POSTS ?? members)
const keep = process.env.BENCH_KEEP === 'true'
const SAMPLE = 500
const TARGET_MEMBERS = 100_000
const SLOW_STATEMENT_MS = 50

const count = (value: number) => value.toLocaleString('en-US')
const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(1)
const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(0)

/**
 * Every statement's calls and total time through the app's Prisma client, by its text, and
 * how many took SLOW_STATEMENT_MS or more. The database layer's warning about each of those
 * is left out of the output, which it would bury.
 */
function recordStatements(database: Database) {
  const statements = new Map<string, { calls: number; totalMs: number }>()
  let slow = 0
  // openDatabase emits query events (for its slow-query warning); its Database type does not say so.
  const prisma = database.prisma as unknown as PrismaClient<'query'>
  prisma.$on('query', (event) => {
    const text = event.query.replace(/\s+/g, ' ')
    const entry = statements.get(text) ?? { calls: 0, totalMs: 0 }
    entry.calls++
    entry.totalMs += event.duration
    statements.set(text, entry)
    if (event.duration >= SLOW_STATEMENT_MS) slow++
  })
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Slow query'))) warn(...args)
  }
  return {
    reset() {
      statements.clear()
      slow = 0
    },
    slow: () => slow,
    top: (limit: number) => [...statements.entries()].sort(([, a], [, b]) => b.totalMs - a.totalMs).slice(0, limit),
  }
}

/** The peak resident set size while `task` runs, sampled every 20 ms. */
async function withPeakRss<T>(task: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss()
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 20)
  try {
    const result = await task()
    return { result, peakRss: Math.max(peakRss, process.memoryUsage.rss()) }
  } finally {
    clearInterval(timer)
  }
}

async function loadCorpus(database: Database, period: DigestPeriod) {
  const started = performance.now()
  const sql = await database.pool.connect()
  try {
    // Members joined every 30 minutes before the period (20,000 over 14 months).
    await loadMembers(sql, members, {
      joinedBy: period.from,
      minutesApart: 30,
    })
    await loadPosts(sql, { posts, members, to: period.from })
    await loadDigestActivity(sql, { members, posts, period })
    await sql.query('VACUUM ANALYZE')
    const { rows } = await sql.query<Record<'members' | 'newMembers' | 'newPosts' | 'answers' | 'comments' | 'follows' | 'organisations', number>>(
      `SELECT (SELECT count(*) FROM "User")::int AS members, (SELECT count(*) FROM "User" WHERE "createdAt" >= $1)::int AS "newMembers",
              (SELECT count(*) FROM "Post" WHERE "createdAt" >= $1)::int AS "newPosts", (SELECT count(*) FROM "Answer" WHERE "createdAt" >= $1)::int AS answers,
              (SELECT count(*) FROM "Comment")::int AS comments, (SELECT count(*) FROM "Follow")::int AS follows,
              (SELECT count(*) FROM "Organisation")::int AS organisations`,
      [period.from.toISOString().replace('Z', '')],
    )
    const stats = rows[0]
    if (!stats) throw new Error('no corpus statistics')
    console.info(
      `Corpus: ${count(stats.members)} members (${count(stats.newMembers)} joined this week) in ${count(stats.organisations)} organisations, ${count(
        posts,
      )} older posts; ` +
        `this week: ${count(stats.newPosts)} new posts, ${count(stats.answers)} answers, ${count(stats.comments)} comments; ${count(stats.follows)} follows. ` +
        `Loaded in ${seconds(performance.now() - started)} s.`,
    )
    return stats.members
  } finally {
    sql.release()
  }
}

/** SAMPLE members' digests built one at a time (nothing is sent or recorded): sections per digest and build time. */
async function buildSample(database: Database, period: DigestPeriod) {
  const { buildDigest, loadDigestWeek } = await import('#app/models/digest.server.ts')
  const due = await database.prisma.user.findMany({
    where: {
      status: 'active',
      digestFrequency: 'weekly',
      createdAt: { lt: period.to },
    },
    select: {
      id: true,
      organisationId: true,
      digestSectionsOff: true,
      interests: true,
    },
    orderBy: { id: 'asc' },
  })
  const sample = due.filter((_, index) => index % Math.ceil(due.length / SAMPLE) === 0)
  const week = await loadDigestWeek(period)
  const sections = new Map<number, number>()
  const timings: number[] = []
  for (const member of sample) {
    const started = performance.now()
    const digest = await buildDigest(
      {
        id: member.id,
        organisationId: member.organisationId,
        sectionsOff: member.digestSectionsOff,
        interests: member.interests,
      },
      week,
    )
    timings.push(performance.now() - started)
    sections.set(digest.sections.length, (sections.get(digest.sections.length) ?? 0) + 1)
  }
  const share = [...sections.entries()].sort(([a], [b]) => a - b).map(([n, members]) => `${n}: ${((members / sample.length) * 100).toFixed(0)} %`)
  const { p50, p95 } = summarise(timings)
  console.info(`Sample of ${sample.length} digests built one at a time: sections per digest ${share.join(', ')}; build p50 ${ms(p50)} ms, p95 ${ms(p95)} ms.`)
}

async function runDigests(database: Database, statements: ReturnType<typeof recordStatements>) {
  const { sendDueDigests } = await import('#app/services/digest-delivery.server.ts')
  const events: DigestDeliveryEvent[] = []
  statements.reset()
  const { result: report, peakRss } = await withPeakRss(() => sendDueDigests({ observe: (event) => events.push(event) }))
  return { report, peakRss, events }
}

const cpus = os.cpus()
console.info(
  `Digest benchmark: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ` +
    `1-minute load average ${os.loadavg()[0]?.toFixed(1)}; the benchmark, the SMTP sink and the database server share this machine.`,
)
const sink = await startSmtpSink()
process.env.DATABASE_URL = await recreateServerDatabase(serverUrl, databaseName)
process.env.SMTP_URL = sink.url
init()
const database = await openDatabase({ migrate: true })
try {
  const statements = recordStatements(database)
  const { seedDatabase } = await import('#prisma/seed.ts')
  await seedDatabase({ demo: false })
  const period = duePeriod(new Date(), digestSchedule())
  console.info(`Due digest: ${period.week}, ${period.from.toISOString()} – ${period.to.toISOString()}`)
  const totalMembers = await loadCorpus(database, period)
  await buildSample(database, period)
  if (duePeriod(new Date(), digestSchedule()).week !== period.week) throw new Error('A new digest week began while the corpus loaded: run the benchmark again.')

  const { report, peakRss, events } = await runDigests(database, statements)
  const built = events.filter((event) => event.outcome === 'sent' || event.outcome === 'empty')
  const build = summarise(built.map((event) => event.buildMs))
  const send = summarise(events.filter((event) => event.outcome === 'sent').map((event) => event.sendMs))
  const deliveries = report.sent + report.empty + report.retrying + report.failed
  const perSecond = (n: number) => (n / (report.durationMs / 1000)).toFixed(0)
  const minutesForTarget = ((report.durationMs / totalMembers) * TARGET_MEMBERS) / 60_000
  console.info(
    [
      `Run (concurrency ${env().DIGEST_CONCURRENCY}, database pool ${env().DATABASE_POOL_MAX}): ${count(report.queued)} deliveries queued for ${count(
        totalMembers,
      )} members ` +
        `(monthly and "never" readers are not due); ${count(report.sent)} sent, ${count(report.empty)} empty, ${report.retrying} to retry, ${
          report.failed
        } failed.`,
      `Total ${seconds(report.durationMs)} s: ${perSecond(report.sent)} digests/s sent (${perSecond(deliveries)} deliveries/s including empty ones).`,
      `Compose one digest (the batch's reader queries not included): p50 ${ms(build.p50)} ms, p95 ${ms(build.p95)} ms, max ${ms(build.max)} ms (wall time, at this concurrency). Send: p95 ${ms(
        send.p95,
      )} ms.`,
      `Peak RSS ${megabytes(peakRss)} MB. SMTP sink: ${count(sink.messages)} messages, ${(sink.bytes / Math.max(1, sink.messages) / 1024).toFixed(
        1,
      )} kB on average.`,
      `At this rate ${count(TARGET_MEMBERS)} members take about ${minutesForTarget.toFixed(0)} min (linear: the same work per member).`,
      `Top statements by total time as Prisma reports it, waits for a pool connection included (${count(
        statements.slow(),
      )} took ${SLOW_STATEMENT_MS} ms or more):`,
      ...statements.top(6).map(([text, { calls, totalMs }]) => `  ${seconds(totalMs).padStart(7)} s  ${count(calls).padStart(7)} ×  ${text.slice(0, 160)}`),
    ].join('\n'),
  )
} finally {
  closeMailer()
  await database.close()
  await sink.close()
  if (!keep) await dropServerDatabase(serverUrl, databaseName)
}
