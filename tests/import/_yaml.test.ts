import fc from 'fast-check'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { toYamlString } from '../../src/import/_yaml.js'

/** What gray-matter (js-yaml 3) reads back for a front-matter field written with `toYamlString`. */
function _readBack(value: string): unknown {
  return matter(`---\ntitle: ${toYamlString(value)}\n---\n\nText\n`).data.title
}

describe('toYamlString', () => {
  it.each([
    ['Politik', '"Politik"'],
    [
      'Elon Musks geheime Kanäle zum Kreml: Ein Balanceakt',
      '"Elon Musks geheime Kanäle zum Kreml: Ein Balanceakt"',
    ],
    ['Er sagte "Nein"', '"Er sagte \\"Nein\\""'],
    ['C:\\Temp', '"C:\\\\Temp"'],
    ['eins\nzwei\tdrei', '"eins\\nzwei\\tdrei"'],
    ['Zeilen\u2028trenner\u0085', '"Zeilen\\u2028trenner\\u0085"'],
    ['Glocke\u0007', '"Glocke\\u0007"'],
  ])('should quote %j as %j when writing front matter', (value, expected) => {
    expect(toYamlString(value)).toBe(expected)
  })

  it.each([
    'Bäckerei-Sterben: „Wir backen, bis der Ofen ausgeht“',
    '‚Einfach‘ und "doppelt" und \'gerade\'',
    '# Kein Kommentar',
    '- keine Liste',
    '? keine Frage',
    '& kein Anker *und kein Alias',
    '!kein Tag',
    '@ und ` und %',
    '{ keine: Map }',
    '[kein, Array]',
    '2024-10-25',
    'yes',
    'null',
    '~',
    '0x1F',
    '  Leerzeichen außen  ',
    'Geschütztes\u00a0Leerzeichen',
    'Emoji 🇩🇪 und 𝔊',
    '',
  ])('should read %j back unchanged when gray-matter parses it', (value) => {
    expect(_readBack(value)).toBe(value)
  })

  it('should read any string back unchanged when gray-matter parses it', () => {
    const anyUnit = fc.oneof(fc.constant('grapheme' as const), fc.constant('binary' as const))
    const strings = anyUnit.chain((unit) => fc.string({ unit }))
    const utf16 = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    })
    fc.assert(
      fc.property(fc.oneof(strings, utf16), (value) => {
        expect(_readBack(value)).toBe(value)
      }),
      { numRuns: 2000 },
    )
  })
})
