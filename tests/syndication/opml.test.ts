import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeTempDirs } from '../helpers/fixture.js'
import { viewFeed } from './_feeds.js'
import { buildSite, type Site } from './_site.js'
import { childNamed, childrenNamed, parseXml } from './_xml.js'

const SITE = 'https://www.testblatt.de/'

/** The subscription feeds of `syndication/categories` (tag feeds on), in the order kanal lists them. */
const EXPECTED = [
  { title: 'Testblatt', folder: '' },
  { title: 'Testblatt – Außenpolitik', folder: 'kategorie/aussenpolitik/' },
  { title: 'Testblatt – Über uns', folder: 'kategorie/ueber-uns/' },
  { title: 'Testblatt – Wirtschaft & Finanzen', folder: 'kategorie/wirtschaft-und-finanzen/' },
  { title: 'Testblatt – Europa', folder: 'thema/europa/' },
  { title: 'Testblatt – Geldpolitik', folder: 'thema/geldpolitik/' },
]

/** The outlines of a site's `feeds.opml`, parsed strictly with saxes. */
async function outlinesOf(site: Site) {
  const opml = parseXml(await site.read('feeds.opml'))
  expect(opml.local).toBe('opml')
  expect(opml.attributes.version).toBe('2.0')
  expect(childNamed(childNamed(opml, 'head'), 'title').text).toBe('Testblatt')
  return childrenNamed(childNamed(opml, 'body'), 'outline').map((outline) => outline.attributes)
}

let plain: Site
let archived: Site

beforeAll(async () => {
  ;[plain, archived] = await Promise.all([
    buildSite('syndication/categories'),
    buildSite('syndication/categories', { archive: true, limit: 1 }),
  ])
})

afterAll(removeTempDirs)

describe.each([
  { name: 'without archives', site: () => plain },
  { name: 'with archive pages (limit 1)', site: () => archived },
])('feeds.opml $name', ({ site }) => {
  it('should list every subscription feed exactly once with its title and RSS URL when built', async () => {
    const value = await outlinesOf(site())

    const expected = EXPECTED.map((feed) => ({
      type: 'rss',
      text: feed.title,
      title: feed.title,
      xmlUrl: `${SITE}${feed.folder}rss.xml`,
      htmlUrl: SITE,
    }))
    expect(value).toEqual(expected)
  })

  it('should list exactly the RSS subscription feeds written when compared with the build result', async () => {
    const value = (await outlinesOf(site())).map((outline) => outline.xmlUrl).sort()

    const expected = site()
      .result.files.map((file) => file.path)
      .filter((file) => file.endsWith('rss.xml') && !/(^|\/)archiv\//.test(file))
      .map((file) => `${SITE}${file}`)
      .sort()
    expect(value).toEqual(expected)
    expect(new Set(value).size).toBe(value.length)
  })

  it('should give each outline the title of the RSS feed it points to when read back', async () => {
    const outlines = await outlinesOf(site())

    for (const outline of outlines) {
      const file = (outline.xmlUrl ?? '').slice(SITE.length)
      const value = viewFeed(file, await site().read(file))
      expect({ file, title: value.title }).toEqual({ file, title: outline.title })
    }
  })
})
