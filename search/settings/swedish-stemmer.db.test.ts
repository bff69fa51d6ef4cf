import { database } from '#tests/setup/database.ts'
import { expect, test } from 'vitest'
import { stemSwedish } from './swedish-stemmer.ts'

const { prisma } = database

const WORDS = `kommunerna kommun kommunen kommuner kommunernas upphandling upphandlingen upphandlingar upphandlingsunderlag
  arkivet arkiveringen arkiven tjänsterna friskt fröknarnn hälsosamt möjligheten möjligheterna löst fullt lösningar
  verksamheterna verksamhet skolorna förskolan förskolor regionerna myndigheterna myndighet digitaliseringen digitala
  socialtjänsten socialtjänstlagen dataskyddsförordningen processautomatisering robotiserad projektet projekten
  samverkan samarbete samarbetspartner erfarenheter utvecklingen utvecklade handläggare handläggarna ärendehantering
  ärenden ärendet beslutet besluten invånarna tillgänglighet tillgängliga öppna öppen datan systemet lagringen
  personuppgifterna ekonomiska säkerheten informationssäkerhet rutinerna medarbetarna chefen ledningen bygglovet
  avloppet miljön klimatet hemtjänsten äldreomsorgen vårdens skolans barnen eleverna lärarna biblioteken tyskt
  kraftfullt gemensamma gemensamt nationella nationellt riktlinjerna stödet servicen lagen lagarna försäkringskassan
  arbetsförmedlingen skatteverket anskaffningen avtalet ramavtalet piloterna testade dokumentationen mallarna guiden
  koden dataseten öppenhet effektiviseringen besparingar kostnaden gruppbostäder ledsagarservice`
  .split(/\s+/)
  .filter(Boolean)

test("the stemmer agrees with PostgreSQL's swedish_stem dictionary", async () => {
  const rows = await prisma.$queryRaw<{ word: string; stem: string | null }[]>`
    SELECT word, (ts_lexize('swedish_stem', word))[1] AS stem FROM unnest(${WORDS}::text[]) AS word`
  const differences = rows.filter((row) => row.stem !== null && row.stem !== stemSwedish(row.word))
  expect(differences).toEqual([])
  expect(rows.filter((row) => row.stem !== null).length).toBeGreaterThan(100)
})
