import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { follow } from '#app/services/follow.server.ts'
import { createProject } from '#app/services/post.server.ts'
import { answerQuestion, askQuestion } from '#app/services/question.server.ts'
import { duePeriod } from '#app/utils/digest-schedule.ts'
import { init } from '#app/utils/env.server.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { type Mailbox, rawHeader, type ReceivedMail, type SmtpRefusal, startMailbox } from '#tests/mailbox.ts'
import { DIGEST_LEASE_MS, sendDueDigests } from './digest-delivery.server.ts'
import { HARD_FAILURE_LIMIT } from './email-refusals.server.ts'
import { deleteContent } from './content-moderation.server.ts'

const { prisma } = database
const DAY = 24 * 60 * 60 * 1000
const root = path.resolve(import.meta.dirname, '../..')
const onPostgresServer = process.env.TEST_DB_ENGINE === 'postgres'

// The digest due now: the test's content is placed inside its week. The in-process runs
// take place a day after its send time (`later`), so retries hours on stay in the same week.
const period = duePeriod(new Date())
const inPeriod = new Date(period.from.getTime() + DAY)
const started = Date.now()
const later = (ms: number) => () => new Date(period.to.getTime() + DAY + ms + (Date.now() - started))
/** Header lines as sent (mailparser turns List-* headers into objects). */
let reader: Actor
let idle: Actor
const readers: Actor[] = []

beforeAll(async () => {
  const home = await insertOrganisation(prisma, { name: 'Brevkommunen', county: 'Brevlän' })
  const far = await insertOrganisation(prisma, { name: 'Tysta kommunen', county: 'Tyst län' })
  const author = await insertActor(prisma, { name: 'Alma Skribent', organisationId: home.id })
  const moderator = await insertActor(prisma, { role: 'moderator' })
  reader = await insertActor(prisma, { name: 'Rut Läsare', email: 'rut.lasare@brevkommunen.se', organisationId: home.id })
  idle = await insertActor(prisma, { name: 'Ivar Ledig', organisationId: far.id })
  const other = await insertActor(prisma, { name: 'Otto Annan', organisationId: far.id, digestFrequency: 'never' })
  for (let i = 0; i < 9; i++) readers.push(await insertActor(prisma, { name: `Läsare ${i}`, email: `lasare${i}@brevkommunen.se` }))

  await createProject(author, buildProjectInput('Plogning med sensorer', { tags: ['vinterväghållning'] }))
  for (const member of [reader, ...readers]) await follow(member, { type: 'tag', key: 'vinterväghållning' })
  const hidden = await createProject(author, buildProjectInput('Borttaget om saltning', { tags: ['vinterväghållning'] }))
  await deleteContent(moderator, { targetType: 'post', targetId: hidden.id, reason: 'Dubblett' })
  const mine = await askQuestion(reader, { title: 'Hur tinar ni gångbanor?', body: plainTextToDocument('?'), tags: [] })
  await answerQuestion(author, mine.id, plainTextToDocument('Med värmeslingor.'))
  // Someone else's question and its answer: not the reader's business.
  const theirs = await askQuestion(other, { title: 'Ottos privata undran om snöröjning', body: plainTextToDocument('?'), tags: [] })
  await answerQuestion(author, theirs.id, plainTextToDocument('Svar till Otto.'))

  // Everything happened during the due week; every member joined long before it.
  for (const table of ['Post', 'Answer', 'Comment', 'Follow']) {
    await prisma.$executeRawUnsafe(`UPDATE "${table}" SET "createdAt" = $1::timestamptz AT TIME ZONE 'UTC'`, inPeriod.toISOString())
  }
  await prisma.user.updateMany({ data: { createdAt: new Date(period.from.getTime() - 30 * DAY) } })
  // The author's e-mail about the moderator's decision is not a digest.
  mailbox.clear()
})

const useMailbox = (box: Mailbox) => {
  process.env.SMTP_URL = box.url
  init()
}

afterEach(async () => {
  useMailbox(mailbox)
  mailbox.clear()
  await prisma.digestSentItem.deleteMany()
  await prisma.digestDelivery.deleteMany()
  await prisma.user.updateMany({ data: { digestHardFailures: 0, digestStoppedReason: null } })
})

const expectedRecipients = () => [reader, ...readers].map((member) => member.id)
const emailOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email.toLowerCase()

