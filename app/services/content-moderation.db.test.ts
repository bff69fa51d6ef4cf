import { mailbox } from '#tests/setup/smtp.ts'
import { database } from '#tests/setup/database.ts'
import { beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { buildDigest, loadDigestWeek } from '#app/models/digest.server.ts'
import { listNotifications } from '#app/models/notification.server.ts'
import { getPost, getQuestion, listFeed, listFollowingFeed, listPostsBy, listTagFeed } from '#app/models/post.server.ts'
import { getSearchPage, parseSearchParams } from '#app/models/search-page.server.ts'
import { findSimilarContent } from '#app/models/similar-content.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { presentNotifications } from '#app/presenters/notification.server.ts'
import { indexPendingChanges } from '#app/utils/search.server.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { deleteContent, dismissReports, editContentAsModerator, hideContent, restoreContent } from './content-moderation.server.ts'
import { addComment } from './engagement.server.ts'
import { follow } from './follow.server.ts'
import { createProject } from './post.server.ts'
import { acceptAnswer, answerQuestion, askQuestion } from './question.server.ts'
import { reportContent } from './report.server.ts'

const { prisma } = database

let author: Actor
let reader: Actor
let moderator: Actor
let organisationId: string

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Modereringskommunen', county: 'Modereringslän' })
  organisationId = organisation.id
  author = await insertActor(prisma, { name: 'Åsa Författare', organisationId })
  reader = await insertActor(prisma, { name: 'Rut Läsare', organisationId: (await insertOrganisation(prisma, { name: 'Läsarverket', type: 'myndighet' })).id })
  moderator = await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' })
})

beforeEach(() => mailbox.clear())

const moderationNotices = async (userId: string) =>
  (await prisma.notification.findMany({ where: { userId, kind: 'moderation' }, select: { data: true }, orderBy: { createdAt: 'asc' } })).map((row) => row.data)

/** Where a post can turn up for `reader`: every list, feed, search, suggestion and the digest. */
async function placesShowing(postId: string, title: string) {
  await indexPendingChanges()
  const has = (posts: Array<{ id: string }>) => posts.some((post) => post.id === postId)
  const period = { week: '2026-W48', from: new Date(Date.now() - 3600 * 1000), to: new Date(Date.now() + 3600 * 1000) }
  const digest = await buildDigest(
    { id: reader.id, organisationId: reader.organisationId ?? null, sectionsOff: [], interests: ['bredband'] },
    await loadDigestWeek(period),
  )
  const search = await getSearchPage(parseSearchParams(new URLSearchParams({ q: 'bredbandsutbyggnad' })))
  const similar = await findSimilarContent({ title, tags: ['bredband'] })
  // "Not shown" must mean the engine answered without it, not that it failed.
  if (!search.searched || search.failed || !similar.ok) throw new Error('The search engine failed')
  return {
    home: has((await listFeed({})).posts),
    projects: has((await listFeed({ type: 'project' })).posts),
    tag: has((await listTagFeed('bredband'))?.posts ?? []),
    organisation: has(await listPostsBy({ organisationId })),
    following: has((await listFollowingFeed(reader.id)).posts),
    search: search.hits.some((hit) => hit.path.endsWith(postId)),
    similar: similar.result.posts.some((post) => post.id === postId),
    digest: digest.sections.some((section) => section.items.some((item) => item.path.endsWith(postId))),
    page: (await getPost(postId, 'project', reader)) !== null,
  }
}

const everywhere = { home: true, projects: true, tag: true, organisation: true, following: true, search: true, similar: true, digest: true, page: true }
const nowhere = Object.fromEntries(Object.keys(everywhere).map((key) => [key, false]))

