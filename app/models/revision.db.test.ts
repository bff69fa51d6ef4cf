import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { presentHistory } from '#app/presenters/revision.server.ts'
import type { Actor } from '#app/policies/member.ts'
import { editContentAsModerator, hideContent } from '#app/services/content-moderation.server.ts'
import { createProject, editProject } from '#app/services/post.server.ts'
import { answerQuestion, askQuestion, editAnswer, editQuestion } from '#app/services/question.server.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { getContentHistory } from './revision.server.ts'

const { prisma } = database

let author: Actor
let reader: Actor
let moderator: Actor

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Versionskommunen' })
  author = await insertActor(prisma, { name: 'Vera Version', organisationId: organisation.id })
  reader = await insertActor(prisma, { name: 'Läsa Läsare' })
  moderator = await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' })
})

const question = (title: string, text: string) => ({ title, body: plainTextToDocument(text), tags: ['versioner'] })

describe('every edit keeps the version it replaces', () => {
  test("a question's history: each version with who wrote it, when, and what changed", async () => {
    const { id } = await askQuestion(author, question('Hur sparar ni protokoll?', 'Vi sparar protokoll i pärmar.'))
    await editQuestion(author, id, question('Hur arkiverar ni protokoll?', 'Vi sparar protokoll i pärmar och i e-arkivet.'))
    // Tags only: no new version.
    await editQuestion(author, id, { ...question('Hur arkiverar ni protokoll?', 'Vi sparar protokoll i pärmar och i e-arkivet.'), tags: ['arkiv'] })

    const history = await getContentHistory(reader, id, 'question', null)
    expect(history?.versions.map((version) => [version.title, version.bodyText, version.by])).toEqual([
      ['Hur sparar ni protokoll?', 'Vi sparar protokoll i pärmar.', 'Vera Version'],
      ['Hur arkiverar ni protokoll?', 'Vi sparar protokoll i pärmar och i e-arkivet.', 'Vera Version'],
    ])
    if (!history) throw new Error('The question has no history')
    const view = presentHistory(history)
    const [current, first] = view.versions
    expect(current?.number).toBe(2)
    expect(current?.titleDiff).toEqual([
      { kind: 'same', text: 'Hur ' },
      { kind: 'removed', text: 'sparar' },
      { kind: 'added', text: 'arkiverar' },
      { kind: 'same', text: ' ni protokoll?' },
    ])
    expect(current?.textDiff?.filter((part) => part.kind !== 'same')).toEqual([{ kind: 'added', text: 'och i e-arkivet' }])
    expect(first).toMatchObject({ number: 1, titleDiff: null, textDiff: null, wholeHtml: expect.stringContaining('pärmar') })
  })

  test("an answer's versions are its own, and only under its question", async () => {
    const { id: questionId } = await askQuestion(reader, question('Vem ansvarar för diariet?', 'Hos oss är det oklart.'))
    const { id: otherQuestionId } = await askQuestion(reader, question('En annan fråga om diariet', 'Något annat.'))
    const answer = await answerQuestion(author, questionId, plainTextToDocument('Registratorn ansvarar.'))
    await editAnswer(author, answer.id, plainTextToDocument('Registratorn ansvarar, med stöd av arkivarien.'))

    const history = await getContentHistory(reader, questionId, 'question', answer.id)
    expect(history?.versions.map((version) => version.bodyText)).toEqual(['Registratorn ansvarar.', 'Registratorn ansvarar, med stöd av arkivarien.'])
    expect((await getContentHistory(reader, questionId, 'question', null))?.versions).toHaveLength(1)
    expect(await getContentHistory(reader, otherQuestionId, 'question', answer.id)).toBeNull()
  })

  test("a project's edits keep versions too, and a question id is not a project", async () => {
    const { id } = await createProject(author, buildProjectInput('Digital brevlåda'))
    await editProject(author, id, buildProjectInput('Digital brevlåda för alla nämnder'))
    expect((await getContentHistory(reader, id, 'project', null))?.versions.map((version) => version.title)).toEqual([
      'Digital brevlåda',
      'Digital brevlåda för alla nämnder',
    ])
    expect(await getContentHistory(reader, id, 'question', null)).toBeNull()
  })
})

describe('who sees which versions', () => {
  test("versions a moderator's edit replaced are the author's and moderators' only", async () => {
    const { id } = await askQuestion(author, question('Kontakt med handläggare', 'Ring Kalle på 070-123 45 67.'))
    await editContentAsModerator(moderator, {
      targetType: 'post',
      targetId: id,
      title: 'Kontakt med handläggare',
      body: plainTextToDocument('Ring handläggaren via växeln.'),
      reason: 'Personuppgifter togs bort.',
    })
    const forReader = await getContentHistory(reader, id, 'question', null)
    expect(forReader?.withheld).toBe(1)
    expect(JSON.stringify(forReader)).not.toContain('070-123')
    expect(forReader?.versions).toEqual([expect.objectContaining({ by: 'Mona Moderator', byModerator: true })])
    if (!forReader) throw new Error('The reader sees no history')
    expect(presentHistory(forReader).versions[0]?.number).toBe(2)

    for (const viewer of [author, moderator]) {
      const full = await getContentHistory(viewer, id, 'question', null)
      expect(full?.withheld).toBe(0)
      expect(full?.versions.map((version) => version.bodyText)).toEqual(['Ring Kalle på 070-123 45 67.', 'Ring handläggaren via växeln.'])
    }
  })

  test("a hidden post's versions follow the post: the author and moderators only", async () => {
    const { id } = await askQuestion(author, question('Dold fråga om versioner', 'Första texten.'))
    await editQuestion(author, id, question('Dold fråga om versioner', 'Andra texten.'))
    await hideContent(moderator, { targetType: 'post', targetId: id, reason: 'Fel forum.' })
    expect(await getContentHistory(reader, id, 'question', null)).toBeNull()
    expect((await getContentHistory(author, id, 'question', null))?.versions).toHaveLength(2)
    expect((await getContentHistory(moderator, id, 'question', null))?.versions).toHaveLength(2)
  })
})
