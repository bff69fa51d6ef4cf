import type { SearchResponse } from 'meilisearch'
import { describe, expect, test } from 'vitest'
import { MARK_END, MARK_START } from '../highlight.ts'
import { normalizeSearchInput } from '../query.ts'
import { SETTINGS_VERSION } from '../settings/index.ts'
import type { SearchDocument, SearchOptions } from '../types.ts'
import {
  buildMeiliSearches,
  fromMeiliId,
  fromMeiliResults,
  meiliFilter,
  meiliQueryText,
  meiliSettings,
  PENDING_EXCLUSION_MAX,
  pendingExclusion,
  quoteFilterValue,
  toMeiliDocument,
  toMeiliId,
} from './translate.ts'

const normalized = (query: string, options: SearchOptions = {}) => normalizeSearchInput(query, options)

const doc: SearchDocument = {
  id: 'post:abc123',
  entityType: 'post',
  entityId: 'abc123',
  type: 'question',
  title: 'Kommunerna och e-arkivet',
  text: 'Handläggarna arkiverar.',
  tags: ['e-arkiv'],
  organisationName: 'Malmö stad',
  organisationSlug: 'malmo-stad',
  organisationType: 'kommun',
  county: 'Skåne län',
  projectStatus: null,
  artifactKind: null,
  seekingPartners: false,
  status: 'visible',
  createdAt: Date.parse('2026-11-01T10:00:00Z'),
  activityAt: Date.parse('2026-11-02T10:00:00Z'),
}

describe('documents', () => {
  test('ids are made Meilisearch-safe and back', () => {
    expect(toMeiliId('post:abc123')).toBe('post-abc123')
    expect(fromMeiliId('post-abc123')).toBe('post:abc123')
  })

  test('carry Swedish stems and the settings version', () => {
    const meili = toMeiliDocument(doc)
    expect(meili.id).toBe('post-abc123')
    expect(meili.settingsVersion).toBe(SETTINGS_VERSION)
    expect(meili.stems.split(' ')).toEqual(expect.arrayContaining(['kommun', 'handlägg', 'arkiver']))
  })
})

describe('settings', () => {
  test('searchable, filterable and sortable attributes, stop words, typo tolerance', () => {
    const settings = meiliSettings()
    expect(settings.searchableAttributes?.[0]).toBe('title')
    expect(settings.searchableAttributes).toContain('stems')
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['status', 'type', 'tags', 'id', 'settingsVersion']))
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(['createdAt']))
    expect(settings.stopWords).toContain('och')
    expect(settings.typoTolerance).toMatchObject({ enabled: true })
  })

  test('synonyms both ways, for the words as typed and as stemmed', () => {
    const synonyms = meiliSettings().synonyms ?? {}
    expect(synonyms['lss']).toEqual(expect.arrayContaining(['lag om stöd och service']))
    expect(synonyms['lag om stöd och service']).toEqual(['lss'])
    expect(synonyms['socialtjänstlag']).toEqual(['sol'])
    expect(synonyms['upphandlingsunderlag']).toEqual(['upphandling'])
    expect(synonyms['upphandling']).toBeUndefined()
  })
})

