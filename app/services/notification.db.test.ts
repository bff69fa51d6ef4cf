import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { countUnreadNotifications, listNotifications } from '#app/models/notification.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { presentNotifications } from '#app/presenters/notification.server.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { addComment } from './engagement.server.ts'
import { follow } from './follow.server.ts'
import { markNotificationsRead } from './notification.server.ts'
import { createProject } from './post.server.ts'
import { acceptAnswer, answerQuestion, askQuestion } from './question.server.ts'
import { deleteContent } from './content-moderation.server.ts'

const { prisma } = database

const actor = (overrides: Parameters<typeof insertActor>[1] = {}) => insertActor(prisma, overrides)
const project = (title: string, tags: string[]) => buildProjectInput(title, { tags })

const texts = async (member: Actor) => presentNotifications((await listNotifications(member.id)).notifications).map((item) => item.text)
const kinds = async (member: Actor) =>
  (await prisma.notification.findMany({ where: { userId: member.id }, select: { kind: true } })).map((row) => row.kind).sort()

let asker: Actor
let answerer: Actor
let moderator: Actor

beforeAll(async () => {
  asker = await actor({ name: 'Agnes Asker' })
  answerer = await actor({ name: 'Sven Svarare' })
  moderator = await actor({ name: 'Maja Moderator', role: 'moderator' })
})

describe('answers, comments and accepted answers', () => {
  test('the asker hears of an answer; the answerer hears nothing of their own answer', async () => {
    const question = await askQuestion(asker, { title: 'Hur hanterar ni skolskjuts?', body: plainTextToDocument('?'), tags: [] })
    const answer = await answerQuestion(answerer, question.id, plainTextToDocument('Med en e-tjänst.'))
    expect(await texts(asker)).toEqual(['Sven Svarare svarade på din fråga ”Hur hanterar ni skolskjuts?”.'])
    expect(presentNotifications((await listNotifications(asker.id)).notifications)[0]?.href).toBe(`/fragor/${question.id}#svar-${answer.id}`)
    expect(await kinds(answerer)).toEqual([])
  })

  test('an accepted answer notifies its author once, however often it is accepted again', async () => {
    const author = await actor({ name: 'Vera Vald' })
    const question = await askQuestion(asker, { title: 'Vilket e-arkiv valde ni?', body: plainTextToDocument('?'), tags: [] })
    const answer = await answerQuestion(author, question.id, plainTextToDocument('Ett gemensamt.'))
    await acceptAnswer(asker, question.id, answer.id)
    await acceptAnswer(asker, question.id, null)
    await acceptAnswer(asker, question.id, answer.id)
    expect(await texts(author)).toEqual(['Agnes Asker valde ditt svar på ”Vilket e-arkiv valde ni?” som det bästa svaret.'])
  })

  test('a comment notifies the post author, not the commenter', async () => {
    const owner = await actor({ name: 'Olle Ägare' })
    const post = await createProject(owner, project('Gemensam växel', []))
    await addComment(answerer, post.id, 'Intressant!')
    await addComment(owner, post.id, 'Tack!')
    expect(await texts(owner)).toEqual(['Sven Svarare kommenterade ”Gemensam växel”.'])
  })
})

describe('new content in what a member follows', () => {
  test('is batched into one unread notification that counts, and starts afresh once read', async () => {
    const organisation = await insertOrganisation(prisma, { name: 'Batchkommunen' })
    const reader = await actor({ name: 'Rut Läsare' })
    const suspended = await actor({ status: 'active' })
    const author = await actor({ organisationId: organisation.id })
    await follow(reader, { type: 'organisation', key: organisation.id })
    await follow(suspended, { type: 'organisation', key: organisation.id })
    await prisma.user.update({ where: { id: suspended.id }, data: { status: 'suspended' } })
    await follow(author, { type: 'organisation', key: organisation.id })

    await createProject(author, project('Första batchprojektet', []))
    expect(await texts(reader)).toEqual(['Nytt i det du följer: ”Första batchprojektet”.'])
    await askQuestion(author, { title: 'Andra batchinlägget', body: plainTextToDocument('?'), tags: [] })
    expect(await texts(reader)).toEqual(['2 nya inlägg och svar i det du följer, senast ”Andra batchinlägget”.'])
    expect(await countUnreadNotifications(reader.id)).toBe(1)
    expect(await kinds(suspended)).toEqual([])
    expect(await kinds(author)).toEqual([])

    await markNotificationsRead(reader, 'all')
    expect(await countUnreadNotifications(reader.id)).toBe(0)
    await createProject(author, project('Tredje batchprojektet', []))
    expect(await texts(reader)).toEqual([
      'Nytt i det du följer: ”Tredje batchprojektet”.',
      '2 nya inlägg och svar i det du följer, senast ”Andra batchinlägget”.',
    ])
    expect(await countUnreadNotifications(reader.id)).toBe(1)
  })

  test('followers of a tag and of a question hear of new posts and answers; the asker only once, individually', async () => {
    const reader = await actor()
    const question = await askQuestion(asker, { title: 'Fråga med batchtagg', body: plainTextToDocument('?'), tags: ['batchtagg'] })
    await follow(reader, { type: 'tag', key: 'batchtagg' })
    await follow(reader, { type: 'post', key: question.id })
    await answerQuestion(answerer, question.id, plainTextToDocument('Ett svar.'))
    expect(await texts(reader)).toEqual(['Nytt i det du följer: ”Fråga med batchtagg”.'])
    const askerKinds = await prisma.notification.findMany({ where: { userId: asker.id, postId: question.id }, select: { kind: true } })
    expect(askerKinds).toEqual([{ kind: 'answer' }])
  })
})

