/**
 * The Snowball Swedish stemmer (snowballstem.org/algorithms/swedish), the algorithm behind
 * PostgreSQL's `swedish` configuration. Meilisearch does not stem Swedish, so the
 * Meilisearch engine indexes and queries these stems to find "kommun" for "kommunerna"
 * as the PostgreSQL engine does. Tested against PostgreSQL's `swedish_stem` dictionary.
 */
const VOWELS = new Set('aeiouyäåö')
const S_ENDINGS = new Set('bcdfghjklmnoprtvy')

const STEP1_SUFFIXES = [
  'heterna', 'hetens', 'anden', 'heten', 'heter', 'arnas', 'ernas', 'ornas', 'andes', 'arens', 'andet',
  'arna', 'erna', 'orna', 'ande', 'arne', 'aste', 'aren', 'ades', 'erns',
  'ade', 'are', 'ern', 'ens', 'het', 'ast',
  'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at',
  'a', 'e',
]
const STEP2_SUFFIXES = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt']

/** Start of R1: after the first non-vowel that follows a vowel, but at least at position 3. */
function regionOne(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.has(word[i] ?? '') && VOWELS.has(word[i - 1] ?? '')) return Math.max(3, i + 1)
  }
  return word.length
}

function inR1(word: string, suffix: string, r1: number) {
  return word.endsWith(suffix) && word.length - suffix.length >= r1
}

export function stemSwedish(input: string): string {
  let word = input.toLocaleLowerCase('sv')
  if (word.length < 3 || !/^[\p{L}]+$/u.test(word)) return word
  const r1 = regionOne(word)

  // Step 1: the longest main suffix in R1; a final "s" after a valid s-ending.
  const main = STEP1_SUFFIXES.find((suffix) => inR1(word, suffix, r1))
  if (main) word = word.slice(0, -main.length)
  else if (inR1(word, 's', r1) && S_ENDINGS.has(word[word.length - 2] ?? '')) word = word.slice(0, -1)

  // Step 2: undouble a consonant ending in R1.
  if (STEP2_SUFFIXES.some((suffix) => inR1(word, suffix, r1))) word = word.slice(0, -1)

  // Step 3: the longest of these in R1.
  if (inR1(word, 'fullt', r1)) word = word.slice(0, -1)
  else if (inR1(word, 'löst', r1)) word = word.slice(0, -1)
  else if (inR1(word, 'lig', r1)) word = word.slice(0, -3)
  else if (inR1(word, 'els', r1) || inR1(word, 'ig', r1)) word = word.slice(0, -(word.endsWith('els') ? 3 : 2))
  return word
}

/** The stems of every word in a text, in order (words as PostgreSQL's parser splits them, roughly). */
export function stemWords(text: string): string[] {
  return (text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? []).map(stemSwedish)
}
