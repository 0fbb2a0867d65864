import { describe, expect, it } from 'vitest'
import { ContentError } from '../../src/errors.js'
import { parseExport } from '../../src/import/_parse.js'

const zone = 'Europe/Berlin'

describe('parseExport', () => {
  it('should split an export into its parts when it has the newsroom shape', () => {
    const value = [
      '25. Oktober, 2024',
      '',
      'Politik',
      '',
      'Kanäle zum Kreml: Ein Balanceakt',
      '',
      'Kanäle zum Kreml: Ein Balanceakt',
      '',
      'Erster Absatz—ohne Leerzeichen.',
      '',
      'Zweiter Absatz.',
    ].join('\n')
    expect(parseExport(value, 'import/a.txt', zone)).toEqual({
      title: 'Kanäle zum Kreml: Ein Balanceakt',
      date: '2024-10-25',
      category: 'Politik',
      paragraphs: ['Erster Absatz—ohne Leerzeichen.', 'Zweiter Absatz.'],
      titleLine: 5,
    })
  })

  it.each([
    ['the repeated headline is missing', '25.10.2024\n\nPolitik\n\nTitel\n\nText.\n'],
    [
      'lines end in CRLF with trailing spaces',
      '25.10.2024  \r\n\r\nPolitik \r\n\r\nTitel\t\r\n\r\nTitel\r\n\r\nText.  \r\n',
    ],
    ['blank lines are several', '\n\n25.10.2024\n\n\n\nPolitik\n\n\nTitel\n\n\n\nTitel\n\n\nText.\n\n\n'],
    ['the repeated headline differs only in spacing', '25.10.2024\n\nPolitik\n\nTitel\n\n  Titel \n\nText.'],
  ])('should accept the export when %s', (_case, value) => {
    const expected = { title: 'Titel', date: '2024-10-25', category: 'Politik', paragraphs: ['Text.'] }
    expect(parseExport(value, 'import/a.txt', zone)).toMatchObject(expected)
  })

  it('should keep line breaks inside a paragraph when a paragraph has several lines', () => {
    const value = '25.10.2024\n\nPolitik\n\nTitel\n\nerste Zeile\nzweite Zeile\n\nNächster Absatz'
    expect(parseExport(value, 'import/a.txt', zone).paragraphs).toEqual([
      'erste Zeile\nzweite Zeile',
      'Nächster Absatz',
    ])
  })

  it('should keep a time when the date line has one', () => {
    const value = '1. Mai 2024, 9:05 Uhr\n\nSport\n\nTitel\n\nText.'
    expect(parseExport(value, 'import/a.txt', zone).date).toBe('2024-05-01 09:05')
  })

  it.each([
    ['the file is empty', '', 1, 'the file is empty'],
    ['the file is only blank lines', ' \n\r\n\t\n', 1, 'the file is empty'],
    [
      'the date line is missing',
      'Politik\n\nTitel\n\nText.',
      1,
      'the first line must be the date: "Politik" is not a date',
    ],
    [
      'the date is impossible',
      '\n32. Oktober, 2024\n\nPolitik\n\nTitel\n\nText.',
      2,
      'the first line must be the date',
    ],
    ['only the date is there', '25.10.2024\n', 1, 'nothing follows the date line'],
    ['the headline is missing', '25.10.2024\n\nPolitik\n', 3, 'no headline follows the category'],
    ['the body is missing', '25.10.2024\n\nPolitik\n\nTitel\n', 5, 'no paragraphs follow the headline'],
    [
      'only the repeated headline follows',
      '25.10.2024\n\nPolitik\n\nTitel\n\nTitel\n',
      7,
      'no paragraphs follow the headline',
    ],
    ['the category is missing', '25.10.2024\n\nTitel\n\nTitel\n\nText.', 3, 'the category is missing'],
    [
      'a blank line is missing',
      '25.10.2024\nPolitik\n\nTitel\n\nText.',
      2,
      'the date line must be followed by a blank line',
    ],
    [
      'the headline runs into the body',
      '25.10.2024\n\nPolitik\n\nTitel\nText.',
      6,
      'the headline must be followed by a blank line',
    ],
  ])('should throw a ContentError at the line when %s', (_case, value, line, problem) => {
    const expected = expect.objectContaining({ location: { file: 'import/a.txt', line } })
    expect(() => parseExport(value, 'import/a.txt', zone)).toThrow(ContentError)
    expect(() => parseExport(value, 'import/a.txt', zone)).toThrow(expected)
    expect(() => parseExport(value, 'import/a.txt', zone)).toThrow(`import/a.txt:${line}: ${problem}`)
  })

  it('should pass on the warning when daylight saving time moves the time of the date line', () => {
    const value = parseExport('31. März 2024, 2:30 Uhr\n\nPolitik\n\nTitel\n\nText.', 'import/a.txt', zone)
    expect(value).toMatchObject({ date: '2024-03-31 03:30', adjustment: expect.stringContaining('2:30') })
  })

  it('should say what the shape should be when the export does not follow it', () => {
    expect(() => parseExport('Politik\n\nTitel\n\nText.', 'import/a.txt', zone)).toThrow(
      '; an export must be: the date (25. Oktober, 2024), a blank line, the category, a blank line, the headline, ' +
        'a blank line, optionally the headline again, then paragraphs separated by blank lines',
    )
  })
})
