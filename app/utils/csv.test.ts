import { expect, test } from 'vitest'
import { csvLine, parseCsv, parseCsvRecords } from './csv.ts'

test('quoted fields keep commas, quotes and line breaks', () => {
  expect(parseCsv('a,"b, c","say ""hej""","rad1\nrad2"\r\nx,y,z,w\n')).toEqual([
    ['a', 'b, c', 'say "hej"', 'rad1\nrad2'],
    ['x', 'y', 'z', 'w'],
  ])
})

test('records are keyed by the header, codes stay text with leading zeros', () => {
  expect(parseCsvRecords('\uFEFFtype,code,name\nkommun,0114,Upplands Väsby kommun\n\n')).toEqual([
    { type: 'kommun', code: '0114', name: 'Upplands Väsby kommun' },
  ])
})

test('csvLine: semicolons, quotes and line breaks are quoted; formulas are defused', () => {
  expect(csvLine(['a', 'b;c', 'säg "hej"', 'rad1\nrad2', '=SUMMA(A1)', ''])).toBe('a;"b;c";"säg ""hej""";"rad1\nrad2";\'=SUMMA(A1);\r\n')
})
