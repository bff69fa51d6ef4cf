import { StemmerSv } from '@nlpjs/lang-sv'

/**
 * The Snowball Swedish stemmer (snowballstem.org/algorithms/swedish), the algorithm behind
 * PostgreSQL's `swedish` configuration, as the Snowball compiler generates it for JavaScript
 * (nlp.js's `@nlpjs/lang-sv`). Meilisearch does not stem Swedish, so the Meilisearch engine
 * indexes and queries these stems to find "kommun" for "kommunerna" as the PostgreSQL engine
 * does. Tested against PostgreSQL's `swedish_stem` dictionary (swedish-stemmer.db.test.ts).
 */
const snowball = new StemmerSv()

/** One word through the generated algorithm; not `stemWord`, which caches every word it ever sees, without bound. */
function snowballStem(word: string): string {
  snowball.setCurrent(word)
  snowball.innerStem()
  return snowball.getCurrent()
}

/** A word's stem, lower case; words with anything but letters, and words under three letters, stay as they are. */
export function stemSwedish(input: string): string {
  const word = input.toLocaleLowerCase('sv')
  if (word.length < 3 || !/^[\p{L}]+$/u.test(word)) return word
  return snowballStem(word)
}

/** The stems of every word in a text, in order (words as PostgreSQL's parser splits them, roughly). */
export function stemWords(text: string): string[] {
  return (text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? []).map(stemSwedish)
}
