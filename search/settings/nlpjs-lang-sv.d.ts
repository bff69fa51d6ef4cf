// @nlpjs/lang-sv ships no types; this is the part swedish-stemmer.ts uses (Snowball's generated stemmer API).
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    setCurrent(word: string): void
    innerStem(): boolean
    getCurrent(): string
  }
}
