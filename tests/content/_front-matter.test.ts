import { describe, expect, it } from 'vitest'
import { parseFrontMatter, parseYaml } from '../../src/content/_front-matter.js'
import type { SourceFile } from '../../src/content/source.js'
import { ContentError } from '../../src/errors.js'

/** A source whose YAML starts on file line `frontMatterLine` (2 after a plain `---` line). */
function sourceAt(frontMatterLine = 2): SourceFile {
  return {
    file: 'content/2024/wahl.md',
    path: '/nicht/gelesen/wahl.md',
    relative: '2024/wahl.md',
    frontMatterLine,
    bodyOffset: 0,
    bodyLine: 1,
    size: 0,
    mtimeMs: 0,
  }
}

/** The error `run` throws, so its location and reason can be checked. */
function errorOf(run: () => unknown): ContentError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError)
    return error as ContentError
  }
  throw new Error('expected a ContentError, but nothing was thrown')
}

describe('parseFrontMatter', () => {
  it('should return the values and the file line and value column of each key when the YAML is simple', () => {
    const value = parseFrontMatter(sourceAt(), 'title: Wahl in Berlin\ndate: 25.10.2024\ndraft: false\n')

    const expected = {
      data: { title: 'Wahl in Berlin', date: '25.10.2024', draft: false },
      positions: [
        ['title', 2, 8],
        ['date', 3, 7],
        ['draft', 4, 8],
      ],
    }
    expect(value).toEqual(expected)
  })

  it('should count key lines from the source front matter line when the YAML starts further down', () => {
    const value = parseFrontMatter(sourceAt(5), 'title: Wahl\ndate: 2024-10-25\n')

    expect(value.positions).toEqual([
      ['title', 5, 8],
      ['date', 6, 7],
    ])
  })

  it('should keep timestamps as the author wrote them when a date looks like a YAML timestamp', () => {
    const value = parseFrontMatter(sourceAt(), 'date: 2024-10-25T10:00:00\nupdated: 2024-10-25\n')

    expect(value.data).toEqual({ date: '2024-10-25T10:00:00', updated: '2024-10-25' })
  })

  it('should place the value column after the closing quote when a key is quoted', () => {
    const value = parseFrontMatter(sourceAt(), `"title": Wahl\n'date': 2024-10-25\n`)

    expect(value).toEqual({
      data: { title: 'Wahl', date: '2024-10-25' },
      positions: [
        ['title', 2, 10],
        ['date', 3, 9],
      ],
    })
  })

  it('should read nested lists and mappings and locate only top-level keys when values span lines', () => {
    const value = parseFrontMatter(
      sourceAt(),
      'title: Wahl\ntags:\n  - Berlin\n  - Wahl\nauthor:\n  name: Anna Schmidt\n  email: anna@example.de\n',
    )

    expect(value.data).toEqual({
      title: 'Wahl',
      tags: ['Berlin', 'Wahl'],
      author: { name: 'Anna Schmidt', email: 'anna@example.de' },
    })
    expect(value.positions).toEqual([
      ['title', 2, 8],
      ['tags', 3, 6],
      ['author', 6, 8],
    ])
  })

  it.each([
    { name: 'empty', value: '' },
    { name: 'only a comment', value: '# nur ein Kommentar\n' },
  ])('should return no data and no positions when the front matter is $name', ({ value }) => {
    const expected = { data: {}, positions: [] }

    expect(parseFrontMatter(sourceAt(), value)).toEqual(expected)
  })

  it.each([
    {
      name: 'a value contains ": "',
      value: 'title: Wahl: Ergebnis\n',
      expected: { line: 2, column: 12, reason: /^the front matter is not valid YAML: bad indentation/ },
    },
    {
      name: 'a key is indented below a plain value',
      value: 'title: Wahl\n  date: 2024-10-25\n',
      expected: { line: 3, column: 7, reason: /^the front matter is not valid YAML: bad indentation/ },
    },
    {
      name: 'a key appears twice',
      value: 'title: Wahl\ntitle: Noch einmal\n',
      expected: { line: 3, column: 1, reason: /duplicated mapping key/ },
    },
    {
      name: 'a flow list is never closed',
      value: 'tags: [Berlin, Wahl\n',
      expected: { line: 3, column: 1, reason: /within a flow collection/ },
    },
  ])('should report the file line and column of the YAML error when $name', ({ value, expected }) => {
    const error = errorOf(() => parseFrontMatter(sourceAt(), value))

    expect(error.location).toEqual({
      file: 'content/2024/wahl.md',
      line: expected.line,
      column: expected.column,
    })
    expect(error.reason).toMatch(expected.reason)
    expect(error.reason).toContain('Quote values that contain ": " or start with a special character')
    expect(error.message).toBe(`content/2024/wahl.md:${expected.line}:${expected.column}: ${error.reason}`)
  })

  it.each([
    { quote: '"', value: 'title: "Wahl in Berlin\ndate: 2024-10-25\n' },
    { quote: "'", value: "date: 2024-10-25\ntitle: 'Wahl in Berlin\n" },
  ])('should point at the opening $quote when a quoted value is never closed', ({ quote, value }) => {
    const error = errorOf(() => parseFrontMatter(sourceAt(), value))

    const line = quote === '"' ? 2 : 3
    expect(error.location).toEqual({ file: 'content/2024/wahl.md', line, column: 8 })
    expect(error.reason).toBe(
      `the front matter is not valid YAML: this quote (${quote}) is never closed. End the value with ${quote} on the same line`,
    )
  })

  it.each([
    { name: 'a list', value: '- Wahl\n- Berlin\n' },
    { name: 'a single word', value: 'Wahl' },
  ])('should ask for key: value lines at the first front matter line when the YAML is $name', ({ value }) => {
    const error = errorOf(() => parseFrontMatter(sourceAt(), value))

    expect(error.message).toBe(
      'content/2024/wahl.md:2:1: the front matter must be a list of "key: value" lines, like title: … and date: …',
    )
  })
})

describe('parseYaml', () => {
  it('should give what parseFrontMatter gives when the YAML is simple', () => {
    const value = 'title: Wahl\ndate: 25.10.2024\ncategory: Politik\n'

    const expected = parseFrontMatter(sourceAt(), value)
    expect(parseYaml(sourceAt(), value)).toEqual(expected)
  })

  it('should read flow mappings with their key position when the YAML needs js-yaml', () => {
    const value = parseYaml(
      sourceAt(3),
      'title: Wahl\nauthor: { name: Anna, url: "https://example.de/anna" }\n',
    )

    expect(value).toEqual({
      data: { title: 'Wahl', author: { name: 'Anna', url: 'https://example.de/anna' } },
      positions: [
        ['title', 3, 8],
        ['author', 4, 9],
      ],
    })
  })

  it('should report a YAML error at the file line and column when js-yaml refuses the text', () => {
    const error = errorOf(() => parseYaml(sourceAt(4), 'title: Wahl: Ergebnis\n'))

    expect(error.location).toEqual({ file: 'content/2024/wahl.md', line: 4, column: 12 })
  })
})
