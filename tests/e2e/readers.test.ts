import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BASIC_FEEDS,
  BASIC_FILES,
  BASIC_HIDDEN_TITLES,
  type ExpectedFeed,
  FEED_FILE_NAMES,
} from '../helpers/basic.js'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'
import { type FeedFormat, formatOf, readersFor, type SeenFeed } from '../helpers/readers.js'

const SITE = 'https://www.testblatt.de/'
const PREVIEW_SITE = 'http://testblatt.de/'

let built: BuiltFixture
let preview: BuiltFixture

beforeAll(async () => {
  ;[built, preview] = await Promise.all([
    buildFixture('basic'),
    buildFixture('basic', { siteUrl: PREVIEW_SITE }),
  ])
})

afterAll(removeTempDirs)

/** Every output file with every reader that understands its format. */
const CASES = BASIC_FEEDS.flatMap((feed) =>
  FEED_FILE_NAMES.flatMap((name) => {
    const file = `${feed.folder}${name}`
    return readersFor(formatOf(file)).map((reader) => ({ file, feed, reader, name: reader.name }))
  }),
)

/** What a reader must show of a feed when the site lives at `site`. */
function _expectedSeen(feed: ExpectedFeed, site: string): SeenFeed {
  return {
    title: feed.title,
    items: feed.items.map((article) => ({
      title: article.title,
      link: `${site}${article.path}`,
      id: article.id,
      instant: Date.parse(article.instant),
    })),
  }
}

describe('build of the basic fixture', () => {
  it('should write the main feed and one feed per category in three formats when built', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.ok).toBe(true)
    // Other files (a stylesheet, an OPML list, …) may sit beside the feeds.
    const feeds = value.files
      .map((file) => file.path)
      .filter((file) => /(rss\.xml|atom\.xml|feed\.json)$/.test(file))
    expect(feeds.sort()).toEqual(BASIC_FILES)
  })

  it.each(BASIC_FILES)('should leave the draft and the future article out when writing %s', (file) => {
    const value = built.read(file)

    for (const title of BASIC_HIDDEN_TITLES) expect(value).not.toContain(title)
    expect(value).not.toMatch(/entwurf|zukunft/)
  })
})

describe('feed readers', () => {
  it.each(CASES)('should show exactly the expected items when $name reads $file', async (value) => {
    const expected = _expectedSeen(value.feed, SITE)

    expect(await value.reader.read(built.read(value.file))).toEqual(expected)
  })
})

describe('ids across site URLs', () => {
  it.each(CASES)(
    'should keep every id and move every link when $name reads $file built for http://testblatt.de/',
    async (value) => {
      const expected = _expectedSeen(value.feed, PREVIEW_SITE)

      const seen = await value.reader.read(preview.read(value.file))
      const before = await value.reader.read(built.read(value.file))

      expect(seen).toEqual(expected)
      expect(seen.items.map((item) => item.id)).toEqual(before.items.map((item) => item.id))
      for (const [index, item] of seen.items.entries()) expect(item.link).not.toBe(before.items[index]?.link)
    },
  )
})

/** Item dates as written (`pubDate` / `published` / `date_published`), and every other date too. */
function _writtenDates(text: string, format: FeedFormat): { items: string[]; all: string[] } {
  if (format === 'json') {
    const feed = JSON.parse(text) as { items: { date_published: string; date_modified?: string }[] }
    const items = feed.items.map((item) => item.date_published)
    return { items, all: [...items, ...feed.items.flatMap((item) => item.date_modified ?? [])] }
  }
  const element = format === 'rss' ? 'pubDate' : 'published'
  const all = format === 'rss' ? 'pubDate|lastBuildDate' : 'published|updated'
  const values = (names: string) =>
    [...text.matchAll(new RegExp(`<(?:${names})>([^<]*)</`, 'g'))].map((match) => match[1] ?? '')
  return { items: values(element), all: values(all) }
}

const _BERLIN_OFFSET: Record<FeedFormat, RegExp> = {
  rss: /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0[12]00$/,
  atom: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/,
  json: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/,
}

describe('written dates', () => {
  const files = BASIC_FEEDS.flatMap((feed) =>
    FEED_FILE_NAMES.map((name) => ({ feed, file: `${feed.folder}${name}` })),
  )

  it.each(files)('should write Berlin wall time with its offset when writing $file', ({ feed, file }) => {
    const format = formatOf(file)
    const expected = feed.items.map((article) => (format === 'rss' ? article.rss : article.rfc3339))

    const value = _writtenDates(built.read(file), format)

    expect(value.items).toEqual(expected)
    expect(value.all.length).toBeGreaterThan(0)
    for (const date of value.all) expect(date).toMatch(_BERLIN_OFFSET[format])
  })
})
