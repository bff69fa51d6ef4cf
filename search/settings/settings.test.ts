import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { toPostDocument, type PostDocumentRow } from '../documents/post.ts'
import { meiliSettings, toMeiliDocument } from '../meilisearch/translate.ts'
import { SETTINGS_VERSION, stopWords, synonymMap, synonyms, synonymVariants } from './index.ts'

/**
 * What SETTINGS_VERSION stands for, as the engines see it: the synonyms and stop words, the
 * Meilisearch index settings, and the document a post becomes (its fields and, through the
 * stems, the Swedish stemmer). Computed from values, not file bytes, so reformatting a file
 * changes nothing. The PostgreSQL engine's tsvector (weights, `swedish` configuration) is SQL
 * in search/postgres/engine.ts and not covered here.
 */
function settingsFingerprint(): string {
  const row: PostDocumentRow = {
    id: 'fingerprint',
    type: 'question',
    title: 'Hur arkiverar kommunerna e-posten i sina e-arkiv enligt LSS?',
    bodyText: 'Handläggarna exporterar meddelandena till arkivsystemet. Upphandlingsunderlaget är färdigt.',
    status: 'visible',
    projectStatus: null,
    artifactKind: null,
    seekingPartners: false,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    activityAt: new Date('2026-11-02T10:00:00Z'),
    organisation: { name: 'Malmö stad', slug: 'malmo-stad', type: 'kommun', county: 'Skåne län' },
    tags: [{ tag: { name: 'e-arkiv' } }, { tag: { name: 'gallring' } }],
    answers: [{ bodyText: 'Vi gallrar efter två år och bevarar besluten.' }],
    files: [{ extractedText: 'Kravspecifikation för elektroniska arkiv' }],
  }
  const { settingsVersion: _version, ...document } = toMeiliDocument(toPostDocument(row))
  const settings = { synonyms, stopWords, meili: meiliSettings(), document }
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex')
}

/** Change both together: a settings change without a version bump leaves indexes built under the old settings in place. */
const PINNED = { version: 1, fingerprint: '48834cf873a830894e6d43d0e1fb7e98033c87ddd32d0c187e4e6b37ba1c4047' }

describe('settings files', () => {
  test('a change of the settings comes with a SETTINGS_VERSION bump (then pin the new fingerprint here)', () => {
    expect({ version: SETTINGS_VERSION, fingerprint: settingsFingerprint() }).toEqual(PINNED)
  })

  test('lower-case synonyms, Swedish stop words', () => {
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
