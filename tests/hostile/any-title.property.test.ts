import { readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { decodeEntities } from '../../src/render/entities.js'
import { FIXED_NOW, makeTempDir, removeTempDirs } from '../helpers/fixture.js'
import { readersFor } from '../helpers/readers.js'
import { entryReadersFor, FEED_FILES, parseXmlStrictly } from './_entries.js'
import { toYamlString, withoutNonXmlChars } from './_text.js'

// Fragments that trip careless feed generators: XML-forbidden controls, CDATA ends, markup, entity
// look-alikes, YAML syntax, emoji sequences, right-to-left text and overrides, lone surrogates.
const NASTY = [
  ...['\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\uFFFE', '\uFFFF'],
  ...['\t', '\r', '\r\n', '\n', ' ', '  ', '\u00A0', '\u2028', '\u3000', '\uFEFF', '\u200B'],
  ...[']]>', ']]]]>', '<![CDATA[', '&', '<', '>', '"', "'", '<b>fett</b>', '</title>', '<!--'],
  ...['&amp;', '&lt;', '&#38;', '&#x3C;', '&nbsp;', '&copy', 'AT&T', '&#1;', '&#13;', '&#xFFFE;', '&#xD800;'],
  ...['---', '# ', ': ', '- ', '? ', '*', '`', '\\', '%', '{', '}', '[', ']', '|', '>-'],
  ...['😀', '👩‍👩‍👧', '🇩🇪', 'مرحبا', 'שלום', '\u202E', '\u202Dabc\u202C', '„Zitat“', 'Ärger', 'ẞ'],
  ...['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800'],
]

const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...NASTY))
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''))

/** kanal's normalisation of titles, categories and author names: XML-forbidden characters removed, white space collapsed. */
function normalized(value: string): string {
  return withoutNonXmlChars(value).replace(/\s+/g, ' ').trim()
}

/**
 * A title as kanal reads it: its HTML character references decoded as a page shows them (checked on
 * their own in tests/render/typographer.test.ts), then normalised; this test holds the XML round trip.
 */
function titleOf(value: string): string {
  return normalized(decodeEntities(value))
}

const articles = fc.record({
  title: text.filter((value) => titleOf(value) !== ''),
  // A category needs a letter or digit for its feed's URL (else it is an error, see names.test.ts).
  category: text.filter((value) => normalized(value) === '' || /[\p{L}\p{N}]/u.test(normalized(value))),
  author: text.filter((value) => normalized(value) !== ''),
  body: text,
})

/**
 * HTML as an HTML parser reads it: CR and CRLF become LF (https://html.spec.whatwg.org/#preprocessing-the-input-stream).
 * A `&#13;` in Markdown reaches the HTML as a raw CR, which XML readers, unlike JSON, turn into LF.
 */
function _asHtmlParserSees(html: string | undefined): string | undefined {
  return html?.replace(/\r\n?/g, '\n')
}

type Article = typeof articles extends fc.Arbitrary<infer T> ? T : never

let dir: string

beforeAll(async () => {
  dir = await makeTempDir()
  await mkdir(path.join(dir, 'content'))
  await writeFile(
    path.join(dir, 'kanal.config.json'),
    JSON.stringify({ title: 'Prüfblatt', siteUrl: 'https://pruefblatt.de/' }),
  )
})

afterAll(removeTempDirs)

/** Writes the article (front matter as YAML double-quoted strings) and builds into the shared folder. */
async function _build(value: Article) {
  const markdown = [
    '---',
    `title: ${toYamlString(value.title)}`,
    'date: 2025-01-15 12:00',
    `category: ${toYamlString(value.category)}`,
    `author: ${toYamlString(value.author)}`,
    '---',
    '',
    // A NUL byte makes the whole file binary, which kanal rejects on purpose.
    value.body.replaceAll('\u0000', ''),
    '',
  ].join('\n')
  await writeFile(path.join(dir, 'content', 'artikel.md'), markdown)
  // Every run may add a category folder: start from an empty output folder.
  await rm(path.join(dir, 'dist'), { recursive: true, force: true })
  const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
  const read = (file: string) => readFileSync(path.join(dir, 'dist', file), 'utf8')
  return { result, read }
}

describe('any title, category, author and body', () => {
  it('should build feeds every reader reads back exactly when the text is arbitrary Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(articles, async (value) => {
        const expected = {
          title: titleOf(value.title),
          categories: normalized(value.category) === '' ? [] : [normalized(value.category)],
          author: normalized(value.author),
        }

        const { result, read } = await _build(value)

        expect(result.errors.map((error) => error.message)).toEqual([])
        expect(result.ok).toBe(true)
        for (const file of result.files.filter((written) => /\.(xml|opml)$/.test(written.path))) {
          expect(() => parseXmlStrictly(read(file.path)), file.path).not.toThrow()
        }
        const html = (JSON.parse(read('feed.json')) as { items: { content_html: string }[] }).items[0]
          ?.content_html
        for (const { file, format } of FEED_FILES) {
          const contents = read(file)
          for (const reader of readersFor(format)) {
            const seen = await reader.read(contents)
            expect(
              seen.items.map((item) => item.title),
              `${reader.name} ${file}`,
            ).toEqual([expected.title])
          }
          for (const reader of entryReadersFor(format)) {
            const [entry] = await reader.read(contents)
            const where = `${reader.name} ${file}`
            // @rowanmanning/feed-parser decodes entities in content twice (see body-attacks.test.ts);
            // readers disagree on how they show an empty element.
            if (reader.name !== '@rowanmanning/feed-parser' && html !== '') {
              expect(_asHtmlParserSees(entry?.html), `${where}: the HTML of feed.json`).toBe(
                _asHtmlParserSees(html),
              )
            }
            if (entry?.categories !== undefined) expect(entry.categories, where).toEqual(expected.categories)
            // @rowanmanning/feed-parser reads an RSS author as a contact string ("Name <mail> (Name)"),
            // dropping brackets, e-mail-like and URL-like words: only the other readers are exact there.
            if (reader.name === '@rowanmanning/feed-parser' && format === 'rss') continue
            expect(entry?.authors, where).toEqual([expected.author])
          }
        }
      }),
      { numRuns: 50 },
    )
  }, 60_000)
})
