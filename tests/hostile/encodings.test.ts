import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'
import { FEED_FILES, READER_CASES } from './_entries.js'

const TITLE = 'Zeilenenden: Köln – „Dom“ & Rhein'

let built: BuiltFixture
let broken: BuiltFixture

beforeAll(async () => {
  ;[built, broken] = await Promise.all([
    buildFixture('hostile/encodings', { cache: false }),
    buildFixture('hostile/encodings', { cache: false, content: 'broken' }),
  ])
})

afterAll(removeTempDirs)

/** The items (RSS) or entries (Atom) of a document, with the article's slug replaced by `SLUG`. */
function _xmlItems(xml: string, slug: string): string[] {
  const items = [...xml.matchAll(/<(item|entry)>[\s\S]*?<\/\1>/g)].map(([item]) => item)
  return items.map((item) => item.replaceAll(slug, 'SLUG'))
}

describe('encodings fixture', () => {
  it('should build without errors or warnings when one copy has a BOM and CRLF line ends', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.warnings).toEqual([])
    expect(value.ok).toBe(true)
  })

  it.each(READER_CASES)(
    'should show the Windows copy exactly like the Unix one when $name reads $file',
    async ({ file, reader }) => {
      const value = await reader.read(built.read(file))

      expect(value).toHaveLength(2)
      expect(value[0]?.title).toBe(TITLE)
      expect(value[1]).toEqual(value[0])
    },
  )

  it.each(['rss.xml', 'atom.xml'])('should write the same item for both copies when writing %s', (file) => {
    const xml = built.read(file)
    const windows = _xmlItems(xml, 'windows').filter((item) => item.includes('SLUG'))
    const unix = _xmlItems(xml, 'unix').filter((item) => item.includes('SLUG'))

    expect(windows).toHaveLength(1)
    expect(unix).toHaveLength(1)
    expect(windows[0]).toBe(unix[0])
  })

  it('should write the same JSON item for both copies when writing feed.json', () => {
    const feed = JSON.parse(built.read('feed.json')) as { items: Record<string, unknown>[] }
    const value = feed.items.map(({ id: _id, url: _url, ...rest }) => rest)

    expect(value).toHaveLength(2)
    expect(value[1]).toEqual(value[0])
    expect(value[0]).toMatchObject({
      title: TITLE,
      summary: 'Eine Zusammenfassung über zwei Zeilen.',
      date_published: '2025-07-01T18:30:00+02:00',
      date_modified: '2025-07-02T08:15:00+02:00',
    })
  })

  it.each(FEED_FILES)('should carry no BOM and no CR into $file', ({ file }) => {
    const value = built.read(file)

    expect(value).not.toContain('\uFEFF')
    expect(value).not.toContain('\r')
  })
})

describe('broken encodings', () => {
  it('should write nothing when a file is Latin-1 or binary', () => {
    const value = broken.result

    expect(value.ok).toBe(false)
    expect(value.files).toEqual([])
  })

  it.each([
    { file: 'broken/latin1-titel.md', line: 2, column: 25, reason: /not UTF-8/ },
    { file: 'broken/latin1-text.md', line: 7, column: 19, reason: /not UTF-8/ },
  ])('should name file, line and column when $file is Latin-1', ({ file, line, column, reason }) => {
    const value = broken.result.errors.find((error) => error.location.file === file)

    expect(value?.location).toEqual({ file, line, column })
    expect(value?.reason).toMatch(reason)
  })

  it('should take NUL bytes in UTF-8 text as characters XML forbids: removed with a warning, not an error', () => {
    const value = broken.result.warnings.find((warning) => warning.location.file === 'broken/binaer.md')

    expect(value?.reason).toBe('removed 3 control characters that XML does not allow from the text')
    expect(value?.location.line).toBe(6)
    expect(broken.result.errors.map((error) => error.location.file)).toEqual([
      'broken/latin1-text.md',
      'broken/latin1-titel.md',
    ])
  })
})
