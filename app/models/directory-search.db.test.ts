import { database } from '#tests/setup/database.ts'
import { beforeAll, describe, expect, test } from 'vitest'
import { buildMember, insertMember, insertOrganisation } from '#tests/factories.ts'
import { directoryQuery, getOrganisationNames, memberSearchSql, searchMembers, searchOrganisations } from './directory-search.server.ts'

const { prisma } = database

let organisation: { id: string; name: string; slug: string }

beforeAll(async () => {
  organisation = await insertOrganisation(prisma, { name: 'Örnsköldsviks Zygotkommun', type: 'kommun', county: 'Västernorrlands län' })
  await insertOrganisation(prisma, { name: 'Zygotverket', type: 'myndighet' })
  await insertMember(prisma, { name: 'Zäta Åkesson-Zygot', title: 'Arkivarie', organisationId: organisation.id })
  await insertMember(prisma, { name: 'Zenobia Zygotsson', title: 'Upphandlare', organisationId: organisation.id })
  for (const status of ['pending', 'rejected', 'suspended'] as const) {
    await insertMember(prisma, { name: `Zygot Dold ${status}`, title: 'Arkivarie', status, organisationId: organisation.id })
  }
})

describe('directory search', () => {
  test('finds organisations by name, without accents and with a typo', async () => {
    const names = async (query: string) => (await searchOrganisations(query)).map((found) => found.name)
    expect(await names('zygotkommun')).toEqual(['Örnsköldsviks Zygotkommun'])
    expect(await names('ornskoldsviks')).toEqual(['Örnsköldsviks Zygotkommun'])
    expect(await names('Zygotkomun')).toEqual(['Örnsköldsviks Zygotkommun'])
    expect(await names('zygotverket')).toEqual(['Zygotverket'])
    // Words match from their start, not from anywhere inside: "kommun" is not "Zygotkommun".
    expect(await names('kommun')).not.toContain('Örnsköldsviks Zygotkommun')
    expect(await names('Örnsköldsviks Zyg')).toEqual(['Örnsköldsviks Zygotkommun'])
    expect(await searchOrganisations('zygotkommun')).toEqual([
      { id: organisation.id, name: 'Örnsköldsviks Zygotkommun', slug: organisation.slug, type: 'kommun', county: 'Västernorrlands län' },
    ])
  })

  test('finds active members by name or title, without accents and with a typo, with their organisation', async () => {
    const names = async (query: string) => (await searchMembers(query)).map((found) => found.name)
    expect(await names('Zeta Akesson')).toEqual(['Zäta Åkesson-Zygot'])
    expect(await names('zenobia zygotson')).toEqual(['Zenobia Zygotsson'])
    expect(await names('zygotsson upphandlare')).toEqual(['Zenobia Zygotsson'])
    expect(await searchMembers('Zenobia')).toEqual([
      { id: expect.any(String), name: 'Zenobia Zygotsson', title: 'Upphandlare', organisation: { name: organisation.name, slug: organisation.slug } },
    ])
  })

  test('never finds pending, rejected or suspended members', async () => {
    const found = (await searchMembers('zygot', { limit: 50 })).map((member) => member.name)
    expect(found.sort()).toEqual(['Zenobia Zygotsson', 'Zäta Åkesson-Zygot'])
    for (const query of ['Zygot Dold', 'Zygot Dold suspended', 'Dold pending']) {
      expect((await searchMembers(query)).map((member) => member.name)).not.toContainEqual(expect.stringContaining('Dold'))
    }
  })

  test('query syntax, wildcards and too-short queries find nothing instead of everything', async () => {
    expect(directoryQuery('"%_\\ ab')).toBeNull()
    expect(await searchMembers('%%%')).toEqual([])
    expect(await searchOrganisations('_')).toEqual([])
    expect(await searchMembers('x'.repeat(10_000))).toEqual([])
    expect(directoryQuery('"Zygot" -verket')).toBe('Zygot verket')
  })

  test('display names for organisation slugs in one lookup', async () => {
    expect(await getOrganisationNames([organisation.slug, 'finns-inte'])).toEqual({ [organisation.slug]: organisation.name })
    expect(await getOrganisationNames([])).toEqual({})
  })

  // Loading 4,000 members takes a few seconds on PGlite.
  test('with thousands of members the member search uses the trigram index', async () => {
    const members = Array.from({ length: 4000 }, (_, index) =>
      buildMember({ name: `Medlem Nummer${index} Efternamn${index % 97}`, title: `Roll ${index % 13}` }),
    )
    await prisma.user.createMany({ data: members })
    // What autovacuum does in production: VACUUM also refreshes the GIN index's own statistics,
    // without which the planner badly overestimates a trigram scan on a partial index.
    await prisma.$executeRaw`VACUUM ANALYZE "User"`
    const plan = (await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN ${memberSearchSql('Zygotsson', 5)}`).map((row) => row['QUERY PLAN']).join('\n')
    expect(plan).toContain('User_nameTitleFolded_trgm_idx')
    expect(plan).not.toMatch(/Seq Scan on "User"/)
  })
})