describe('hiding and restoring a post', () => {
  test('hidden: gone from every list, search and digest; the author is told once, in-app and by e-mail; reports resolved; restore brings it back', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt om bredbandsutbyggnad på landsbygden', { tags: ['bredband'], seekingPartners: true }))
    await follow(reader, { type: 'post', key: id })
    const other = await insertActor(prisma, { name: 'Olle Anmälare' })
    await reportContent(reader, { targetType: 'post', targetId: id, reason: 'spam', details: '' })
    await reportContent(other, { targetType: 'post', targetId: id, reason: 'misinformation', details: 'Fel siffror.' })
    expect(await placesShowing(id, 'Projekt om bredbandsutbyggnad på landsbygden')).toEqual(everywhere)

    await hideContent(moderator, { targetType: 'post', targetId: id, reason: 'Reklam för en konsultfirma.' })
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { status: true, statusReason: true } })).toEqual({
      status: 'hidden',
      statusReason: 'Reklam för en konsultfirma.',
    })
    expect(await placesShowing(id, 'Projekt om bredbandsutbyggnad på landsbygden')).toEqual(nowhere)
    // The author still sees it, with the reason; moderators too.
    expect((await getPost(id, 'project', author))?.statusReason).toBe('Reklam för en konsultfirma.')
    expect((await getPost(id, 'project', moderator))?.status).toBe('hidden')
    expect(await prisma.report.findMany({ where: { targetId: id }, select: { status: true, resolvedById: true, resolution: true } })).toEqual([
      { status: 'actioned', resolvedById: moderator.id, resolution: 'Reklam för en konsultfirma.' },
      { status: 'actioned', resolvedById: moderator.id, resolution: 'Reklam för en konsultfirma.' },
    ])
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: 'content.hidden', targetId: id },
      select: { id: true, actorId: true, reason: true, targetType: true },
    })
    expect(audit).toMatchObject({ actorId: moderator.id, reason: 'Reklam för en konsultfirma.', targetType: 'post' })
    expect(await moderationNotices(author.id)).toEqual([
      { action: 'hidden', target: 'post', title: 'Projekt om bredbandsutbyggnad på landsbygden', reason: 'Reklam för en konsultfirma.', auditLogId: audit.id },
    ])
    const [view] = presentNotifications((await listNotifications(author.id)).notifications)
    expect(view).toMatchObject({
      text: 'En moderator dolde ditt inlägg ”Projekt om bredbandsutbyggnad på landsbygden”.',
      href: `/projekt/${id}`,
      reason: 'Reklam för en konsultfirma.',
    })
    const mail = await mailbox.waitFor(await emailOf(author))
    expect(mail.subject).toBe('En moderator har dolt ditt innehåll i Samverka')
    expect(mail.text).toContain('Motivering: Reklam för en konsultfirma.')
    expect(mail.text).toContain(`/projekt/${id}`)
    // Nobody else was told anything.
    expect(mailbox.messages).toHaveLength(1)

    await restoreContent(moderator, { targetType: 'post', targetId: id, reason: 'Författaren har tagit bort reklamen.' })
    expect(await placesShowing(id, 'Projekt om bredbandsutbyggnad på landsbygden')).toEqual(everywhere)
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { statusReason: true } })).toEqual({ statusReason: null })
    expect((await moderationNotices(author.id)).map((notice) => (notice as { action: string }).action)).toEqual(['hidden', 'restored'])
    expect((await mailbox.waitFor(await emailOf(author), (message) => message.subject.includes('återställt'))).text).toContain(
      'Motivering: Författaren har tagit bort reklamen.',
    )
  })

  test('deleted by a moderator: removed for everyone but moderators, the e-mail has no link; deleting twice → 409', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt som en moderator tar bort', { tags: ['bredband'] }))
    await deleteContent(moderator, { targetType: 'post', targetId: id, reason: 'Dubblett av ett annat projekt.' })
    expect(await getPost(id, 'project', author)).toBeNull()
    expect(await getPost(id, 'project', reader)).toBeNull()
    expect((await getPost(id, 'project', moderator))?.status).toBe('deleted')
    const mail = await mailbox.waitFor(await emailOf(author))
    expect(mail.subject).toBe('En moderator har tagit bort ditt innehåll i Samverka')
    expect(mail.text).not.toContain(`/projekt/${id}`)
    await expect(deleteContent(moderator, { targetType: 'post', targetId: id, reason: 'Igen.' })).rejects.toMatchObject({ status: 409 })
    await expect(hideContent(moderator, { targetType: 'post', targetId: id, reason: 'Dölj.' })).rejects.toMatchObject({ status: 409 })
  })
})

