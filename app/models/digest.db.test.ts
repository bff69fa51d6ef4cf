import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { plainTextToDocument } from '#app/editor/document.ts'
import type { Actor } from '#app/policies/member.ts'
import { addComment } from '#app/services/engagement.server.ts'
import { follow } from '#app/services/follow.server.ts'
import { createProject } from '#app/services/post.server.ts'
import { answerQuestion, askQuestion } from '#app/services/question.server.ts'
import type { DigestPeriod } from '#app/utils/digest-schedule.ts'
import { buildProjectInput, insertActor, insertOrganisation } from '#tests/factories.ts'
import { buildDigest, loadDigestWeek, type DigestMember } from './digest.server.ts'
import { deleteContent } from '#app/services/content-moderation.server.ts'

const { prisma } = database

const project = (title: string, tags: string[], seekingPartners = false) => buildProjectInput(title, { tags, seekingPartners })

const actor = (overrides: Parameters<typeof insertActor>[1] = {}) => insertActor(prisma, overrides)

let reader: Actor
let period: DigestPeriod
let digestMember: DigestMember

const titlesBySection = async (member = digestMember, at = period) => {
  const digest = await buildDigest(member, await loadDigestWeek(at))
  return Object.fromEntries(
    digest.sections.map((section) => [section.key, section.items.map((item) => `${item.title}${item.detail ? ` (${item.detail})` : ''}`)]),
  )
}

beforeAll(async () => {
  const home = await insertOrganisation(prisma, {
    name: 'Läsarkommunen',
    county: 'Digestlän',
  })
  const neighbour = await insertOrganisation(prisma, {
    name: 'Grannkommunen',
    county: 'Digestlän',
  })
  const followedOrganisation = await insertOrganisation(prisma, {
    name: 'Följda verket',
    type: 'myndighet',
  })
  const elsewhere = await insertOrganisation(prisma, {
    name: 'Fjärran kommun',
    county: 'Annat län',
  })
  reader = await actor({ name: 'Rebecka Läsare', organisationId: home.id })
  const neighbourAuthor = await actor({ organisationId: neighbour.id })
  const agencyAuthor = await actor({ organisationId: followedOrganisation.id })
  const farAuthor = await actor({ organisationId: elsewhere.id })
  const moderator = await actor({ role: 'moderator' })

  // Last week: outside the period.
  const old = await createProject(agencyAuthor, project('Förra veckans projekt från verket', []))
  await prisma.post.update({
    where: { id: old.id },
    data: { createdAt: new Date(Date.now() - 10 * 24 * 3600 * 1000) },
  })

  period = {
    week: '2026-W48',
    from: new Date(Date.now() - 24 * 3600 * 1000),
    to: new Date(Date.now() + 60 * 60 * 1000),
  }
  digestMember = {
    id: reader.id,
    organisationId: home.id,
    sectionsOff: [],
    interests: ['Bredband'],
  }

  await askQuestion(farAuthor, {
    title: 'Fråga om skolskjuts',
    body: plainTextToDocument('?'),
    tags: ['skolskjuts'],
  })
  await follow(reader, { type: 'tag', key: 'skolskjuts' })
  await follow(reader, { type: 'organisation', key: followedOrganisation.id })
  await createProject(agencyAuthor, project('Verkets nya projekt', []))
  await createProject(reader, project('Läsarens eget projekt om skolskjuts', ['skolskjuts', 'e-arkiv']))
  const hidden = await createProject(agencyAuthor, project('Borttaget projekt från verket', []))
  await deleteContent(moderator, {
    targetType: 'post',
    targetId: hidden.id,
    reason: 'Dubblett',
  })

  const mine = await askQuestion(reader, {
    title: 'Läsarens fråga om e-arkiv',
    body: plainTextToDocument('?'),
    tags: [],
  })
  await answerQuestion(farAuthor, mine.id, plainTextToDocument('Svar ett.'))
  await answerQuestion(neighbourAuthor, mine.id, plainTextToDocument('Svar två.'))
  await addComment(farAuthor, (await createProject(farAuthor, project('Livligt projekt i fjärran', []))).id, 'Kommentar ett')
  const lively = await prisma.post.findFirstOrThrow({
    where: { title: 'Livligt projekt i fjärran' },
    select: { id: true },
  })
  await addComment(neighbourAuthor, lively.id, 'Kommentar två')

  await createProject(neighbourAuthor, project('Grannens projekt i länet', []))
  await createProject(farAuthor, project('Partnerprojekt om e-arkiv', ['e-arkiv'], true))
  await createProject(farAuthor, project('Partnerprojekt om bredband', ['bredband'], true))
  await actor({
    name: 'Nya Kollegan',
    title: 'Arkivarie',
    organisationId: home.id,
  })
})

describe('a member’s weekly digest', () => {
  test('has each section with what the member may see and has not written, only from the period', async () => {
    expect(await titlesBySection()).toEqual({
      answers: ['Läsarens fråga om e-arkiv (Fråga · Läsarkommunen · 2 nya svar)'],
      partners: ['Partnerprojekt om bredband (Projekt · Fjärran kommun)', 'Partnerprojekt om e-arkiv (Projekt · Fjärran kommun)'],
      followed: ['Verkets nya projekt (Projekt · Följda verket)', 'Fråga om skolskjuts (Fråga · Fjärran kommun)'],
      county: ['Grannens projekt i länet (Projekt · Grannkommunen)'],
      active: ['Livligt projekt i fjärran (Projekt · Fjärran kommun · 2 nya svar och kommentarer)'],
      colleagues: ['Nya Kollegan (Arkivarie)'],
    })
  })

  test('leaves out sections the member turned off, and items an earlier digest already had', async () => {
    const verket = await prisma.post.findFirstOrThrow({
      where: { title: 'Verkets nya projekt' },
      select: { id: true },
    })
    await prisma.digestSentItem.create({
      data: {
        userId: reader.id,
        itemKey: `post:${verket.id}`,
        week: '2026-W47',
      },
    })
    const sections = await titlesBySection({
      ...digestMember,
      sectionsOff: ['colleagues', 'active', 'county'],
    })
    expect(Object.keys(sections)).toEqual(['answers', 'partners', 'followed'])
    expect(sections.followed).toEqual(['Fråga om skolskjuts (Fråga · Fjärran kommun)'])
    await prisma.digestSentItem.deleteMany({ where: { userId: reader.id } })
  })

  test('is empty for a member with nothing to hear about', async () => {
    const loner = await actor({ organisationId: null })
    const digest = await buildDigest(
      {
        id: loner.id,
        organisationId: null,
        sectionsOff: ['active'],
        interests: [],
      },
      await loadDigestWeek(period),
    )
    expect(digest.sections).toEqual([])
  })
})
