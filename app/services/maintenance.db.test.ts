import { database } from '#tests/setup/database.ts'
import { expect, test } from 'vitest'
import { insertMember } from '#tests/factories.ts'
import { hitRateLimit } from '#app/utils/rate-limit.server.ts'
import { runMaintenance } from './maintenance.server.ts'

const { prisma } = database

test('housekeeping removes expired sessions, day-old codes and old rate-limit windows, and keeps the rest', async () => {
  const member = await insertMember(prisma)
  const now = new Date('2026-11-23T12:00:00Z')
  await prisma.session.createMany({
    data: [
      { id: 'expired', userId: member.id, expiresAt: new Date('2026-11-23T11:00:00Z') },
      { id: 'valid', userId: member.id, expiresAt: new Date('2026-12-20T00:00:00Z') },
    ],
  })
  await prisma.signInCode.createMany({
    data: [
      { email: 'a@x.se', codeHash: 'h', linkTokenHash: 'old', expiresAt: new Date('2026-11-21T00:00:00Z') },
      { email: 'a@x.se', codeHash: 'h', linkTokenHash: 'recent', expiresAt: new Date('2026-11-23T11:50:00Z') },
    ],
  })
  await hitRateLimit('general', 'old', new Date('2026-11-22T00:00:00Z'))
  await hitRateLimit('general', 'current', now)

  await runMaintenance(now)

  expect((await prisma.session.findMany({ select: { id: true } })).map((s) => s.id)).toEqual(['valid'])
  expect((await prisma.signInCode.findMany({ select: { linkTokenHash: true } })).map((c) => c.linkTokenHash)).toEqual(['recent'])
  expect((await prisma.rateLimit.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(['general:current'])
})
