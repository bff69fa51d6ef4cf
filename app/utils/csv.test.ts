import { expect, test } from 'vitest'
import { CSV_RECORD_MAX_CHARACTERS, CsvFormatError, csvLine, parseCsv, parseCsvRecords } from './csv.ts'

test('quoted fields keep commas, quotes and line breaks', () => {
  expect(parseCsv('a,"b, c","say ""hej""","rad1\nrad2"\r\nx,y,z,w\n')).toEqual([
    ['a', 'b, c', 'say "hej"', 'rad1\nrad2'],
    ['x', 'y', 'z', 'w'],
  ])
})

test('LF, CRLF and CR line ends, also mixed; blank rows are left out; a quote inside an unquoted field is text', () => {
  expect(parseCsv('a,b\r\nc,d\ne,f\rg,h\n\n , \n')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
    ['e', 'f'],
    ['g', 'h'],
  ])
  expect(parseCsv('Kommun "Norr",1\n')).toEqual([['Kommun "Norr"', '1']])
})

test('malformed CSV is refused with a Swedish reason and the row: a quote never closed, a record past the limit', () => {
  expect(() => parseCsv('type,name\nkommun,"Öppen\nkommun,Annan\n')).toThrow(new CsvFormatError('rad 2: ett citattecken avslutas aldrig'))
  expect(() => parseCsv(`a,${'x'.repeat(CSV_RECORD_MAX_CHARACTERS + 1)}\n`)).toThrow(CsvFormatError)
})

test('records are keyed by the header, codes stay text with leading zeros', () => {
  expect(parseCsvRecords('\uFEFFtype,code,name\nkommun,0114,Upplands Väsby kommun\n\n')).toEqual([
    { type: 'kommun', code: '0114', name: 'Upplands Väsby kommun' },
  ])
})

test('csvLine: semicolons, quotes and line breaks are quoted; formulas are defused', () => {
  expect(csvLine(['a', 'b;c', 'säg "hej"', 'rad1\nrad2', '=SUMMA(A1)', ''])).toBe('a;"b;c";"säg ""hej""";"rad1\nrad2";\'=SUMMA(A1);\r\n')
})
