import { z } from 'zod'
import stopWordsJson from './stop-words.json'
import synonymsJson from './synonyms.json'

/**
 * Index settings under version control. Bump SETTINGS_VERSION whenever the documents'
 * shape (search/documents/), the synonyms, the stop words or an engine's index settings
 * change: engines then report `rebuildNeeded` and `npm run search:reindex` (or the app at
 * start-up) rebuilds the index. Discourse's POST_INDEX_VERSION, in our terms.
 * settings.test.ts pins a fingerprint of these settings with the version, so a change
 * without a bump fails there.
 */
export const SETTINGS_VERSION = 1

const term = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[^A-ZÅÄÖ]*$/u, 'synonyms are lower case')

const synonymsSchema = z.object({
  equivalents: z.array(z.array(term).min(2)),
  oneWay: z.record(term, z.array(term).min(1)),
})

export const synonyms = synonymsSchema.parse(synonymsJson)

/** Swedish stop words (the same list as PostgreSQL's `swedish` configuration). */
export const stopWords: readonly string[] = z.array(term).parse(stopWordsJson)

const stopWordSet = new Set(stopWords)

/** Whether the text has a word that is not a stop word: without one, 'any' matching finds nothing. */
export function hasSignificantWord(text: string): boolean {
  return (text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? []).some((word) => !stopWordSet.has(word))
}

/** Every term with the terms it also finds: equivalents both ways, one-way entries forward. */
export function synonymMap(): Map<string, string[]> {
  const map = new Map<string, Set<string>>()
  const add = (from: string, to: string) => {
    if (from === to) return
    const targets = map.get(from) ?? new Set<string>()
    targets.add(to)
    map.set(from, targets)
  }
  for (const group of synonyms.equivalents) {
    for (const from of group) for (const to of group) add(from, to)
  }
  for (const [from, targets] of Object.entries(synonyms.oneWay)) {
    for (const to of targets) add(from, to)
  }
  return new Map([...map].map(([from, targets]) => [from, [...targets]]))
}

const MAX_VARIANTS = 16
const MAX_EXPANDED_TERMS = 4

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

let termPattern: RegExp | undefined
let termTargets: Map<string, string[]> | undefined

function compiled() {
  termTargets ??= synonymMap()
  // Longest first, so "lag om stöd och service" wins over a shorter term inside it. A term
  // must stand alone: no letter, digit or hyphen right before or after it.
  termPattern ??= new RegExp(
    `(?<![\\p{L}\\p{N}-])(${[...termTargets.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}-])`,
    'gu',
  )
  return { pattern: termPattern, targets: termTargets }
}

/**
 * The query and its synonym variants, for engines without a synonym feature of their own
 * (PostgreSQL): each variant replaces one or more known terms with what they also find.
 * Multi-word replacements become quoted phrases (unless already inside quotes). The first
 * variant is the query itself, then those with the fewest replacements; at most 16.
 */
export function synonymVariants(query: string): string[] {
  const { pattern, targets } = compiled()
  const lower = query.toLocaleLowerCase('sv')
  // Lower-casing rarely changes the length (e.g. "İ"); then the lower-cased text is the base.
  const base = lower.length === query.length ? query : lower
  const spots = [...lower.matchAll(pattern)].slice(0, MAX_EXPANDED_TERMS).map((match) => {
    const start = match.index
    const end = start + match[0].length
    const insideQuotes = (base.slice(0, start).match(/"/g)?.length ?? 0) % 2 === 1
    const alternatives = (targets.get(match[0]) ?? []).map((to) => (to.includes(' ') && !insideQuotes ? `"${to}"` : to))
    return { start, end, choices: [base.slice(start, end), ...alternatives] }
  })
  // Every combination of choices (index 0 = the text as typed), fewest replacements first.
  let combinations: number[][] = [[]]
  for (const spot of spots) combinations = combinations.flatMap((picked) => spot.choices.map((_, choice) => [...picked, choice]))
  const replacements = (picked: number[]) => picked.filter((choice) => choice > 0).length
  return combinations
    .sort((a, b) => replacements(a) - replacements(b))
    .slice(0, MAX_VARIANTS)
    .map((picked) => {
      let text = ''
      let from = 0
      spots.forEach((spot, index) => {
        text += base.slice(from, spot.start) + (spot.choices[picked[index] ?? 0] ?? '')
        from = spot.end
      })
      return text + base.slice(from)
    })
}