describe('moderator decisions', () => {
  test('the author is told when a moderator removes or restores their content, with the reason; not when they remove it themselves', async () => {
    const author = await actor({ name: 'Moa Modererad' })
    const question = await askQuestion(asker, { title: 'Modererad tråd', body: plainTextToDocument('?'), tags: [] })
    const removed = await answerQuestion(author, question.id, plainTextToDocument('Reklam för en konsult.'))
    const own = await answerQuestion(author, question.id, plainTextToDocument('Ett riktigt svar.'))
    await deleteContent(moderator, { targetType: 'answer', targetId: removed.id, reason: 'Reklam' })
    await deleteContent(author, { targetType: 'answer', targetId: own.id, reason: null })
    const post = await createProject(author, project('Projekt som tas bort', []))
    await deleteContent(moderator, { targetType: 'post', targetId: post.id, reason: 'Dubblett' })
    const comment = await addComment(author, (await createProject(asker, project('Kommenterat projekt', []))).id, 'Olämplig kommentar')
    await deleteContent(moderator, { targetType: 'comment', targetId: comment.id, reason: 'Olämplig kommentar.' })

    const views = presentNotifications((await listNotifications(author.id)).notifications)
    expect(views.map((view) => [view.text, view.reason, view.href !== null])).toEqual([
      ['En moderator tog bort din kommentar på ”Kommenterat projekt”.', 'Olämplig kommentar.', true],
      ['En moderator tog bort ditt inlägg ”Projekt som tas bort”.', 'Dubblett', false],
      ['En moderator tog bort ditt svar på ”Modererad tråd”.', 'Reklam', true],
    ])
  })
})

describe('reading', () => {
  test('a member marks only their own notifications read', async () => {
    const question = await askQuestion(asker, { title: 'Läst eller oläst?', body: plainTextToDocument('?'), tags: [] })
    await answerQuestion(answerer, question.id, plainTextToDocument('Oläst.'))
    const own = await prisma.notification.findFirstOrThrow({ where: { userId: asker.id, postId: question.id }, select: { id: true } })
    const before = await countUnreadNotifications(asker.id)
    await markNotificationsRead(answerer, own.id)
    expect(await countUnreadNotifications(asker.id)).toBe(before)
    await markNotificationsRead(asker, own.id)
    expect(await countUnreadNotifications(asker.id)).toBe(before - 1)
  })

  test('a notification about a post removed since shows no title and no link', async () => {
    const reader = await actor()
    const author = await actor()
    await follow(reader, { type: 'organisation', key: (await insertOrganisation(prisma, { name: 'Raderkommunen' })).id })
    const organisationId = (await prisma.follow.findFirstOrThrow({ where: { userId: reader.id }, select: { organisationId: true } })).organisationId
    await prisma.user.update({ where: { id: author.id }, data: { organisationId } })
    const post = await createProject(author, project('Hemligt projekt som tas bort', []))
    await deleteContent(moderator, { targetType: 'post', targetId: post.id, reason: 'Fel' })
    const [view] = presentNotifications((await listNotifications(reader.id)).notifications)
    expect(view?.text).toBe('Nytt i det du följer: ett inlägg som inte längre finns.')
    expect(view?.href).toBeNull()
  })
})
