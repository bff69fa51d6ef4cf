import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { ArtifactKind, PostType, ProjectStatus } from './types.ts'

/**
 * Test data for search/'s tests (imported only by *.test.ts): posts written straight to the
 * database as the services would store them, with tags, answers and (optionally) the outbox
 * row every content write adds. search/ never imports app/services, so its tests don't either.
 */
export type PostFixture = {
  type: PostType
  title: string
  body: string
  tags?: string[]
  status?: 'visible' | 'hidden' | 'deleted'
  organisationId?: string | null
  projectStatus?: ProjectStatus
  artifactKind?: ArtifactKind
  seekingPartners?: boolean
  createdAt?: Date
  answers?: { text: string; status?: 'visible' | 'hidden' | 'deleted' }[]
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

export async function insertPost(prisma: PrismaClient, fixture: PostFixture, { outbox = false } = {}) {
  const createdAt = fixture.createdAt ?? new Date()
  const post = await prisma.post.create({
    data: {
      type: fixture.type,
      title: fixture.title,
      body: doc(fixture.body),
      bodyHtml: '',
      bodyText: fixture.body,
      status: fixture.status ?? 'visible',
      organisationId: fixture.organisationId ?? null,
      projectStatus: fixture.projectStatus ?? (fixture.type === 'project' ? 'ongoing' : null),
      artifactKind: fixture.artifactKind ?? (fixture.type === 'artifact' ? 'document' : null),
      seekingPartners: fixture.seekingPartners ?? false,
      createdAt,
      activityAt: createdAt,
    },
    select: { id: true },
  })
  for (const name of fixture.tags ?? []) {
    const tag = await prisma.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })
    await prisma.postTag.create({ data: { postId: post.id, tagId: tag.id, postActivityAt: createdAt } })
  }
  for (const answer of fixture.answers ?? []) {
    await prisma.answer.create({
      data: { postId: post.id, body: doc(answer.text), bodyHtml: '', bodyText: answer.text, status: answer.status ?? 'visible' },
    })
  }
  if (outbox) await enqueue(prisma, 'post', post.id)
  return post.id
}

/** `count` questions titled `title` and a number, each with one visible answer `answer`, in a few statements (volume tests); with their outbox rows. */
export async function insertAnsweredQuestions(
  prisma: PrismaClient,
  count: number,
  { title, answer, createdAt }: { title: string; answer: string; createdAt: Date },
) {
  const posts = await prisma.post.createManyAndReturn({
    data: Array.from({ length: count }, (_, index) => {
      const body = `${title} ${index + 1}?`
      return { type: 'question' as const, title: `${title} ${index + 1}`, body: doc(body), bodyHtml: '', bodyText: body, createdAt, activityAt: createdAt }
    }),
    select: { id: true },
  })
  const ids = posts.map((post) => post.id)
  await prisma.answer.createMany({ data: ids.map((postId) => ({ postId, body: doc(answer), bodyHtml: '', bodyText: answer })) })
  await prisma.searchOutbox.createMany({ data: ids.map((entityId) => ({ entityType: 'post', entityId, operation: 'upsert' })) })
  return ids
}

/** What every service write adds to the outbox in its transaction. */
export async function enqueue(prisma: PrismaClient, entityType: string, entityId: string) {
  await prisma.searchOutbox.create({ data: { entityType, entityId, operation: 'upsert' }, select: { id: true } })
}

/** Changes a post's status as content moderation would (plus its outbox row). */
export async function setStatus(prisma: PrismaClient, postId: string, status: 'visible' | 'hidden' | 'deleted') {
  await prisma.post.update({ where: { id: postId }, data: { status }, select: { id: true } })
  await enqueue(prisma, 'post', postId)
}