/** How many digests each member received (members who received none are left out). */
async function digestsPerMember(messages: ReceivedMail[]): Promise<Record<string, number>> {
  const users = await prisma.user.findMany({ select: { id: true, email: true } })
  const idByEmail = new Map(users.map((user) => [user.email.toLowerCase(), user.id]))
  const counts: Record<string, number> = {}
  for (const message of messages) for (const to of message.to) counts[idByEmail.get(to) ?? to] = (counts[idByEmail.get(to) ?? to] ?? 0) + 1
  return counts
}

const exactlyOneEach = () => Object.fromEntries(expectedRecipients().map((id) => [id, 1]))

describe('sending the due digests', () => {
  test('each member with news gets one multipart/alternative e-mail with one-click unsubscribe headers; an empty week sends nothing', async () => {
    const report = await sendDueDigests({ clock: later(0) })
    expect(report).toMatchObject({ week: period.week, sent: 10, failed: 0, retrying: 0 })
    expect(await digestsPerMember(mailbox.messages)).toEqual(exactlyOneEach())

    const mail = await mailbox.waitFor(await emailOf(reader.id))
    expect(mail.subject).toBe(`Ditt veckobrev från Samverka, vecka ${Number(period.week.slice(6))}`)
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' })
    expect(mail.headers.get('message-id')).toBe(`<digest.${period.week}.${reader.id}@samverka.localhost>`)
    expect(mail.headers.get('date')).toBeInstanceOf(Date)
    expect(rawHeader(mail, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/localhost:\d+\/veckobrev\/avsluta\?token=[^>]+>, <mailto:no-reply@samverka\.localhost\?subject=[^>]+>$/,
    )
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(mail.raw.length).toBeLessThan(100_000)

    // Sections with real headings, links straight to the items, the same in the text part.
    expect(mail.html).toContain('<html lang="sv">')
    expect(mail.html).toContain('<h2 style="font-size:18px;margin:28px 0 12px">Nya svar på frågor du ställt eller följer</h2>')
    expect(mail.html).toMatch(/<a href="http:\/\/localhost:\d+\/fragor\/[^"]+"[^>]*>Hur tinar ni gångbanor\?<\/a>/)
    expect(mail.html).toContain('<h2 style="font-size:18px;margin:28px 0 12px">Nytt i det du följer</h2>')
    expect(mail.html).toMatch(/<a href="http:\/\/localhost:\d+\/projekt\/[^"]+"[^>]*>Plogning med sensorer<\/a>/)
    expect(mail.text).toContain('NYTT I DET DU FÖLJER')
    expect(mail.text).toMatch(/- Plogning med sensorer\n {2}Projekt · Brevkommunen\n {2}http:\/\/localhost:\d+\/projekt\//)
    // Hidden content and other members' questions are absent.
    for (const body of [mail.html, mail.text]) {
      expect(body).not.toContain('Borttaget om saltning')
      expect(body).not.toContain('Ottos privata undran')
    }

    // Nothing to say to the idle member (and the one who turned digests off is not queued).
    expect(await prisma.digestDelivery.findUniqueOrThrow({ where: { userId_week: { userId: idle.id, week: period.week } }, select: { status: true } })).toEqual(
      { status: 'empty' },
    )
    expect(await prisma.digestDelivery.count({ where: { status: 'sent' } })).toBe(10)
    expect(await prisma.digestSentItem.count({ where: { userId: reader.id } })).toBe(2)

    // Running again (cron every 15 minutes) sends nothing more.
    const again = await sendDueDigests({ clock: later(20 * 60 * 1000) })
    expect(again).toMatchObject({ queued: 0, sent: 0 })
    expect(mailbox.messages).toHaveLength(10)
  })

  test('two runs at once send each member exactly one digest', async () => {
    const [first, second] = await Promise.all([
      sendDueDigests({ clock: later(0), batchSize: 3, concurrency: 2 }),
      sendDueDigests({ clock: later(0), batchSize: 3, concurrency: 2 }),
    ])
    expect(first.sent + second.sent).toBe(10)
    expect(await digestsPerMember(mailbox.messages)).toEqual(exactlyOneEach())
  })

  test('an SMTP server refusing every other message (451): retried by later runs with backoff, still exactly one each', async () => {
    const flaky = await startMailbox({
      refuse: (_mail, arrival): SmtpRefusal | undefined => (arrival % 2 === 0 ? { code: 451, message: '4.3.0 Försök igen senare' } : undefined),
    })
    try {
      useMailbox(flaky)
      const first = await sendDueDigests({ clock: later(0), concurrency: 1 })
      expect(first).toMatchObject({ sent: 5, retrying: 5, failed: 0 })
      const waiting = await prisma.digestDelivery.findFirstOrThrow({
        where: { status: 'pending' },
        select: { nextAttemptAt: true, lastError: true, attempts: true },
      })
      expect(waiting.lastError).toContain('451')
      expect(waiting.attempts).toBe(1)

      // Before the backoff has passed nothing is retried.
      expect(await sendDueDigests({ clock: later(60 * 1000), concurrency: 1 })).toMatchObject({ sent: 0, retrying: 0 })
      let offset = 16 * 60 * 1000
      for (let run = 0; run < 6 && (await prisma.digestDelivery.count({ where: { status: 'pending' } })) > 0; run++) {
        await sendDueDigests({ clock: later(offset), concurrency: 1 })
        offset *= 2.5
      }
      expect(await prisma.digestDelivery.count({ where: { status: { not: 'sent' }, userId: { in: expectedRecipients() } } })).toBe(0)
      expect(await digestsPerMember(flaky.messages)).toEqual(exactlyOneEach())
    } finally {
      await flaky.close()
    }
  })

  test(`a hard refusal (550) fails that delivery; after ${HARD_FAILURE_LIMIT} in a row digests stop for the address and the member is told why`, async () => {
    const readerEmail = await emailOf(reader.id)
    const strict = await startMailbox({ refuse: (mail) => (mail.to.includes(readerEmail) ? { code: 550, message: '5.1.1 Mottagaren finns inte' } : undefined) })
    try {
      useMailbox(strict)
      await prisma.user.update({ where: { id: reader.id }, data: { digestHardFailures: HARD_FAILURE_LIMIT - 1 } })
      const report = await sendDueDigests({ clock: later(0) })
      expect(report).toMatchObject({ sent: 9, failed: 1, retrying: 0 })
      const delivery = await prisma.digestDelivery.findUniqueOrThrow({
        where: { userId_week: { userId: reader.id, week: period.week } },
        select: { status: true, lastError: true },
      })
      expect(delivery.status).toBe('failed')
      expect(delivery.lastError).toContain('550')
      const user = await prisma.user.findUniqueOrThrow({ where: { id: reader.id }, select: { digestHardFailures: true, digestStoppedReason: true } })
      expect(user.digestHardFailures).toBe(HARD_FAILURE_LIMIT)
      expect(user.digestStoppedReason).toContain(`avvisade brevet till ${readerEmail} ${HARD_FAILURE_LIMIT} gånger i rad`)
      // Not retried, and the next week's run does not queue the address.
      expect(await sendDueDigests({ clock: later(7 * DAY) })).toMatchObject({ sent: 0 })
      expect(await prisma.digestDelivery.count({ where: { userId: reader.id } })).toBe(1)
    } finally {
      await strict.close()
    }
  })

  test('a member who turned the digest off after it was queued gets nothing', async () => {
    await prisma.digestDelivery.create({ data: { userId: reader.id, week: period.week, nextAttemptAt: period.to } })
    await prisma.user.update({ where: { id: reader.id }, data: { digestFrequency: 'never' } })
    try {
      expect(await sendDueDigests({ clock: later(0), queue: false })).toMatchObject({ sent: 0, empty: 1 })
      expect(mailbox.messages).toHaveLength(0)
    } finally {
      await prisma.user.update({ where: { id: reader.id }, data: { digestFrequency: 'weekly' } })
    }
  })
})

/** An SMTP server that holds its answer to the first message until `answer()`; `arrived` resolves when that message is in. */
async function slowFirstAnswer() {
  let answer = () => {}
  const answered = new Promise<void>((resolve) => (answer = resolve))
  let arrive = () => {}
  const arrived = new Promise<void>((resolve) => (arrive = resolve))
  const box = await startMailbox({
    refuse: async (_mail, arrival) => {
      if (arrival === 0) {
        arrive()
        await answered
      }
      return undefined
    },
  })
  return { box, arrived, answer }
}

describe('leases', () => {
  /** The due digest's run time, moved on by `move` (a long send without waiting for it). */
  const movableClock = () => {
    const clock = Object.assign(() => new Date(later(0)().getTime() + clock.moved), { moved: 0 })
    return clock
  }

  test('a run that takes long keeps its claims (heartbeat): a run well past the old ten-minute lease takes over none of its members', async () => {
    const slow = await slowFirstAnswer()
    let first: Promise<unknown> | undefined
    try {
      useMailbox(slow.box)
      const clock = movableClock()
      first = sendDueDigests({ clock, concurrency: 1, heartbeatMs: 25 })
      await slow.arrived
      clock.moved = 11 * 60 * 1000
      // The heartbeat renews the leases on the moved clock while the first message waits for its 250.
      await vi.waitFor(
        async () => {
          const stale = await prisma.digestDelivery.count({
            where: { status: 'sending', leaseUntil: { lt: new Date(clock().getTime() + DIGEST_LEASE_MS / 2) } },
          })
          expect(stale).toBe(0)
        },
        { timeout: 30_000, interval: 50 },
      )
      expect(await sendDueDigests({ clock, queue: false })).toMatchObject({ sent: 0, empty: 0, released: 0 })
      slow.answer()
      expect(await first).toMatchObject({ sent: 10, released: 0 })
      expect(await digestsPerMember(slow.box.messages)).toEqual(exactlyOneEach())
    } finally {
      slow.answer()
      await first?.catch(() => undefined)
      await slow.box.close()
    }
  })

  test('a run whose leases were not renewed (the heartbeat could not reach the database) sends no more; the next run sends the rest once', async () => {
    const slow = await slowFirstAnswer()
    let first: Promise<unknown> | undefined
    try {
      useMailbox(slow.box)
      const clock = movableClock()
      // No heartbeat within the test: the leases stay as the claim wrote them.
      first = sendDueDigests({ clock, concurrency: 1, heartbeatMs: 60 * 60 * 1000 })
      await slow.arrived
      clock.moved = DIGEST_LEASE_MS
      slow.answer()
      expect(await first).toMatchObject({ sent: 1, released: 9 })
      expect(slow.box.messages).toHaveLength(1)
      expect(await prisma.digestDelivery.count({ where: { status: 'sending' } })).toBe(9)

      clock.moved = 2 * DIGEST_LEASE_MS + 1000
      expect(await sendDueDigests({ clock, queue: false })).toMatchObject({ sent: 9, released: 0 })
      expect(await digestsPerMember(slow.box.messages)).toEqual(exactlyOneEach())
    } finally {
      slow.answer()
      await first?.catch(() => undefined)
      await slow.box.close()
    }
  })
})

/** `npm run digest:send` as its own process, against this test's database and SMTP server. */
function digestSendProcess(env: Record<string, string> = {}): ChildProcess & { done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'app/cli/digest-send.ts')], {
    cwd: root,
    env: { ...process.env, SMTP_URL: mailbox.url, DATABASE_POOL_MAX: onPostgresServer ? '5' : '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(output)
      resolve(code)
    }),
  )
  return Object.assign(child, { done })
}

