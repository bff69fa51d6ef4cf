import { database } from '#tests/setup/database.ts'
import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { registryCsvPath, seedDatabase, DEMO_MEMBERS } from '#prisma/seed.ts'
import { listOrganisations } from '#app/models/organisation.server.ts'
import { applyMigrations, readMigrations } from '#app/utils/migrate.server.ts'
import { importRegistryCsv } from './registry.server.ts'
import { getSignUpOptions } from './sign-up.server.ts'

const { prisma } = database

describe('the organisation registry', () => {
  test('the shipped registry loads once and re-running updates instead of duplicating', async () => {
    const first = await seedDatabase({ demo: true })
    expect(first).toMatchObject({ created: 658, updated: 0, errors: [], demoMembers: DEMO_MEMBERS.length, demoPosts: 5 })
    expect(await prisma.organisation.count({ where: { type: 'kommun' } })).toBe(290)
    expect(await prisma.organisation.count({ where: { type: 'region' } })).toBe(21)

    const again = await seedDatabase({ demo: true })
    expect(again).toMatchObject({ created: 0, updated: 0, domainsAdded: 0, demoMembers: 0, demoPosts: 0 })
    expect(await prisma.organisation.count()).toBe(658)

    const renamed = fs.readFileSync(registryCsvPath, 'utf8').replace('Nacka kommun', 'Nacka kommun (ny)')
    expect(await importRegistryCsv(renamed)).toMatchObject({ created: 0, updated: 1 })
    expect(await prisma.organisation.count({ where: { name: 'Nacka kommun (ny)' } })).toBe(1)
    // Two full loads of the registry: more than the default 5 s on a busy 2-core machine.
  })

  test('real registry domains decide sign-up: shared, nested and unknown', async () => {
    const lansstyrelser = await getSignUpOptions('namn@lansstyrelsen.se')
    expect(lansstyrelser.kind === 'organisations' && lansstyrelser.organisations).toHaveLength(21)
    const ifau = await getSignUpOptions('namn@ifau.uu.se')
    expect(ifau.kind === 'organisations' && ifau.organisations.map((org) => org.name)).toEqual([
      'Institutet för arbetsmarknads- och utbildningspolitisk utvärdering',
    ])
    expect(await getSignUpOptions('namn@Kommun.Falkenberg.SE')).toMatchObject({ kind: 'organisations', organisations: [{ name: 'Falkenbergs kommun' }] })
    expect(await getSignUpOptions('namn@okand-organisation.se')).toMatchObject({ kind: 'unknown-domain', domain: 'okand-organisation.se' })
  })

  test('the registry list is in Swedish alphabetical order and keyset-paged to the end', async () => {
    const names: string[] = []
    let after: { sortKey: string; id: string } | undefined
    do {
      const page = await listOrganisations({ type: 'kommun', after })
      names.push(...page.organisations.map((org) => org.name))
      after = page.next ?? undefined
    } while (after)
    expect(names).toHaveLength(290)
    expect(names[0]).toBe('Ale kommun')
    expect(names.at(-1)).toBe('Övertorneå kommun')
    const firstA = names.findIndex((name) => name.startsWith('Å'))
    const firstAe = names.findIndex((name) => name.startsWith('Ä'))
    const firstO = names.findIndex((name) => name.startsWith('Ö'))
    expect(firstA).toBeGreaterThan(names.findIndex((name) => name.startsWith('Y')))
    expect(firstAe).toBeGreaterThan(firstA)
    expect(firstO).toBeGreaterThan(firstAe)
  })

  test('bad CSV rows are reported per row and the good rows still load', async () => {
    const csv =
      'type,code,name,county,org_number,domain,domain_source\nkommun,9999,Provkommunen,Testlän,,prov.example,source\nstiftelse,,Fel typ,,,,\nkommun,9998,Trasig domän,,,inte en domän,source\n'
    const result = await importRegistryCsv(csv)
    expect(result.created).toBe(1)
    expect(result.errors).toHaveLength(2)
    expect(result.errors[0]).toMatch(/^Rad 3:/)
    expect(result.errors[1]).toMatch(/^Rad 4: ogiltig domän/)
  })
})

describe('the migration runner', () => {
  test('re-running is a no-op and an edited, already applied migration is refused', async () => {
    const client = await database.pool.connect()
    try {
      expect(await applyMigrations(client)).toEqual([])
      const [first, ...rest] = readMigrations()
      if (!first) throw new Error('no migrations')
      await expect(applyMigrations(client, [{ ...first, checksum: 'edited' }, ...rest])).rejects.toThrow(/was changed after it was applied/)
    } finally {
      client.release()
    }
  })
})
