import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { Readable } from 'node:stream'
import { beforeEach, describe, expect, test } from 'vitest'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { EXPORT_SECTIONS } from '#app/models/member-data.server.ts'
import { loader as downloadLoader } from '#app/routes/installningar.mina-uppgifter[.]json.ts'
import { action as deleteAction } from '#app/routes/installningar.radera-konto.tsx'
import { action as requestCodeAction } from '#app/routes/logga-in._index.tsx'
import { action as codeAction } from '#app/routes/logga-in.kod.tsx'
import { getUser } from '#app/utils/auth.server.ts'
import { generateStorageKey, getFileStorage } from '#app/utils/file-storage.server.ts'
import { createSearchEngine, drainOutbox } from '#search/index.ts'
import { insertMember } from '#tests/factories.ts'
import { Browser, call, routeArgs } from '#tests/request.ts'
import { LAST_ADMIN_MESSAGE } from './account-deletion.server.ts'
import { MEMBER_REFERENCES, referenceMatch, referenceName } from './member-data-tables.server.ts'

const { prisma } = database
const search = createSearchEngine({}, { prisma })
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

beforeEach(() => mailbox.clear())

async function signedIn(userId: string) {
  const browser = new Browser()
  await browser.signInAs(userId)
  return browser
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

function postData(
  type: 'question' | 'project',
  title: string,
  authorId: string,
  extra: Partial<Prisma.PostUncheckedCreateInput> = {},
): Prisma.PostUncheckedCreateInput {
  const text = `${title}: så här gör vi.`
  return { type, title, authorId, body: doc(text), bodyHtml: `<p>${text}</p>`, bodyText: text, ...extra }
}

function answerData(postId: string, authorId: string, text: string): Prisma.AnswerUncheckedCreateInput {
  return { postId, authorId, body: doc(text), bodyHtml: `<p>${text}</p>`, bodyText: text }
}

/** A member with rows in every table that refers to a member, and a colleague they interact with. */
async function memberWithEverything() {
  const member = await insertMember(prisma, { email: `radera.${unique()}@test.example`, name: 'Rut Raderasson', role: 'moderator' })
  const other = await insertMember(prisma, { name: 'Olle Annan' })
  const memberBrowser = await signedIn(member.id)
  const otherQuestion = await prisma.post.create({
    data: postData('question', `Fråga om arkiv ${unique()}`, other.id, { answerCount: 1 }),
    select: { id: true },
  })
  const otherProject = await prisma.post.create({
    data: postData('project', `Projekt med kontakt ${unique()}`, other.id, {
      contactName: 'Rut',
      contactEmail: member.email.toUpperCase(),
      commentCount: 1,
      likeCount: 1,
    }),
    select: { id: true },
  })
  const ownQuestion = await prisma.post.create({
    data: postData('question', `Rut frågar om e-arkiv ${unique()}`, member.id, { answerCount: 1 }),
    select: { id: true },
  })
  const ownAnswer = await prisma.answer.create({ data: answerData(otherQuestion.id, member.id, `Rutsvar ${unique()}`), select: { id: true, bodyText: true } })
  const othersAnswer = await prisma.answer.create({ data: { ...answerData(ownQuestion.id, other.id, 'Olles svar'), score: 1 }, select: { id: true } })
  await prisma.answerVote.create({ data: { answerId: othersAnswer.id, userId: member.id, value: 1 } })
  await prisma.revision.create({
    data: { postId: ownQuestion.id, title: 'Rutfrågans första rubrik', bodyHtml: '<p>Första</p>', bodyText: 'Första', editorId: member.id },
  })
  await prisma.revision.create({
    data: { postId: otherProject.id, title: 'Olles projekt', bodyHtml: '<p>Olles text</p>', bodyText: 'Olles text', editorId: member.id },
  })
  await prisma.comment.create({ data: { postId: otherProject.id, authorId: member.id, body: 'Rut kommenterar' } })
  await prisma.fileObject.create({
    data: {
      storageKey: crypto.randomUUID(),
      originalName: 'plan.pdf',
      mimeType: 'application/pdf',
      size: 10,
      sha256: 'x',
      uploaderId: member.id,
      postId: ownQuestion.id,
    },
  })
  await prisma.postLike.create({ data: { postId: otherProject.id, userId: member.id } })
  await prisma.bookmark.create({ data: { postId: otherQuestion.id, userId: member.id } })
  await prisma.follow.create({ data: { userId: member.id, targetType: 'post', postId: otherQuestion.id } })
  await prisma.notification.create({
    data: { userId: member.id, kind: 'answer', actorId: other.id, postId: ownQuestion.id, dedupeKey: `answer:${othersAnswer.id}` },
  })
  await prisma.notification.create({
    data: { userId: other.id, kind: 'answer', actorId: member.id, postId: otherQuestion.id, dedupeKey: `answer:${ownAnswer.id}` },
  })
  await prisma.digestDelivery.create({ data: { userId: member.id, week: '2026-W47', status: 'sent' } })
  await prisma.digestSentItem.create({ data: { userId: member.id, itemKey: `post:${otherQuestion.id}`, week: '2026-W47' } })
  await prisma.digestSentItem.create({ data: { userId: other.id, itemKey: `member:${member.id}`, week: '2026-W47' } })
  await prisma.organisationRequest.create({
    data: { name: 'Ruts förbund', type: 'annan', domain: `rut${unique()}.se`, motivation: 'Vi behövs', requestedById: member.id },
  })
  await prisma.organisationRequest.create({
    data: { name: 'Olles förbund', type: 'annan', domain: `olle${unique()}.se`, motivation: 'Vi med', status: 'approved', decidedById: member.id },
  })
  await prisma.report.create({
    data: {
      reporterId: member.id,
      targetType: 'answer',
      targetId: othersAnswer.id,
      targetUserId: other.id,
      reason: 'spam',
      resolvedById: member.id,
      status: 'dismissed',
    },
  })
  await prisma.report.create({ data: { reporterId: other.id, targetType: 'member', targetId: member.id, targetUserId: member.id, reason: 'other' } })
  await prisma.report.create({ data: { reporterId: other.id, targetType: 'post', targetId: ownQuestion.id, targetUserId: member.id, reason: 'spam' } })
  await prisma.memberWarning.create({ data: { userId: member.id, moderatorId: other.id, message: 'Håll god ton.' } })
  await prisma.memberWarning.create({ data: { userId: other.id, moderatorId: member.id, message: 'Håll dig till ämnet.' } })
  const decision = await prisma.auditLog.create({
    data: { actorId: other.id, actorName: other.name, action: 'member.warned', targetType: 'user', targetId: member.id, targetName: member.name },
    select: { id: true },
  })
  await prisma.auditLog.create({
    data: { actorId: member.id, actorName: member.name, action: 'member.warned', targetType: 'user', targetId: other.id, targetName: other.name },
  })
  await prisma.appeal.create({ data: { userId: member.id, auditLogId: decision.id, message: 'Jag överklagar.' } })
  await prisma.appeal.create({ data: { userId: other.id, auditLogId: decision.id, message: 'Jag med.', decidedById: member.id, status: 'upheld' } })
  await prisma.accessibilityReport.create({ data: { reporterId: member.id, description: 'Kontrasten är låg.' } })
  await prisma.accessibilityReport.create({ data: { email: member.email, description: 'Fokus syns inte.' } })
  await prisma.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, updatedById: member.id }, update: { updatedById: member.id } })
  await prisma.signInCode.create({ data: { email: member.email, codeHash: 'x', linkTokenHash: `t-${unique()}`, expiresAt: new Date(Date.now() + 60_000) } })
  // The posts are in the index, as the services' outbox rows would have put them there.
  await prisma.searchOutbox.createMany({
    data: [otherQuestion, otherProject, ownQuestion].map(({ id }) => ({ entityType: 'post', entityId: id, operation: 'upsert' })),
  })
  await drainOutbox({ prisma, engine: search })
  return { member, other, memberBrowser, otherQuestion, otherProject, ownQuestion, ownAnswer, othersAnswer }
}

