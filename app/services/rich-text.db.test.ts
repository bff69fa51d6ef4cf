import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { RichTextDocumentSchema, type RichTextDocument } from '#app/editor/document.ts'
import { listNotifications } from '#app/models/notification.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { presentNotifications } from '#app/presenters/notification.server.ts'
import { buildProjectInput, insertActor } from '#tests/factories.ts'
import { createProject, editProject } from './post.server.ts'
import { answerQuestion, askQuestion, editAnswer, editQuestion } from './question.server.ts'
import { editContentAsModerator } from './content-moderation.server.ts'

const { prisma } = database

/** A document the editor would send: "Fråga " and then a mention of each member, with the label the client chose. */
function mentioning(...members: Array<{ id: string; label?: string }>): RichTextDocument {
  return RichTextDocumentSchema.parse({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Fråga ' },
          ...members.map((member) => ({ type: 'mention', attrs: { id: member.id, label: member.label ?? 'Någon' } })),
        ],
      },
    ],
  })
}

const mentionsOf = async (member: Actor) =>
  prisma.notification.findMany({
    where: { userId: member.id, kind: 'mention' },
    select: { postId: true, subjectId: true, actorId: true },
    orderBy: { createdAt: 'asc' },
  })
const texts = async (member: Actor) => presentNotifications((await listNotifications(member.id)).notifications).map((view) => [view.text, view.href])

let writer: Actor
let anna: Actor
let erik: Actor

beforeAll(async () => {
  writer = await insertActor(prisma, { name: 'Wilma Skribent' })
  anna = await insertActor(prisma, { name: 'Anna Nämnd' })
  erik = await insertActor(prisma, { name: 'Erik Nämnd' })
})

