import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'
import { readersFor } from '../helpers/readers.js'
import { decodeHtmlText, FEED_FILES, parseXmlStrictly, READER_CASES } from './_entries.js'

const TITLES = [
  `AT&T <b>fett</b> "zitiert" 'einfach' ]]> a < b`,
  "Ruhiger Artikel & Co. – „Zitat“ mit 'Apostroph'",
]
const CATEGORY_FOLDER = 'kategorie/wirtschaft-und-finanzen/'

let built: BuiltFixture

beforeAll(async () => {
  built = await buildFixture('hostile/cdata-and-escaping', { cache: false })
})

afterAll(removeTempDirs)

const FILES = ['', CATEGORY_FOLDER].flatMap((folder) => FEED_FILES.map(({ file }) => `${folder}${file}`))
const XML_FILES = FILES.filter((file) => file.endsWith('.xml'))

// @rowanmanning/feed-parser decodes content entities a second time (see body-attacks.test.ts).
const EXACT_READER_CASES = READER_CASES.filter((value) => value.name !== '@rowanmanning/feed-parser')

describe('cdata-and-escaping fixture', () => {
  it('should build without errors or warnings when titles hold markup and CDATA ends', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.warnings).toEqual([])
    expect(value.ok).toBe(true)
  })

  it('should write only well-formed XML when any document is parsed strictly', () => {
    const value = built.result.files.filter((file) => /\.(xml|xsl|opml)$/.test(file.path))

    expect(value.map((file) => file.path)).toEqual(expect.arrayContaining(XML_FILES))
    for (const file of value) expect(() => parseXmlStrictly(built.read(file.path)), file.path).not.toThrow()
  })

  it.each(XML_FILES)('should write no CDATA section and no literal ]]> when writing %s', (file) => {
    const value = built.read(file)

    expect(value).not.toContain('<![CDATA[')
    expect(value).not.toContain(']]>')
  })

  it.each(READER_CASES)(
    'should read both titles back exactly when $name reads $file',
    async ({ file, reader }) => {
      const value = await reader.read(built.read(file))

      expect(value.map((entry) => entry.title)).toEqual(TITLES)
    },
  )

  it.each(READER_CASES)(
    'should read category and author back exactly when $name reads $file',
    async ({ file, reader }) => {
      const value = await reader.read(built.read(file))

      for (const entry of value) {
        if (entry.categories !== undefined) expect(entry.categories).toEqual(['Wirtschaft & Finanzen'])
        expect(entry.authors).toEqual(['Müller & Söhne'])
      }
    },
  )

  it.each(READER_CASES)(
    'should let no body text break out of its item when $name reads $file',
    async ({ file, reader }) => {
      const value = await reader.read(built.read(file))

      expect(value).toHaveLength(2)
      for (const entry of value) expect(entry.title).not.toBe('Fremd')
    },
  )

  it.each(EXACT_READER_CASES)(
    'should show every ]]> of the body as text when $name reads $file',
    async ({ file, reader }) => {
      const [entry] = await reader.read(built.read(file))
      const value = entry?.html ?? ''

      expect(decodeHtmlText(value)).toContain('stolpert über ]]> im Text, über ]]]]> und über ]]>]]>.')
      expect(value).toContain('<code>code mit ]]&gt; darin</code>')
      expect(value).toContain('title="Titel mit ]]&gt; und &amp;"')
      expect(value).toContain('alt="Alt mit ]]&gt; und &quot;Anführung&quot;"')
      const code = /<pre><code class="language-xml">([\s\S]*?)<\/code><\/pre>/.exec(value)?.[1] ?? ''
      expect(decodeHtmlText(code)).toBe('<![CDATA[ ]]> ]]]]><![CDATA[> ]]>\n')
    },
  )

  it.each(READER_CASES)(
    'should show the summary as plain text with ]]> when $name reads $file',
    async ({ file, format, reader }) => {
      const expected = 'Wer CDATA benutzt, stolpert über ]]> im Text, über ]]]]> und über ]]>]]>.'

      const [entry] = await reader.read(built.read(file))
      // RSS `description` is HTML: the plain text arrives escaped once more.
      const value = format === 'rss' ? decodeHtmlText(entry?.summary ?? '') : entry?.summary

      expect(value).toBe(expected)
    },
  )

  it.each(
    FEED_FILES.flatMap(({ file, format }) =>
      readersFor(format).map((reader) => ({ file: `${CATEGORY_FOLDER}${file}`, reader, name: reader.name })),
    ),
  )(
    'should title the category feed with the exact category when $name reads $file',
    async ({ file, reader }) => {
      const value = await reader.read(built.read(file))

      expect(value.title).toBe('Zeichenblatt – Wirtschaft & Finanzen')
      expect(value.items.map((item) => item.title)).toEqual(TITLES)
    },
  )
})
