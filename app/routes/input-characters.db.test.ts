import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Actor } from '#app/policies/member.ts'
import { createProject } from '#app/services/post.server.ts'
import { askQuestion } from '#app/services/question.server.ts'
import { plainTextToDocument } from '#app/editor/document.ts'
import { encodeCursor } from '#app/utils/cursor.ts'
import { buildProjectInput, insertActor } from '#tests/factories.ts'
import { BASE_URL, Browser, call, routeArgs } from '#tests/request.ts'
import { action as reportAction } from './anmal.tsx'
import { action as askAction } from './fragor.ny.tsx'
import { action as questionAction } from './fragor.$questionId._index.tsx'
import { action as profileAction } from './installningar._index.tsx'
import { loader as artifactsLoader } from './material._index.tsx'
import { action as newProjectAction } from './projekt.ny.tsx'
import { action as projectAction, loader as projectLoader } from './projekt.$postId._index.tsx'

/**
 * What members type, whatever the form: a NUL character (PostgreSQL refuses it) is a 400 with a
 * Swedish message and nothing is stored; invisible bidi and format controls are removed from
 * what is stored. Route parameters and queries with NUL are refused by the HTTP server
 * (tests/e2e/bad-input.spec.ts).
 */
const { prisma } = database
const NUL_MESSAGE = 'Formuläret innehåller otillåtna tecken. Ta bort dem och försök igen.'

let member: Actor
let browser: Browser

beforeAll(async () => {
  member = await insertActor(prisma, { name: 'Nora Nollbyte' })
  browser = new Browser()
  await browser.signInAs(member.id)
})

const post = (path: string, fields: Record<string, string>) => browser.post(path, fields)

function multipartPost(path: string, fields: Record<string, string>) {
  const form = new FormData()
  form.append('csrf', browser.csrfToken)
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  const headers = new Headers(browser.get('/').headers)
  headers.set('Origin', BASE_URL)
  return new Request(`${BASE_URL}${path}`, { method: 'POST', body: form, headers })
}

function expectRefused(result: { status: number; data: unknown }) {
  expect(result.status).toBe(400)
  expect(result.data).toMatchObject({ id: 'bad-request', message: NUL_MESSAGE })
}

describe('a NUL character in a form field is a 400, and nothing is stored', () => {
  test('a question’s title', async () => {
    const title = 'Fråga med nolltecken\u0000 i rubriken'
    expectRefused(await call(() => askAction(routeArgs(post('/fragor/ny', { title, body: 'Vad gör ni åt det här?', tags: '' })))))
    expect(await prisma.post.count({ where: { title: { startsWith: 'Fråga med nolltecken' } } })).toBe(0)
  })

  test('a project’s title in a multipart form (the form that takes files)', async () => {
    const fields = { title: 'Projekt med nolltecken\u0000', body: 'Beskrivning av projektet.', projectStatus: 'ongoing' }
    expectRefused(await call(() => newProjectAction(routeArgs(multipartPost('/projekt/ny', fields)))))
    expect(await prisma.post.count({ where: { title: { startsWith: 'Projekt med nolltecken' } } })).toBe(0)
  })

  test('an answer’s body, typed (plain text) or from the editor (JSON with \\u0000)', async () => {
    const question = await askQuestion(member, { title: 'En fråga som får svar med nolltecken', body: plainTextToDocument('Fråga.'), tags: [] })
    const path = `/fragor/${question.id}`
    expectRefused(await call(() => questionAction(routeArgs(post(path, { intent: 'answer', body: 'Svar\u0000 med nolltecken' }), { questionId: question.id }))))
    const json = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Svar\u0000 i JSON' }] }] })
    expect(json).toContain('\\u0000')
    const fromEditor = await call(() => questionAction(routeArgs(post(path, { intent: 'answer', body: json }), { questionId: question.id })))
    expect(fromEditor.status).toBe(400)
    expect(await prisma.answer.count({ where: { postId: question.id } })).toBe(0)
  })

  test('a comment', async () => {
    const project = await createProject(member, buildProjectInput('Projekt som får en kommentar med nolltecken'))
    const result = await call(() =>
      projectAction(routeArgs(post(`/projekt/${project.id}`, { intent: 'comment', comment: 'Bra\u0000!' }), { postId: project.id })),
    )
    expectRefused(result)
    expect(await prisma.comment.count({ where: { postId: project.id } })).toBe(0)
  })

  test('the profile name', async () => {
    expectRefused(await call(() => profileAction(routeArgs(post('/installningar', { name: 'Nora\u0000 Nollbyte', title: '', interests: '' })))))
    expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { name: true } })).toEqual({ name: 'Nora Nollbyte' })
  })

  test('a report’s text', async () => {
    const author = await insertActor(prisma)
    const project = await createProject(author, buildProjectInput('Projekt som anmäls med nolltecken'))
    const path = `/anmal?typ=post&id=${project.id}`
    expectRefused(await call(() => reportAction(routeArgs(post(path, { reason: 'other', details: 'Fel\u0000 i texten' })))))
    expect(await prisma.report.count({ where: { targetId: project.id } })).toBe(0)
  })

  test('a field name (the value is clean)', async () => {
    expectRefused(await call(() => profileAction(routeArgs(post('/installningar', { name: 'Nora Nollbyte', 'title\u0000': 'x' })))))
  })
})

