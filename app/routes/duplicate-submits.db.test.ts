import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import { createProject } from '#app/services/post.server.ts'
import { askQuestion } from '#app/services/question.server.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { Browser, call, routeArgs, type RouteResult } from '#tests/request.ts'
import { action as questionPageAction, loader as questionPageLoader } from './fragor.$questionId._index.tsx'
import { action as askAction, loader as askLoader } from './fragor.ny.tsx'
import { action as newArtifactAction, loader as newArtifactLoader } from './material.ny.tsx'
import { action as projectPageAction, loader as projectPageLoader } from './projekt.$postId._index.tsx'
import { action as newProjectAction, loader as newProjectLoader } from './projekt.ny.tsx'

/**
 * Resubmitting a form whose reply was lost (or double-clicking it) must not create the post,
 * answer or comment twice: every create form carries a submission key rendered by its loader,
 * and a second submit with the same key leads to what the first one created.
 */
const { prisma } = database

type Form = {
  name: string
  /** Renders the form page and returns the key it carries. */
  render: (browser: Browser) => Promise<unknown>
  submit: (browser: Browser, fields: Record<string, string>) => Promise<RouteResult>
  fields: (title: string) => Record<string, string>
  /** How many rows the forms of this kind created for the title (or text). */
  count: (title: string) => Promise<number>
  /** Where the created row is shown, from the redirect's location. */
  created: RegExp
}

let questionId = ''
let projectId = ''

beforeAll(async () => {
  const organisation = await insertOrganisation(prisma, { name: 'Dubblettkommunen' })
  const author = await insertActor(prisma, { organisationId: organisation.id })
  questionId = (await askQuestion(author, { title: 'En fråga att svara på två gånger', body: plainTextToDocument('Fråga.'), tags: [] })).id
  projectId = (await createProject(author, buildProjectInput('Ett projekt att kommentera två gånger'))).id
})

const keyOf = (page: RouteResult) => (page.data as { submissionKey?: unknown } | null)?.submissionKey

const FORMS: Form[] = [
  {
    name: 'a new question',
    render: async (browser) => keyOf(await call(() => askLoader(routeArgs(browser.get('/fragor/ny'))))),
    submit: (browser, fields) => call(() => askAction(routeArgs(browser.post('/fragor/ny', fields)))),
    fields: (title) => ({ title, body: 'Hur gör ni?', tags: '' }),
    count: (title) => prisma.post.count({ where: { title } }),
    created: /^\/fragor\/[^/#]+$/,
  },
  {
    name: 'a new project',
    render: async (browser) => keyOf(await call(() => newProjectLoader(routeArgs(browser.get('/projekt/ny'))))),
    submit: (browser, fields) => call(() => newProjectAction(routeArgs(browser.post('/projekt/ny', fields)))),
    fields: (title) => ({ title, body: 'Vi gör så här.', projectStatus: 'ongoing', tags: '' }),
    count: (title) => prisma.post.count({ where: { title } }),
    created: /^\/projekt\/[^/#]+$/,
  },
  {
    name: 'new material',
    render: async (browser) => keyOf(await call(() => newArtifactLoader(routeArgs(browser.get('/material/ny'))))),
    submit: (browser, fields) => call(() => newArtifactAction(routeArgs(browser.post('/material/ny', fields)))),
    fields: (title) => ({ title, body: 'En mall.', artifactKind: 'template', licence: 'CC0-1.0', externalUrl: 'https://www.example.se/mall', tags: '' }),
    count: (title) => prisma.post.count({ where: { title } }),
    created: /^\/material\/[^/#]+$/,
  },
  {
    name: 'an answer',
    render: async (browser) => keyOf(await call(() => questionPageLoader(routeArgs(browser.get(`/fragor/${questionId}`), { questionId })))),
    submit: (browser, fields) => call(() => questionPageAction(routeArgs(browser.post(`/fragor/${questionId}`, fields), { questionId }))),
    fields: (text) => ({ intent: 'answer', body: text }),
    count: (text) => prisma.answer.count({ where: { postId: questionId, bodyText: text } }),
    created: /^\/fragor\/[^/#]+#svar-[^/#]+$/,
  },
  {
    name: 'a comment',
    render: async (browser) => keyOf(await call(() => projectPageLoader(routeArgs(browser.get(`/projekt/${projectId}`), { postId: projectId })))),
    submit: (browser, fields) => call(() => projectPageAction(routeArgs(browser.post(`/projekt/${projectId}`, fields), { postId: projectId }))),
    fields: (text) => ({ intent: 'comment', comment: text }),
    count: (text) => prisma.comment.count({ where: { postId: projectId, body: text } }),
    created: /^\/projekt\/[^/#]+#kommentar-[^/#]+$/,
  },
]

let counter = 0
const unique = (text: string) => `${text} nummer ${++counter} i dubblettestet`

async function member() {
  const actor = await insertActor(prisma)
  const browser = new Browser()
  await browser.signInAs(actor.id)
  return browser
}

describe.each(FORMS)('$name', (form) => {
  test('each rendering of the form carries its own random key', async () => {
    const browser = await member()
    const first = await form.render(browser)
    const second = await form.render(browser)
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(second).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(second).not.toBe(first)
  })

  test('submitted twice with the same key: one row, and both replies lead to it', async () => {
    const browser = await member()
    const submissionKey = String(await form.render(browser))
    const text = unique('Skickat två gånger efter varandra')
    const first = await form.submit(browser, { ...form.fields(text), submissionKey })
    const second = await form.submit(browser, { ...form.fields(text), submissionKey })
    expect(first.status).toBe(302)
    expect(first.location).toMatch(form.created)
    expect(second.status).toBe(302)
    expect(second.location).toBe(first.location)
    expect(await form.count(text)).toBe(1)
  })

  test('two submits with the same key at once: one row, and both replies lead to it', async () => {
    const browser = await member()
    const submissionKey = String(await form.render(browser))
    const text = unique('Skickat två gånger samtidigt')
    const [first, second] = await Promise.all([
      form.submit(browser, { ...form.fields(text), submissionKey }),
      form.submit(browser, { ...form.fields(text), submissionKey }),
    ])
    expect(first?.status).toBe(302)
    expect(first?.location).toMatch(form.created)
    expect(second?.location).toBe(first?.location)
    expect(await form.count(text)).toBe(1)
  })

  test('the same key from another member, a fresh form, or a page from before keys existed creates anew', async () => {
    const browser = await member()
    const other = await member()
    const submissionKey = String(await form.render(browser))
    const text = unique('Skickat från olika formulär')
    const mine = await form.submit(browser, { ...form.fields(text), submissionKey })
    const theirs = await form.submit(other, { ...form.fields(text), submissionKey })
    const fresh = await form.submit(browser, { ...form.fields(text), submissionKey: String(await form.render(browser)) })
    const withoutKey = await form.submit(browser, form.fields(text))
    const locations = [mine, theirs, fresh, withoutKey].map((result) => result.location)
    for (const location of locations) expect(location).toMatch(form.created)
    expect(new Set(locations).size).toBe(4)
    expect(await form.count(text)).toBe(4)
  })
})

test('a key longer than any form renders is refused with 400, and nothing is created', async () => {
  const browser = await member()
  const title = unique('Fråga med för lång nyckel')
  const result = await call(() => askAction(routeArgs(browser.post('/fragor/ny', { title, body: 'Text.', submissionKey: 'x'.repeat(200) }))))
  expect(result.status).toBe(400)
  expect(await prisma.post.count({ where: { title } })).toBe(0)
})
