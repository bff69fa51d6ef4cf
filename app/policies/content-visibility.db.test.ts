import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { insertActor } from '#tests/factories.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { canSeeContent, contentOnPageWhere, visibleContentWhere, type ContentStatus } from './content.ts'
import { visibleContentSql } from './content-sql.server.ts'
import type { Actor } from './member.ts'

/**
 * The forms of "who sees which content" agree: the predicate `canSeeContent` (one record), the
 * Prisma wheres (`contentOnPageWhere` for what a page shows a viewer, `visibleContentWhere` for
 * lists, which is what someone without any rights sees) and the SQL form (`visibleContentSql`,
 * used by raw queries and the search triggers). Every viewer × status × author case is stored
 * as a post, an answer and a comment; each where runs through the database and must return
 * exactly the rows the predicate lets through.
 */
const { prisma } = database

const STATUSES: ContentStatus[] = ['visible', 'hidden', 'deleted']

type Row = { id: string; label: string; authorId: string | null; status: ContentStatus }
type Table = 'post' | 'answer' | 'comment'

const viewers: Record<string, Actor> = {}
const rows: Record<Table, Row[]> = { post: [], answer: [], comment: [] }

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

beforeAll(async () => {
  Object.assign(viewers, {
    member: await insertActor(prisma, { name: 'Vera Medlem' }),
    'suspended member': await insertActor(prisma, { name: 'Sune Avstängd', status: 'suspended' }),
    'pending member': await insertActor(prisma, { name: 'Vilma Väntande', status: 'pending' }),
    moderator: await insertActor(prisma, { name: 'Mona Moderator', role: 'moderator' }),
    'suspended moderator': await insertActor(prisma, { name: 'Mats Avstängd', role: 'moderator', status: 'suspended' }),
    admin: await insertActor(prisma, { name: 'Ada Admin', role: 'admin' }),
  })
  const authors: Record<string, string | null> = {
    ...Object.fromEntries(Object.entries(viewers).map(([label, viewer]) => [label, viewer.id])),
    'another member': (await insertActor(prisma, { name: 'Anna Annan' })).id,
    'a deleted account': null,
  }
  const parent = await prisma.post.create({
    data: { type: 'question', title: 'Frågan svaren hör till', body: doc('x'), bodyHtml: '', bodyText: 'x' },
    select: { id: true },
  })
  for (const status of STATUSES) {
    for (const [author, authorId] of Object.entries(authors)) {
      const label = `${status} by ${author}`
      const text = { body: doc(label), bodyHtml: '', bodyText: label }
      const select = { id: true } as const
      const post = await prisma.post.create({ data: { type: 'question', title: label, ...text, authorId, status }, select })
      const answer = await prisma.answer.create({ data: { postId: parent.id, ...text, authorId, status }, select })
      const comment = await prisma.comment.create({ data: { postId: parent.id, body: label, authorId, status }, select })
      rows.post.push({ id: post.id, label, authorId, status })
      rows.answer.push({ id: answer.id, label, authorId, status })
      rows.comment.push({ id: comment.id, label, authorId, status })
    }
  }
})

type Where = typeof visibleContentWhere | ReturnType<typeof contentOnPageWhere>

/** The labels of the table's rows that `where` returns, read from the database. */
async function selected(table: Table, where: Where): Promise<string[]> {
  const scope = { id: { in: rows[table].map((row) => row.id) }, ...where }
  const select = { id: true } as const
  const found =
    table === 'post'
      ? await prisma.post.findMany({ where: scope, select })
      : table === 'answer'
        ? await prisma.answer.findMany({ where: scope, select })
        : await prisma.comment.findMany({ where: scope, select })
  const ids = new Set(found.map((row) => row.id))
  return rows[table].filter((row) => ids.has(row.id)).map((row) => row.label)
}

const allowed = (table: Table, viewer: Actor | null) => rows[table].filter((row) => canSeeContent(viewer, row)).map((row) => row.label)

describe.each(['post', 'answer', 'comment'] as const)('%s: canSeeContent and the wheres agree', (table) => {
  test('contentOnPageWhere returns exactly what canSeeContent lets each viewer see', async () => {
    const fromWhere: Record<string, string[]> = {}
    const fromPredicate: Record<string, string[]> = {}
    for (const [label, viewer] of Object.entries(viewers)) {
      fromWhere[label] = await selected(table, contentOnPageWhere(viewer))
      fromPredicate[label] = allowed(table, viewer)
    }
    expect(fromWhere).toEqual(fromPredicate)
  })

  test('visibleContentWhere (every list) returns exactly what canSeeContent lets someone without rights see', async () => {
    expect(await selected(table, visibleContentWhere)).toEqual(allowed(table, null))
  })

  test('visibleContentSql (raw queries, search triggers) returns exactly what visibleContentWhere returns', async () => {
    const tableName = Prisma.raw(`"${table[0]?.toUpperCase()}${table.slice(1)}"`)
    const ids = rows[table].map((row) => row.id)
    const found = await prisma.$queryRaw<{ id: string }[]>`SELECT t."id" FROM ${tableName} t WHERE t."id" = ANY(${ids}::text[]) AND ${visibleContentSql('t')}`
    const foundIds = new Set(found.map((row) => row.id))
    expect(rows[table].filter((row) => foundIds.has(row.id)).map((row) => row.label)).toEqual(await selected(table, visibleContentWhere))
  })

  test('the table covers each rule: own hidden content, moderators, and what nobody else sees', () => {
    const labels = (viewer: Actor | null) => allowed(table, viewer)
    expect(labels(viewers.member ?? null)).toContain('hidden by member')
    expect(labels(viewers.member ?? null)).not.toContain('deleted by member')
    expect(labels(viewers.moderator ?? null)).toHaveLength(rows[table].length)
    expect(labels(viewers['suspended moderator'] ?? null)).not.toContain('hidden by another member')
    expect(labels(null)).toEqual(rows[table].filter((row) => row.status === 'visible').map((row) => row.label))
  })
})

test('the search triggers decide visibility through the same SQL function', async () => {
  const triggers = await prisma.$queryRaw<{ name: string; definition: string }[]>`
    SELECT t.tgname::text AS "name", pg_get_triggerdef(t.oid) AS "definition"
    FROM pg_trigger t WHERE NOT t.tgisinternal AND t.tgname LIKE '%search%' AND pg_get_triggerdef(t.oid) LIKE '%status%'`
  expect(triggers.map((trigger) => trigger.name).sort()).toEqual([
    'Answer_search_hide_marker_deleted',
    'Answer_search_hide_marker_hidden',
    'Post_search_document_hidden',
    'Post_search_hide_marker_deleted',
    'Post_search_hide_marker_hidden',
  ])
  for (const trigger of triggers) {
    expect(trigger.definition).toContain('samverka_content_visible')
    expect(trigger.definition).not.toMatch(/'visible'/)
  }
})