describe('mentions when content is saved', () => {
  test('a new question notifies the mentioned member once, with a link to the question', async () => {
    const question = await askQuestion(writer, { title: 'Vem kan e-arkiv bäst?', body: mentioning(anna, anna), tags: [] })
    expect(await mentionsOf(anna)).toEqual([{ postId: question.id, subjectId: null, actorId: writer.id }])
    expect(await texts(anna)).toEqual([['Wilma Skribent nämnde dig i ”Vem kan e-arkiv bäst?”.', `/fragor/${question.id}`]])
  })

  test('an answer notifies with a link to the answer', async () => {
    const question = await askQuestion(erik, { title: 'Hur gallrar ni loggar?', body: mentioning(), tags: [] })
    const reader = await insertActor(prisma, { name: 'Rut Svarsläsare' })
    const answer = await answerQuestion(writer, question.id, mentioning(reader))
    expect(await mentionsOf(reader)).toEqual([{ postId: question.id, subjectId: answer.id, actorId: writer.id }])
    expect(await texts(reader)).toEqual([['Wilma Skribent nämnde dig i ett svar på ”Hur gallrar ni loggar?”.', `/fragor/${question.id}#svar-${answer.id}`]])
  })

  test('a project mentions like a question', async () => {
    const reader = await insertActor(prisma, { name: 'Pia Projektläsare' })
    const post = await createProject(writer, buildProjectInput('Gemensam e-tjänst för bygglov', { body: mentioning(reader) }))
    expect(await mentionsOf(reader)).toEqual([{ postId: post.id, subjectId: null, actorId: writer.id }])
  })

  test('an edit notifies only the members it newly mentions, each exactly once', async () => {
    const first = await insertActor(prisma, { name: 'Första Nämnd' })
    const added = await insertActor(prisma, { name: 'Tillagd Nämnd' })
    const question = await askQuestion(writer, { title: 'En fråga som redigeras', body: mentioning(first), tags: [] })
    await editQuestion(writer, question.id, { title: 'En fråga som redigeras', body: mentioning(first, added), tags: [] })
    await editQuestion(writer, question.id, { title: 'En fråga som redigeras', body: mentioning(added), tags: [] })
    await editQuestion(writer, question.id, { title: 'En fråga som redigeras', body: mentioning(first, added), tags: [] })
    expect(await mentionsOf(first)).toHaveLength(1)
    expect(await mentionsOf(added)).toHaveLength(1)

    const answer = await answerQuestion(writer, question.id, mentioning())
    await editAnswer(writer, answer.id, mentioning(added))
    await editAnswer(writer, answer.id, mentioning(added))
    expect(await mentionsOf(added)).toEqual([
      { postId: question.id, subjectId: null, actorId: writer.id },
      { postId: question.id, subjectId: answer.id, actorId: writer.id },
    ])

    const projectReader = await insertActor(prisma, { name: 'Projekt Nämnd' })
    const post = await createProject(writer, buildProjectInput('Projekt som redigeras'))
    await editProject(writer, post.id, buildProjectInput('Projekt som redigeras', { body: mentioning(projectReader) }))
    await editProject(writer, post.id, buildProjectInput('Projekt som redigeras', { body: mentioning(projectReader) }))
    expect(await mentionsOf(projectReader)).toHaveLength(1)
  })

  test('the actor is never notified of mentioning themselves', async () => {
    await askQuestion(writer, { title: 'Jag nämner mig själv', body: mentioning(writer), tags: [] })
    expect(await mentionsOf(writer)).toEqual([])
  })

  test('suspended and pending members are not notified, and their mentions are stored as plain text', async () => {
    const suspended = await insertActor(prisma, { name: 'Sune Avstängd', status: 'suspended' })
    const pending = await insertActor(prisma, { name: 'Petra Väntande', status: 'pending' })
    const question = await askQuestion(writer, {
      title: 'Nämner inaktiva medlemmar',
      body: mentioning({ id: suspended.id, label: 'Sune' }, { id: pending.id, label: 'Petra' }),
      tags: [],
    })
    expect(await mentionsOf(suspended)).toEqual([])
    expect(await mentionsOf(pending)).toEqual([])
    const stored = await prisma.post.findUniqueOrThrow({ where: { id: question.id }, select: { bodyHtml: true, bodyText: true } })
    expect(stored).toEqual({ bodyHtml: '<p>Fråga @Sune@Petra</p>', bodyText: 'Fråga @Sune@Petra' })
  })

  test('an unknown member id is dropped to plain text; the rest of the text is saved', async () => {
    const question = await askQuestion(writer, {
      title: 'Nämner någon som inte finns',
      body: mentioning({ id: 'cm1nosuchmember', label: 'Okänd' }, anna),
      tags: [],
    })
    const stored = await prisma.post.findUniqueOrThrow({ where: { id: question.id }, select: { body: true, bodyHtml: true } })
    expect(stored.bodyHtml).toBe(`<p>Fråga @Okänd<a href="/medlemmar/${anna.id}" class="mention">@Anna Nämnd</a></p>`)
    expect(JSON.stringify(stored.body)).not.toContain('cm1nosuchmember')
    expect(await prisma.notification.count({ where: { postId: question.id, kind: 'mention' } })).toBe(1)
  })

  test('the stored label and HTML take the member’s current name from the database, never the label sent', async () => {
    await prisma.user.update({ where: { id: erik.id }, data: { name: 'Erik Omdöpt' } })
    const question = await askQuestion(writer, {
      title: 'Namnet kommer från databasen',
      body: mentioning({ id: erik.id, label: '<b>Falskt namn</b>' }),
      tags: [],
    })
    const stored = await prisma.post.findUniqueOrThrow({ where: { id: question.id }, select: { body: true, bodyHtml: true, bodyText: true } })
    expect(stored.bodyHtml).toBe(`<p>Fråga <a href="/medlemmar/${erik.id}" class="mention">@Erik Omdöpt</a></p>`)
    expect(stored.bodyText).toBe('Fråga @Erik Omdöpt')
    expect(JSON.stringify(stored.body)).not.toContain('Falskt')
  })

  test('mentions in content that is not visible notify nobody', async () => {
    const reader = await insertActor(prisma, { name: 'Dold Läsare' })
    const question = await askQuestion(writer, { title: 'En fråga som tas bort', body: mentioning(), tags: [] })
    await prisma.post.update({ where: { id: question.id }, data: { status: 'hidden' } })
    const moderator = await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' })
    await editContentAsModerator(moderator, {
      targetType: 'post',
      targetId: question.id,
      title: 'En fråga som tas bort',
      body: mentioning(reader),
      reason: 'Rättar en omnämning.',
    })
    expect(await mentionsOf(reader)).toEqual([])
  })
})