describe('answers and comments', () => {
  test('a hidden answer leaves the count, the accepted mark and the asker’s notifications, its author sees it with the reason, restore brings it back', async () => {
    const question = await askQuestion(reader, { title: 'Hur mäter ni bredbandstäckning?', body: plainTextToDocument('?'), tags: [] })
    const answer = await answerQuestion(author, question.id, plainTextToDocument('Köp vår konsulttjänst!'))
    await acceptAnswer(reader, question.id, answer.id)
    const askerSees = async () => (await listNotifications(reader.id)).notifications.some((row) => row.kind === 'answer' && row.subjectId === answer.id)
    expect(await askerSees()).toBe(true)
    await hideContent(moderator, { targetType: 'answer', targetId: answer.id, reason: 'Reklam.' })
    expect(await askerSees()).toBe(false)
    expect(await prisma.post.findUniqueOrThrow({ where: { id: question.id }, select: { answerCount: true, acceptedAnswerId: true } })).toEqual({
      answerCount: 0,
      acceptedAnswerId: null,
    })
    expect((await getQuestion(question.id, reader))?.answers).toEqual([])
    expect((await getQuestion(question.id, author))?.answers.map((item) => [item.status, item.statusReason])).toEqual([['hidden', 'Reklam.']])
    expect(await prisma.searchOutbox.count({ where: { entityType: 'answer', entityId: answer.id } })).toBeGreaterThan(0)
    const [view] = presentNotifications((await listNotifications(author.id)).notifications)
    expect(view).toMatchObject({ text: 'En moderator dolde ditt svar på ”Hur mäter ni bredbandstäckning?”.', href: `/fragor/${question.id}#svar-${answer.id}` })

    await restoreContent(moderator, { targetType: 'answer', targetId: answer.id, reason: 'Godtagbart efter ändring.' })
    expect(await prisma.post.findUniqueOrThrow({ where: { id: question.id }, select: { answerCount: true } })).toEqual({ answerCount: 1 })
    expect((await getQuestion(question.id, reader))?.answers.map((item) => item.id)).toEqual([answer.id])
    expect(await askerSees()).toBe(true)
  })

  test('a comment deleted by a moderator leaves the count; the author deletes their own without a reason or a notice', async () => {
    const { id } = await createProject(reader, buildProjectInput('Projekt med kommentarer att moderera'))
    const rude = await addComment(author, id, 'Otrevlig kommentar')
    const own = await addComment(author, id, 'Ångrad kommentar')
    await expect(deleteContent(moderator, { targetType: 'comment', targetId: rude.id, reason: '' })).rejects.toMatchObject({ status: 400 })
    await deleteContent(moderator, { targetType: 'comment', targetId: rude.id, reason: 'Otrevlig ton.' })
    await deleteContent(author, { targetType: 'comment', targetId: own.id, reason: null })
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { commentCount: true } })).toEqual({ commentCount: 0 })
    expect(await prisma.auditLog.count({ where: { targetId: { in: [rude.id, own.id] } } })).toBe(1)
    expect((await moderationNotices(author.id)).filter((notice) => (notice as { target: string }).target === 'comment')).toHaveLength(1)
  })
})

