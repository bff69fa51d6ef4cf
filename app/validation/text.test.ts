import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { cleanMultiLine, cleanSingleLine, multiLine, singleLine } from './text.ts'

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']
const OTHER_INVISIBLE = ['\u200B', '\u200E', '\u200F', '\u061C', '\u2060', '\u2061', '\u2064', '\u206A', '\u206F', '\uFEFF']

describe('cleanSingleLine', () => {
  test('removes every bidi embedding, override and isolate', () => {
    for (const control of BIDI_CONTROLS) expect(cleanSingleLine(`Anna${control} Svensson`), escape(control)).toBe('Anna Svensson')
    expect(cleanSingleLine('faktura\u202Efdp.exe')).toBe('fakturafdp.exe')
  })

  test('removes the invisible format characters and controls, keeps the joiners scripts need', () => {
    for (const character of OTHER_INVISIBLE) expect(cleanSingleLine(`Upp${character}handling`), escape(character)).toBe('Upphandling')
    expect(cleanSingleLine('Nol\u0000l\u0007te\u007Fcken\u009B')).toBe('Nolltecken')
    expect(cleanSingleLine('می\u200Cخواهم')).toBe('می\u200Cخواهم')
    expect(cleanSingleLine('👩\u200D💻 Utvecklare')).toBe('👩\u200D💻 Utvecklare')
  })

  test('one line: line breaks and tabs are spaces, runs of whitespace one space, trimmed; NFC', () => {
    expect(cleanSingleLine('  Rad ett\r\nrad\ttvå\u2028tre\u0085fyra\u000Bfem  ')).toBe('Rad ett rad två tre fyra fem')
    expect(cleanSingleLine('Malmo\u0308')).toBe('Malmö')
    expect(cleanSingleLine('\u202E \u200B ')).toBe('')
  })

  test('Arabic and Hebrew text keeps its letters (the browser orders them without controls)', () => {
    expect(cleanSingleLine('\u200Fשלום עולם\u200F')).toBe('שלום עולם')
    expect(cleanSingleLine('مرحبا')).toBe('مرحبا')
  })
})

describe('cleanMultiLine', () => {
  test('keeps line breaks (each as "\\n") and tabs, removes the rest like one line does', () => {
    expect(cleanMultiLine('Första\u202E raden\r\nAndra\u2066 raden\rTredje\u2029\tfjärde\u0000')).toBe('Första raden\nAndra raden\nTredje\n\tfjärde')
    expect(cleanMultiLine('  blanksteg  kvar  ')).toBe('  blanksteg  kvar  ')
  })
})

describe('singleLine and multiLine schemas', () => {
  test('validate the cleaned text, with the inner schema’s messages', () => {
    const name = singleLine(z.string({ required_error: 'Ange ditt namn.' }).min(2, 'Ange ditt namn.').max(5, 'För långt.'))
    expect(name.parse('\u202EAnna\u202C')).toBe('Anna')
    expect(name.safeParse('\u202E\u202EA\u202C\u202C').error?.issues[0]?.message).toBe('Ange ditt namn.')
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe('Ange ditt namn.')
    expect(name.safeParse('Anna\u2066\u2066\u2066\u2066').success).toBe(true)
    expect(singleLine(z.string().optional()).parse(undefined)).toBeUndefined()
    expect(multiLine(z.string().trim()).parse(' Ett\u202E\r\nTvå ')).toBe('Ett\nTvå')
  })
})

function escape(character: string) {
  return `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`
}
