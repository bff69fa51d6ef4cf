import { describe, expect, test } from 'vitest'
import { SETTINGS_VERSION, stopWords, synonymMap, synonyms, synonymVariants } from './index.ts'

describe('settings files', () => {
  test('a positive integer version, lower-case synonyms, Swedish stop words', () => {
    expect(Number.isInteger(SETTINGS_VERSION) && SETTINGS_VERSION > 0).toBe(true)
    expect(synonyms.equivalents.length).toBeGreaterThan(5)
    expect(stopWords).toEqual(expect.arrayContaining(['och', 'att', 'för', 'på', 'är']))
    expect(new Set(stopWords).size).toBe(stopWords.length)
  })

  test('equivalents find each other; one-way entries only forward', () => {
    const map = synonymMap()
    expect(map.get('lss')).toEqual(['lag om stöd och service'])
    expect(map.get('lag om stöd och service')).toEqual(['lss'])
    expect(map.get('gdpr')).toEqual(expect.arrayContaining(['dataskydd', 'dataskyddsförordningen']))
    expect(map.get('upphandlingsunderlag')).toEqual(['upphandling'])
    expect(map.get('upphandling')).toBeUndefined()
  })
})

describe('synonymVariants', () => {
  test('the query first, then the query with each synonym (multi-word ones as phrases)', () => {
    expect(synonymVariants('LSS boende')).toEqual(['LSS boende', '"lag om stöd och service" boende'])
    expect(synonymVariants('lag om stöd och service')).toEqual(['lag om stöd och service', 'lss'])
  })

  test('inside quotes a multi-word replacement is not quoted again', () => {
    expect(synonymVariants('"LSS boende"')).toEqual(['"LSS boende"', '"lag om stöd och service boende"'])
  })

  test('matches whole terms only, in any case', () => {
    expect(synonymVariants('class')).toEqual(['class'])
    expect(synonymVariants('SoL-beslut')).toEqual(['SoL-beslut'])
    expect(synonymVariants('GDPR')).toEqual(['GDPR', 'dataskydd', 'dataskyddsförordningen'])
    expect(synonymVariants('E-ARKIV')).toEqual(['E-ARKIV', 'earkiv', '"elektroniskt arkiv"'])
  })

  test('several terms: fewest replacements first, at most 16 variants', () => {
    const variants = synonymVariants('LSS SoL GDPR e-arkiv RPA')
    expect(variants[0]).toBe('LSS SoL GDPR e-arkiv RPA')
    // Four terms are expanded (RPA, the fifth, is not); each single replacement comes before any pair.
    expect(variants.slice(1, 7).sort()).toEqual(
      [
        '"lag om stöd och service" SoL GDPR e-arkiv RPA',
        'LSS socialtjänstlagen GDPR e-arkiv RPA',
        'LSS SoL dataskydd e-arkiv RPA',
        'LSS SoL dataskyddsförordningen e-arkiv RPA',
        'LSS SoL GDPR earkiv RPA',
        'LSS SoL GDPR "elektroniskt arkiv" RPA',
      ].sort(),
    )
    expect(variants).toHaveLength(16)
  })

  test('no known term: just the query', () => {
    expect(synonymVariants('')).toEqual([''])
    expect(synonymVariants('öppen källkod')).toEqual(['öppen källkod'])
  })
})