describe('moderators’ edits', () => {
  test('a post edit keeps before and after in the audit row, marks the post and tells the author', async () => {
    const { id } = await createProject(
      author,
      buildProjectInput('Projekt med ett telefonnummer i texten', { body: plainTextToDocument('Ring mig på 070-123 45 67.') }),
    )
    await editContentAsModerator(moderator, {
      targetType: 'post',
      targetId: id,
      title: 'Projekt med kontaktuppgifter borttagna',
      body: plainTextToDocument('Kontakta mig via Samverka.'),
      reason: 'Personuppgifter borttagna.',
    })
    const post = await prisma.post.findUniqueOrThrow({ where: { id }, select: { title: true, bodyText: true, moderatorEditedAt: true, editedAt: true } })
    expect(post).toMatchObject({ title: 'Projekt med kontaktuppgifter borttagna', bodyText: 'Kontakta mig via Samverka.', editedAt: null })
    expect(post.moderatorEditedAt).not.toBeNull()
    expect((await prisma.auditLog.findFirstOrThrow({ where: { action: 'content.edited', targetId: id }, select: { data: true } })).data).toEqual({
      before: { title: 'Projekt med ett telefonnummer i texten', text: 'Ring mig på 070-123 45 67.' },
      after: { title: 'Projekt med kontaktuppgifter borttagna', text: 'Kontakta mig via Samverka.' },
    })
    expect((await mailbox.waitFor(await emailOf(author))).subject).toBe('En moderator har redigerat ditt innehåll i Samverka')
  })

  test('a comment edit changes its text; a bad reason is refused', async () => {
    const { id } = await createProject(reader, buildProjectInput('Projekt där en kommentar redigeras'))
    const comment = await addComment(author, id, 'Mitt nummer: 070-765 43 21')
    await expect(editContentAsModerator(moderator, { targetType: 'comment', targetId: comment.id, body: 'x', reason: ' ' })).rejects.toMatchObject({
      status: 400,
    })
    await editContentAsModerator(moderator, { targetType: 'comment', targetId: comment.id, body: 'Mitt nummer: [borttaget]', reason: 'Telefonnummer.' })
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { body: true, moderatorEditedAt: true } })).toMatchObject({
      body: 'Mitt nummer: [borttaget]',
    })
  })
})

describe('dismissing reports', () => {
  test('closes the open reports as dismissed, audited, without telling the author; nothing open → 409', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt som anmäls i onödan'))
    await reportContent(reader, { targetType: 'post', targetId: id, reason: 'other', details: 'Jag håller inte med.' })
    const before = (await moderationNotices(author.id)).length
    await dismissReports(moderator, { targetType: 'post', targetId: id, reason: 'Ett meningsutbyte, inte ett regelbrott.' })
    expect(await prisma.report.findMany({ where: { targetId: id }, select: { status: true } })).toEqual([{ status: 'dismissed' }])
    expect(await prisma.auditLog.findFirst({ where: { action: 'report.dismissed', targetId: id }, select: { reason: true, data: true } })).toEqual({
      reason: 'Ett meningsutbyte, inte ett regelbrott.',
      data: { reports: 1 },
    })
    expect(await moderationNotices(author.id)).toHaveLength(before)
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'visible' })
    await expect(dismissReports(moderator, { targetType: 'post', targetId: id, reason: 'Igen.' })).rejects.toMatchObject({ status: 409 })
  })
})

describe('who may', () => {
  test('members get 403 on every moderator action; moderators do not moderate their own content; unknown content → 404', async () => {
    const { id } = await createProject(author, buildProjectInput('Projekt som en medlem försöker dölja'))
    const input = { targetType: 'post' as const, targetId: id, reason: 'Jag tycker inte om det.' }
    await expect(hideContent(reader, input)).rejects.toMatchObject({ status: 403 })
    await expect(deleteContent(reader, input)).rejects.toMatchObject({ status: 403 })
    await expect(restoreContent(reader, input)).rejects.toMatchObject({ status: 403 })
    await expect(dismissReports(reader, input)).rejects.toMatchObject({ status: 403 })
    await expect(editContentAsModerator(reader, { ...input, title: 'Kapad rubrik på projektet', body: plainTextToDocument('Kapad.') })).rejects.toMatchObject({
      status: 403,
    })
    const own = await createProject(moderator, buildProjectInput('Moderatorns eget projekt'))
    await expect(hideContent(moderator, { ...input, targetId: own.id })).rejects.toMatchObject({ status: 403 })
    await expect(hideContent(moderator, { ...input, targetId: 'finns-inte' })).rejects.toMatchObject({ status: 404 })
    expect(await prisma.post.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'visible' })
  })
})

async function emailOf(actor: Actor) {
  return (await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true } })).email
}