/** Rows that still refer to the member, per registry entry. */
async function remainingReferences(member: { id: string; email: string }) {
  const remaining: Record<string, number> = {}
  for (const reference of MEMBER_REFERENCES) {
    const { where, value } = referenceMatch(reference, member)
    const rows = await prisma.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int AS "count" FROM "${reference.table}" WHERE ${where}`, value)
    remaining[referenceName(reference)] = rows[0]?.count ?? 0
  }
  return remaining
}

const indexed = (postId: string) => prisma.searchDocument.findUnique({ where: { id: `post:${postId}` }, select: { text: true } })

const deleteWith = (browser: Browser, fields: Record<string, string>, options?: Parameters<Browser['post']>[2]) =>
  call(() => deleteAction(routeArgs(browser.post('/installningar/radera-konto', fields, options))), browser)

async function expectSignInStartsAfresh(email: string) {
  const browser = new Browser()
  const requested = await call(() => requestCodeAction(routeArgs(browser.post('/logga-in?index', { email, redirectTo: '' }))), browser)
  expect(requested.location).toBe('/logga-in/kod')
  const mail = await mailbox.waitFor(email)
  const code = /Din inloggningskod är: (\d{6})/.exec(mail.text)?.[1] ?? ''
  const verified = await call(() => codeAction(routeArgs(browser.post('/logga-in/kod', { intent: 'verify', code }))), browser)
  expect(verified.location).toBe('/valkommen')
}

describe('GET /installningar/mina-uppgifter.json', () => {
  test("downloads every section of the member's own data, and nothing secret or private to others", async () => {
    const { member, other, memberBrowser, ownQuestion } = await memberWithEverything()
    const result = await call(() => downloadLoader(routeArgs(memberBrowser.get('/installningar/mina-uppgifter.json'))))
    expect(result.status).toBe(200)
    expect(result.response?.headers.get('Content-Disposition')).toMatch(/^attachment; filename="samverka-mina-uppgifter-\d{4}-\d{2}-\d{2}\.json"$/)
    const exported = result.data as Record<string, unknown>
    for (const section of EXPORT_SECTIONS) {
      const value = exported[section]
      expect(Array.isArray(value) ? value.length : Object.keys(value ?? {}).length, `section ${section}`).toBeGreaterThan(0)
    }
    expect(exported.profile).toMatchObject({ email: member.email, name: 'Rut Raderasson' })
    expect(exported.posts).toEqual([expect.objectContaining({ id: ownQuestion.id })])
    expect(exported.notifications).toEqual([expect.objectContaining({ kind: 'answer', actor: other.name })])
    expect(exported.accessibilityReports).toHaveLength(2)
    const text = JSON.stringify(exported)
    expect(text).not.toContain(other.email)
    // Earlier versions of the member's own content in full; of others' content only that they edited it.
    expect(exported.revisions).toEqual([
      expect.objectContaining({ earlierTitle: 'Rutfrågans första rubrik', earlierText: 'Första', editedByYou: true }),
      expect.objectContaining({ post: expect.objectContaining({ title: expect.any(String) }), editedByYou: true }),
    ])
    expect(text).not.toContain('Olles text')
    const session = await prisma.session.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } })
    expect(text).not.toContain(session.id)
  })

  test('needs a signed-in member', async () => {
    const result = await call(() => downloadLoader(routeArgs(new Browser().get('/installningar/mina-uppgifter.json'))))
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/logga-in/)
  })
})

describe('POST /installningar/radera-konto', () => {
  test('a wrong address or no choice is refused in Swedish and deletes nothing', async () => {
    const { member, memberBrowser } = await memberWithEverything()
    const wrong = await deleteWith(memberBrowser, { content: 'anonymise', confirmEmail: 'nagon.annan@test.example' })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.data)).toContain('E-postadressen stämmer inte med ditt konto.')
    const noChoice = await deleteWith(memberBrowser, { confirmEmail: member.email })
    expect(noChoice.status).toBe(400)
    expect(JSON.stringify(noChoice.data)).toContain('Välj vad som ska hända med dina inlägg.')
    const unknownChoice = await deleteWith(memberBrowser, { content: 'everything', confirmEmail: member.email })
    expect(unknownChoice.status).toBe(400)
    const noCsrf = await deleteWith(memberBrowser, { content: 'remove', confirmEmail: member.email }, { csrf: false })
    expect(noCsrf.status).toBe(403)
    expect(await prisma.user.count({ where: { id: member.id } })).toBe(1)
    expect(await prisma.post.count({ where: { authorId: member.id } })).toBe(1)
  })

  test('anonymise: content stays as "Tidigare medlem", everything else about the member goes, sign-in starts afresh', async () => {
    const seeded = await memberWithEverything()
    const { member, memberBrowser, ownQuestion, ownAnswer, otherQuestion, otherProject, othersAnswer } = seeded
    const sessionId = memberBrowser.cookie('samverka_session') ?? ''
    const result = await deleteWith(memberBrowser, { content: 'anonymise', confirmEmail: ` ${member.email.toUpperCase()} ` })
    expect(result.location).toBe('/konto-raderat')
    expect(result.response?.headers.get('Set-Cookie')).toMatch(/samverka_session=;/)

    const remaining = await remainingReferences(member)
    for (const reference of MEMBER_REFERENCES) {
      const name = referenceName(reference)
      if (reference.onDelete.anonymise === 'keep') expect(remaining[name], `${name} is kept`).toBeGreaterThan(0)
      else expect(remaining[name], `${name} is handled`).toBe(0)
    }
    expect(await prisma.user.count({ where: { id: member.id } })).toBe(0)
    expect(await prisma.post.findUniqueOrThrow({ where: { id: ownQuestion.id }, select: { authorId: true, answerCount: true } })).toEqual({
      authorId: null,
      answerCount: 1,
    })
    expect(await prisma.answer.findUniqueOrThrow({ where: { id: ownAnswer.id }, select: { authorId: true } })).toEqual({ authorId: null })
    expect(await prisma.post.findUniqueOrThrow({ where: { id: otherProject.id }, select: { likeCount: true, commentCount: true, contactName: true } })).toEqual(
      {
        likeCount: 0,
        commentCount: 1,
        contactName: null,
      },
    )
    expect(await prisma.answer.findUniqueOrThrow({ where: { id: othersAnswer.id }, select: { score: true } })).toEqual({ score: 0 })
    expect(
      await prisma.auditLog.findFirst({
        where: { action: 'member.deleted-account', targetId: member.id },
        select: { actorName: true, targetName: true, data: true },
      }),
    ).toEqual({
      actorName: 'Tidigare medlem',
      targetName: '',
      data: { content: 'anonymise', posts: 1, answers: 1, comments: 1 },
    })

    // The session cookie no longer works, and the address signs up as a newcomer.
    const stale = new Browser()
    stale.store(new Response(null, { headers: { 'Set-Cookie': `samverka_session=${sessionId}` } }))
    expect(sessionId).not.toBe('')
    expect(await getUser(stale.get('/'))).toBeNull()
    await expectSignInStartsAfresh(member.email)

    expect(await prisma.searchOutbox.count({ where: { entityType: 'post', entityId: { in: [ownQuestion.id, otherQuestion.id] }, processedAt: null } })).toBe(2)
    await drainOutbox({ prisma, engine: search })
    expect((await indexed(ownQuestion.id))?.text).toContain('Rut frågar om e-arkiv')
    expect((await indexed(otherQuestion.id))?.text).toContain(ownAnswer.bodyText)
  })

  test("remove: the member's posts, answers and comments go too, and counters and the index follow", async () => {
    const seeded = await memberWithEverything()
    const { member, memberBrowser, ownQuestion, ownAnswer, otherQuestion, otherProject, othersAnswer } = seeded
    const findAnswer = () => search.search(ownAnswer.bodyText)
    expect((await findAnswer()).hits.map((hit) => hit.entityId)).toEqual([otherQuestion.id])
    const result = await deleteWith(memberBrowser, { content: 'remove', confirmEmail: member.email })
    expect(result.location).toBe('/konto-raderat')

    const remaining = await remainingReferences(member)
    for (const reference of MEMBER_REFERENCES) {
      const name = referenceName(reference)
      if (reference.onDelete.remove === 'keep') expect(remaining[name], `${name} is kept`).toBeGreaterThan(0)
      else expect(remaining[name], `${name} is handled`).toBe(0)
    }
    expect(await prisma.post.count({ where: { id: ownQuestion.id } })).toBe(0)
    expect(await prisma.answer.count({ where: { id: { in: [ownAnswer.id, othersAnswer.id] } } })).toBe(0)
    expect(await prisma.fileObject.count({ where: { postId: ownQuestion.id } })).toBe(0)
    expect(await prisma.post.findUniqueOrThrow({ where: { id: otherQuestion.id }, select: { answerCount: true } })).toEqual({ answerCount: 0 })
    expect(await prisma.post.findUniqueOrThrow({ where: { id: otherProject.id }, select: { likeCount: true, commentCount: true } })).toEqual({
      likeCount: 0,
      commentCount: 0,
    })

    // Gone from search at once, before the worker has re-indexed the question it answered.
    expect(await findAnswer()).toMatchObject({ total: 0, hits: [] })
    await drainOutbox({ prisma, engine: search })
    expect(await indexed(ownQuestion.id)).toBeNull()
    expect((await indexed(otherQuestion.id))?.text).not.toContain(ownAnswer.bodyText)
  })

  test('files follow the content: "remove" takes every file of the removed posts and answers (others\' too) with their bytes, "anonymise" only images no text shows', async () => {
    const stored = async (uploaderId: string, holder: { postId: string | null; answerId?: string; inline?: boolean }) => {
      const storageKey = generateStorageKey()
      await getFileStorage().write(storageKey, Readable.from([Buffer.from('%PDF-1.7\n%%EOF\n')]))
      const mimeType = holder.inline ? 'image/png' : 'application/pdf'
      return prisma.fileObject.create({
        data: { storageKey, originalName: 'fil', mimeType, size: 14, sha256: 'x', uploaderId, ...holder },
        select: { id: true, storageKey: true },
      })
    }
    const gone = async (files: Array<{ id: string; storageKey: string }>) => {
      const rows = await prisma.fileObject.count({ where: { id: { in: files.map((file) => file.id) } } })
      const bytes = await Promise.all(files.map((file) => getFileStorage().exists(file.storageKey)))
      return rows === 0 && bytes.every((exists) => !exists)
    }
    const seed = async () => {
      const { member, other, memberBrowser, otherQuestion, ownQuestion, ownAnswer, othersAnswer } = await memberWithEverything()
      const ownProject = await prisma.post.create({
        data: postData('project', `Ruts projekt ${unique()}`, member.id, { shareEditing: true }),
        select: { id: true },
      })
      return {
        member,
        memberBrowser,
        ofRemovedContent: [
          await stored(member.id, { postId: ownQuestion.id, inline: true }),
          await stored(other.id, { postId: ownQuestion.id, answerId: othersAnswer.id, inline: true }),
          await stored(other.id, { postId: ownProject.id }),
          await stored(member.id, { postId: otherQuestion.id, answerId: ownAnswer.id, inline: true }),
        ],
        untiedImage: await stored(member.id, { postId: null, inline: true }),
        othersOwn: await stored(other.id, { postId: otherQuestion.id, inline: true }),
      }
    }

    const removing = await seed()
    await deleteWith(removing.memberBrowser, { content: 'remove', confirmEmail: removing.member.email })
    expect(await gone([...removing.ofRemovedContent, removing.untiedImage])).toBe(true)
    expect(await gone([removing.othersOwn])).toBe(false)

    const anonymising = await seed()
    await deleteWith(anonymising.memberBrowser, { content: 'anonymise', confirmEmail: anonymising.member.email })
    expect(await gone([anonymising.untiedImage])).toBe(true)
    for (const file of anonymising.ofRemovedContent) expect(await gone([file])).toBe(false)
  })

  test('the last admin cannot delete their account', async () => {
    const others = await prisma.user.findMany({ where: { role: 'admin' }, select: { id: true } })
    await prisma.user.updateMany({ where: { role: 'admin' }, data: { role: 'moderator' } })
    try {
      const admin = await insertMember(prisma, { role: 'admin' })
      const browser = await signedIn(admin.id)
      const result = await deleteWith(browser, { content: 'anonymise', confirmEmail: admin.email })
      expect(result.status).toBe(409)
      expect(JSON.stringify(result.data)).toContain(LAST_ADMIN_MESSAGE)
      expect(await prisma.user.count({ where: { id: admin.id } })).toBe(1)

      await insertMember(prisma, { role: 'admin' })
      expect((await deleteWith(browser, { content: 'anonymise', confirmEmail: admin.email })).location).toBe('/konto-raderat')
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((user) => user.id) } }, data: { role: 'admin' } })
    }
  })
})
