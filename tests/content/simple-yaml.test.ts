import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FrontMatter, parseYaml } from '../../src/content/_front-matter.js'
import { parseSimpleYaml } from '../../src/content/_simple-yaml.js'
import type { SourceFile } from '../../src/content/source.js'

// Simple front matter is read without js-yaml. Whatever that shortcut accepts must mean exactly what
// js-yaml makes of it (values, key order, key positions); whatever js-yaml rejects, it must leave to
// js-yaml (which reports the error).

const SOURCE: SourceFile = {
  file: 'content/x.md',
  path: '/x.md',
  relative: 'x.md',
  frontMatterLine: 2,
  bodyOffset: 0,
  bodyLine: 1,
  size: 0,
  mtimeMs: 0,
}

function viaJsYaml(yaml: string): FrontMatter | 'error' {
  try {
    return parseYaml(SOURCE, yaml)
  } catch {
    return 'error'
  }
}

// Keys js-yaml resolves like values (`NULL:` is the key "null") or that look like numbers.
const ODD_KEYS = ['null', 'NULL', 'Null', 'true', 'True', 'FALSE', '_1', 'e1', 'inf', 'nan', 'Yes']
const KEYS = [
  'title',
  'date',
  'category',
  'tags',
  'author',
  'summary',
  'draft',
  'autor',
  '_x',
  'a-b',
  'Titel',
]
const VALUES = [
  ...[
    'Wahl in Berlin',
    'Straße & „Zitat“',
    "Rock 'n' Roll",
    'C# und F#',
    'a #kommentar',
    'a: b',
    'a:b',
    'x:',
  ],
  ...['2024-10-25', '2024-10-25T10:00:00+02:00', '25.10.2024', '25. Oktober 2024', '1. Mai 2024, 9:05 Uhr'],
  ...[
    'Freitag, 8. November 2024',
    '1',
    '-1',
    '+1',
    '0',
    '007',
    '0x1F',
    '0o17',
    '0b101',
    '1_000',
    '1e3',
    '1.5',
  ],
  ...[
    '.5',
    '.inf',
    '-.Inf',
    '.NaN',
    'NULL',
    'null',
    '~',
    'True',
    'false',
    'yes',
    'no',
    'on',
    '12:30',
    '1:2:3',
  ],
  ...[
    '"doppelt"',
    '"mit \\"escape\\""',
    '"a: b # c"',
    "'einfach'",
    "'it''s'",
    "'a: b'",
    '""',
    "''",
    '"ende" x',
  ],
  ...['[a, b]', '[Politik, Neue Mitte]', '[1, 2.5, true, null]', '[]', '[ ]', '[a,]', '[a, [b]]', '[a: b]'],
  ...['{a: 1}', '|', '>', '&anker', '*anker', '!tag x', '%x', '@x', '`x`', '- x', '? x', '-x', '[x] y'],
  ...['tab\tinnen', 'ende   ', '"x"   ', '😀 Emoji', 'x\u0007y', 'ä ö ü ß', 'a [b] {c}', '', '   '],
]
const LINES = [
  ...KEYS.flatMap((key) => VALUES.map((value) => `${key}: ${value}`)),
  ...KEYS.map((key) => `${key}:`),
  ...ODD_KEYS.flatMap((key) => [`${key}: x`, `${key}:`]),
  ...[
    '',
    '  ',
    '# Kommentar',
    'tags:',
    '  - eins',
    '- zwei',
    '---',
    'title : x',
    '"title": x',
    '__proto__: x',
  ],
  ...['title:  zwei Leerzeichen', 'title:\tTab', ' title: eingerückt', 'title:x'],
]

describe('simple front matter without js-yaml', () => {
  it('should mean exactly what js-yaml reads, or be left to js-yaml', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 8 }), (lines) => {
        const yaml = lines.join('\n')
        const simple = parseSimpleYaml(yaml, SOURCE.frontMatterLine)
        if (simple === undefined) return
        const expected = viaJsYaml(yaml)
        expect(expected).not.toBe('error')
        expect(simple).toEqual(expected)
        expect(JSON.stringify(simple)).toBe(JSON.stringify(expected))
      }),
      { numRuns: 3000 },
    )
  })

  it('should read the usual front matter itself', () => {
    const yaml =
      'title: "Wahl: Ergebnis"\ndate: 25. Oktober 2024\ncategory: Politik\ntags: [Berlin, Wahl]\ndraft: false'
    expect(parseSimpleYaml(yaml, 2)).toEqual({
      data: {
        title: 'Wahl: Ergebnis',
        date: '25. Oktober 2024',
        category: 'Politik',
        tags: ['Berlin', 'Wahl'],
        draft: false,
      },
      positions: [
        ['title', 2, 8],
        ['date', 3, 7],
        ['category', 4, 11],
        ['tags', 5, 7],
        ['draft', 6, 8],
      ],
    })
  })

  it.each([
    ['a comment', 'title: x # Kommentar'],
    ['a block list', 'tags:\n  - a'],
    ['an escape', 'title: "a\\tb"'],
    ['a duplicate key', 'title: a\ntitle: b'],
    ['a control character', 'title: a\u0001b'],
  ])('should leave %s to js-yaml', (_, yaml) => {
    expect(parseSimpleYaml(yaml, 2)).toBeUndefined()
  })
})