describe('other places a NUL can come in', () => {
  test('a paging cursor whose values hold a NUL is ignored (the first page)', async () => {
    const cursor = encodeCursor({ activityAt: '2026-01-01T00:00:00.000Z', id: '\u0000' })
    const result = await call(() => artifactsLoader(routeArgs(browser.get(`/material?efter=${cursor}`))))
    expect(result.status).toBe(200)
  })

  test('a session cookie holding a NUL is no session (sent to sign in)', async () => {
    const project = await createProject(member, buildProjectInput('Projekt som nås med en trasig kaka'))
    const request = new Request(`${BASE_URL}/projekt/${project.id}`, { headers: { Cookie: 'samverka_session=%00' } })
    const result = await call(() => projectLoader(routeArgs(request, { postId: project.id })))
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/^\/logga-in\?redirectTo=/)
  })
})

describe('bidi and other invisible format controls are removed from what members type', () => {
  test('a question’s title with a right-to-left override is stored without it', async () => {
    const result = await call(() =>
      askAction(routeArgs(post('/fragor/ny', { title: 'Faktura\u202Efdp.exe och\u2066 isolat\u2069', body: 'Vad betyder det?', tags: 'e-arkiv\u200F' }))),
    )
    expect(result.status).toBe(302)
    const stored = await prisma.post.findFirstOrThrow({
      where: { authorId: member.id, title: { startsWith: 'Faktura' } },
      select: { title: true, tags: { select: { tag: { select: { name: true } } } } },
    })
    expect(stored.title).toBe('Fakturafdp.exe och isolat')
    expect(stored.tags.map((item) => item.tag.name)).toEqual(['e-arkiv'])
  })

  test('the profile’s name and title, and a comment (multi-line: its line breaks stay)', async () => {
    const saved = await call(() =>
      profileAction(routeArgs(post('/installningar', { name: '\u202EAnna\u200E Svensson', title: 'Utvecklare\u202C\n på\tIT', interests: 'rpa\u2067' }))),
    )
    expect(saved.status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id }, select: { name: true, title: true, interests: true } })).toEqual({
      name: 'Anna Svensson',
      title: 'Utvecklare på IT',
      interests: ['rpa'],
    })

    const project = await createProject(member, buildProjectInput('Projekt som får en kommentar med bidi'))
    const commented = await call(() =>
      projectAction(
        routeArgs(post(`/projekt/${project.id}`, { intent: 'comment', comment: 'Första\u202E raden\r\nAndra\u2066 raden' }), { postId: project.id }),
      ),
    )
    expect(commented.status).toBeLessThan(400)
    expect(await prisma.comment.findFirstOrThrow({ where: { postId: project.id }, select: { body: true } })).toEqual({ body: 'Första raden\nAndra raden' })
  })
})