describe('queries', () => {
  test('words are stemmed; phrases and negations keep their syntax', () => {
    expect(meiliQueryText('kommunerna -handläggarna "öppna data"')).toBe('kommun -handlägg "öppna data"')
    expect(meiliQueryText('"unbalanced')).toBe('"unbalanced')
  })

  test('filter values are quoted with quotes and backslashes escaped', () => {
    expect(quoteFilterValue('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"')
    expect(meiliFilter({ tags: ['" OR status = "hidden'] })).toEqual(['status = "visible"', ['tags = "\\" OR status = \\"hidden"']])
  })

  test('visible only, excluded ids, alternatives per field, booleans and dates', () => {
    const filter = meiliFilter({ type: ['question', 'project'], seekingPartners: true, createdFrom: new Date(1000), createdTo: new Date(2000) }, ['post:x1'])
    expect(filter).toEqual([
      'status = "visible"',
      'id NOT IN ["post-x1"]',
      ['type = "question"', 'type = "project"'],
      'seekingPartners = true',
      'createdAt >= 1000',
      'createdAt <= 2000',
    ])
  })

  test('one request for the hits, one count request per filtered facet without its own filter', () => {
    const search = normalized('kommunerna', { filters: { type: ['question'] }, facets: ['type', 'tags'], page: 2, pageSize: 10 })
    const [main, typeCounts, ...rest] = buildMeiliSearches(search, 'posts')
    expect(rest).toEqual([])
    expect(main).toMatchObject({
      indexUid: 'posts',
      q: 'kommun',
      filter: ['status = "visible"', ['type = "question"']],
      facets: ['tags'],
      page: 2,
      hitsPerPage: 10,
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      attributesToHighlight: ['title', 'text'],
      attributesToCrop: ['text'],
    })
    expect(main?.sort).toBeUndefined()
    expect(typeCounts).toMatchObject({ q: 'kommun', filter: ['status = "visible"'], facets: ['type'], hitsPerPage: 0 })
  })

  test('newest first when asked or without a query', () => {
    expect(buildMeiliSearches(normalized('', {}), 'posts')[0]?.sort).toEqual(['createdAt:desc'])
    expect(buildMeiliSearches(normalized('x', { sort: 'newest' }), 'posts')[0]?.sort).toEqual(['createdAt:desc'])
  })

  test('every word must match by default; any word uses the frequency strategy, with search syntax as plain words', () => {
    const [all] = buildMeiliSearches(normalized('kommunerna "öppna data"'), 'posts')
    expect(all).toMatchObject({ q: 'kommun "öppna data"', matchingStrategy: 'all' })
    const [main, typeCounts] = buildMeiliSearches(
      normalized('Kommunerna "öppna data" -arkivet', { match: 'any', filters: { type: ['question'] }, facets: ['type'] }),
      'posts',
    )
    expect(main).toMatchObject({ q: 'kommun öppn dat arkivet', matchingStrategy: 'frequency' })
    expect(main?.sort).toBeUndefined()
    expect(typeCounts).toMatchObject({ q: 'kommun öppn dat arkivet', matchingStrategy: 'frequency', hitsPerPage: 0 })
  })

  test('any word without a significant one (stop words, nothing) sends no request', () => {
    expect(buildMeiliSearches(normalized('och det att i en', { match: 'any' }), 'posts')).toEqual([])
    expect(buildMeiliSearches(normalized('', { match: 'any' }), 'posts')).toEqual([])
    expect(buildMeiliSearches(normalized('och det att i en'), 'posts')).toHaveLength(1)
  })

  test('excluded entity ids join the pending invisible ones as document ids, in every request; malformed ones are dropped', () => {
    const search = normalized('x', { exclude: ['abc123', 'x"] OR id IN ["y'], filters: { type: ['question'] }, facets: ['type'] })
    const [main, typeCounts] = buildMeiliSearches(search, 'posts', ['post:pending1'])
    expect(main?.filter).toEqual(['status = "visible"', 'id NOT IN ["post-pending1", "post-abc123"]', ['type = "question"']])
    expect(typeCounts?.filter).toEqual(['status = "visible"', 'id NOT IN ["post-pending1", "post-abc123"]'])
  })

  test(`posts waiting for the worker are excluded by id, all ${PENDING_EXCLUSION_MAX} of them; beyond that the engine refuses to answer`, () => {
    const waiting = Array.from({ length: PENDING_EXCLUSION_MAX }, (_, index) => `p${index}`)
    const excluded = pendingExclusion(waiting)
    expect(excluded).toHaveLength(PENDING_EXCLUSION_MAX)
    const [main] = buildMeiliSearches(normalized('x'), 'posts', excluded)
    expect(main?.filter).toEqual(['status = "visible"', `id NOT IN [${waiting.map((id) => `"post-${id}"`).join(', ')}]`])
    expect(() => pendingExclusion([...waiting, 'one-more'])).toThrow(`More than ${PENDING_EXCLUSION_MAX} posts have hidden or deleted content waiting`)
  })
})

describe('responses', () => {
  const response = (overrides: Partial<SearchResponse>): SearchResponse =>
    ({ hits: [], processingTimeMs: 1, query: '', totalHits: 0, ...overrides }) as SearchResponse

  test('hits become safe HTML with <mark>, ids and dates ours again; facets merged', () => {
    const search = normalized('kommun', { filters: { type: ['question'] }, facets: ['type', 'tags'] })
    const result = fromMeiliResults(search, [
      response({
        totalHits: 1,
        hits: [
          {
            ...toMeiliDocument({ ...doc, title: 'Kommunen <b>&</b>' }),
            _formatted: { title: `${MARK_START}Kommun${MARK_END}en <b>&</b>`, text: `<img onerror=x> ${MARK_START}kommun${MARK_END}` },
          },
          { id: 'broken' },
        ],
        facetDistribution: { tags: { 'e-arkiv': 1 } },
      }),
      response({ totalHits: 3, facetDistribution: { type: { question: 1, project: 2 } } }),
    ])
    expect(result).toEqual({
      query: 'kommun',
      total: 1,
      page: 1,
      pageSize: 20,
      facets: { tags: { 'e-arkiv': 1 }, type: { question: 1, project: 2 } },
      hits: [
        {
          id: 'post:abc123',
          entityId: 'abc123',
          type: 'question',
          title: '<mark>Kommun</mark>en &lt;b&gt;&amp;&lt;/b&gt;',
          snippet: '&lt;img onerror=x&gt; <mark>kommun</mark>',
          organisation: { name: 'Malmö stad', slug: 'malmo-stad', type: 'kommun' },
          tags: ['e-arkiv'],
          createdAt: '2026-11-01T10:00:00.000Z',
          activityAt: '2026-11-02T10:00:00.000Z',
        },
      ],
    })
  })

  test('the organisation facet is asked for and read back as the organisationSlug attribute', () => {
    const search = normalized('kommun', { filters: { organisation: ['malmo-stad'] }, facets: ['organisation', 'county'] })
    const [main, organisationCounts] = buildMeiliSearches(search, 'posts')
    expect(main).toMatchObject({ filter: ['status = "visible"', ['organisationSlug = "malmo-stad"']], facets: ['county'] })
    expect(organisationCounts).toMatchObject({ filter: ['status = "visible"'], facets: ['organisationSlug'], hitsPerPage: 0 })
    const result = fromMeiliResults(search, [
      response({ facetDistribution: { county: { 'Skåne län': 1 } } }),
      response({ facetDistribution: { organisationSlug: { 'malmo-stad': 1, 'umea-kommun': 2 } } }),
    ])
    expect(result.facets).toEqual({ county: { 'Skåne län': 1 }, organisation: { 'malmo-stad': 1, 'umea-kommun': 2 } })
  })

  test('missing responses give an empty result, not an error', () => {
    expect(fromMeiliResults(normalized('x', { facets: ['type'] }), [])).toMatchObject({ hits: [], total: 0, facets: { type: {} } })
  })
})