describe('npm run digest:send', () => {
  test('a run killed half-way, then run again: every member exactly one digest', async () => {
    let child: ReturnType<typeof digestSendProcess> | undefined
    let killed = false
    const killer = await startMailbox({
      refuse: (_mail, arrival) => {
        // The fourth message: the process dies before the server accepts it.
        if (arrival === 3 && child) {
          killed = child.kill('SIGKILL')
        }
        return killed && arrival >= 3 ? { code: 421, message: '4.4.2 Anslutningen bröts' } : undefined
      },
    })
    try {
      child = digestSendProcess({ SMTP_URL: killer.url, DIGEST_CONCURRENCY: '1' })
      expect(await child.done).toBeNull()
      expect(killed).toBe(true)
      expect(killer.messages).toHaveLength(3)
      // Its claims are still held; after their lease has run out a new run takes them over.
      expect(await prisma.digestDelivery.count({ where: { status: 'sending' } })).toBeGreaterThan(0)
      useMailbox(killer)
      killed = false
      // The process ran on the real clock and renewed its leases until it died: they ran out a minute after that at the latest.
      const report = await sendDueDigests({ clock: () => new Date(Date.now() + DIGEST_LEASE_MS + 1000) })
      expect(report.sent).toBe(7)
      expect(await digestsPerMember(killer.messages)).toEqual(exactlyOneEach())
    } finally {
      await killer.close()
    }
  })

  test.runIf(onPostgresServer)(
    'two processes at once (PostgreSQL server): every member exactly one digest',
    async () => {
      const runs = [digestSendProcess(), digestSendProcess()]
      expect(await Promise.all(runs.map((run) => run.done))).toEqual([0, 0])
      expect(await digestsPerMember(mailbox.messages)).toEqual(exactlyOneEach())
    },
    60_000,
  )
})
