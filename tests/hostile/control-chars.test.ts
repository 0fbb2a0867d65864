import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'
import { decodeHtmlText, FEED_FILES, parseXmlStrictly, READER_CASES } from './_entries.js'
import { article, buildSite } from './_site.js'
import { withoutNonXmlChars } from './_text.js'

const FILE = 'content/steuerzeichen.md'

let built: BuiltFixture

beforeAll(async () => {
  built = await buildFixture('hostile/control-chars', { cache: false })
})

afterAll(removeTempDirs)

describe('control-chars fixture', () => {
  it('should build when title, category, author, summary and body hold forbidden characters', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.ok).toBe(true)
  })

  it.each([
    { key: 'title', line: 3 },
    { key: 'category', line: 5 },
    { key: 'author', line: 6 },
    { key: 'summary', line: 7 },
  ])('should warn with file and line when "$key" loses control characters', ({ key, line }) => {
    const value = built.result.warnings.filter((warning) => warning.reason.includes(`"${key}"`))

    expect(value).toHaveLength(1)
    expect(value[0]?.location).toMatchObject({ file: FILE, line })
    expect(value[0]?.reason).toMatch(/control character/)
  })

  it('should warn with file and line when the body loses control characters', () => {
    const value = built.result.warnings.filter((warning) => /from the text/.test(warning.reason))

    expect(value).toHaveLength(1)
    expect(value[0]?.location.file).toBe(FILE)
    // The body starts on line 9; the first removed character sits on line 10.
    expect(value[0]?.location.line).toBe(10)
    expect(built.result.warnings).toHaveLength(5)
  })

  it.each(FEED_FILES)('should write no forbidden character when writing $file', ({ file }) => {
    const value = built.read(file)

    expect(withoutNonXmlChars(value)).toBe(value)
    // Nor as a character reference, which XML forbids just the same.
    expect(value).not.toMatch(/&#(x0*([0-8bcef]|1[0-9a-f]|fff[ef])|0*([0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/i)
    if (file !== 'feed.json') expect(() => parseXmlStrictly(value)).not.toThrow()
  })

  it.each(READER_CASES)(
    'should show the fields without the characters when $name reads $file',
    async ({ file, format, reader }) => {
      const expected = {
        title: 'Steuerzeichen im Titel und mehr',
        summary: 'Zusammenfassung mit Störzeichen',
        authors: ['Max Mustermann'],
      }

      const [value] = await reader.read(built.read(file))

      expect(value?.title).toBe(expected.title)
      expect(format === 'rss' ? decodeHtmlText(value?.summary ?? '') : value?.summary).toBe(expected.summary)
      expect(value?.authors).toEqual(expected.authors)
      if (value?.categories !== undefined) expect(value.categories).toEqual(['Kontrollzeichen'])
    },
  )

  it.each(READER_CASES)(
    'should keep the tab and turn CR line ends into LF when $name reads $file',
    async ({ file, reader }) => {
      const expected =
        '<p>Absatz mit rohen Steuerzeichen aus dem Redaktionssystem.</p>\n' +
        '<pre><code>\tTab bleibt\nWindows-Zeile\nMac-Zeile\nEnde\n</code></pre>'

      const [value] = await reader.read(built.read(file))

      expect(value?.html).toBe(expected)
    },
  )
})

describe('raw control characters in front matter', () => {
  // YAML itself forbids them unescaped (https://yaml.org/spec/1.2.2/#51-character-set): the fixture
  // holds them as escapes. Written raw, the file cannot be read, and the author must learn where.
  it.each([
    { name: 'plain title', line: 'title: Vertikal\u000BTab' },
    { name: 'double-quoted title', line: 'title: "Steuer\u0001zeichen"' },
    { name: 'plain category', line: 'category: Kontroll\uFFFEzeichen' },
  ])('should report file and line when a $name holds one', async ({ line }) => {
    const value = await buildSite({
      'content/roh.md': article([
        'date: 2025-02-03',
        line,
        ...(line.startsWith('title') ? [] : ['title: Roh']),
      ]),
    })

    expect(value.result.ok).toBe(false)
    expect(value.result.files).toEqual([])
    expect(value.result.errors).toHaveLength(1)
    expect(value.result.errors[0]?.location).toMatchObject({ file: 'content/roh.md', line: 3 })
  })
})
