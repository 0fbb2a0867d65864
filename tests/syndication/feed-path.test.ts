import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { feedBaseUrl } from '../../src/feed-model.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'
import { patchConfig } from './_site.js'

// The site lives at /blog/, the output folder is published at /blog/feeds/: every link to a feed or
// view must say so, article links must not.
const SITE = 'https://archiv.example.de/blog/'
const FEEDS = 'https://archiv.example.de/blog/feeds/'

describe('feedPath', () => {
  let out = ''
  const read = (file: string) => readFile(path.join(out, file), 'utf8')

  beforeAll(async () => {
    const dir = await copyFixture('syndication/archive')
    await patchConfig(dir, { siteUrl: SITE, feedPath: '/feeds', hubs: ['https://hub.example.de/'] })
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, out: 'public/feeds' })
    expect(result.errors).toEqual([])
    out = path.join(dir, 'public/feeds')
  })
  afterAll(removeTempDirs)

  it('should put the self link of every format below feedPath when it is set', async () => {
    const rss = parseFeed(await read('rss.xml'))
    const atom = parseFeed(await read('atom.xml'))
    const json = JSON.parse(await read('feed.json'))
    expect(rss.format === 'rss' && rss.feed.atom?.links?.find((link) => link.rel === 'self')?.href).toBe(
      `${FEEDS}rss.xml`,
    )
    expect(atom.format === 'atom' && atom.feed.links?.find((link) => link.rel === 'self')?.href).toBe(
      `${FEEDS}atom.xml`,
    )
    expect(json.feed_url).toBe(`${FEEDS}feed.json`)
    expect(json.home_page_url).toBe(SITE)
  })

  it('should put category feeds and archive links (prev-archive, current, next_url) below feedPath', async () => {
    const category = parseFeed(await read('kategorie/politik/atom.xml'))
    expect(category.format === 'atom' && category.feed.links?.find((link) => link.rel === 'self')?.href).toBe(
      `${FEEDS}kategorie/politik/atom.xml`,
    )
    const rss = await read('rss.xml')
    const prev = /<atom:link href="([^"]+)" rel="prev-archive"\/>/.exec(rss)?.[1]
    expect(prev).toMatch(new RegExp(`^${FEEDS}archiv/\\d+/rss\\.xml$`))
    const json = JSON.parse(await read('feed.json'))
    expect(json.next_url).toMatch(new RegExp(`^${FEEDS}archiv/\\d+/feed\\.json$`))
    const page = path.posix.relative(FEEDS, prev ?? '')
    const archive = await read(page)
    expect(archive).toContain(`<atom:link href="${FEEDS}rss.xml" rel="current"/>`)
  })

  it('should leave article links at the site URL when feedPath is set', async () => {
    const json = JSON.parse(await read('feed.json'))
    expect(json.items[0].url).toBe(`${SITE}artikel-11/`)
  })

  it('should link the views (OPML, index.html discovery tags, the browser view script) below feedPath', async () => {
    const opml = await read('feeds.opml')
    const xmlUrls = [...opml.matchAll(/xmlUrl="([^"]+)"/g)].map((match) => match[1])
    expect(xmlUrls).toEqual([
      `${FEEDS}rss.xml`,
      `${FEEDS}kategorie/politik/rss.xml`,
      `${FEEDS}kategorie/sport/rss.xml`,
    ])
    const index = await read('index.html')
    expect(index).toContain(
      `<link rel="alternate" type="application/feed+json" title="Archivblatt (JSON Feed)" href="${FEEDS}feed.json">`,
    )
    const rss = await read('kategorie/sport/rss.xml')
    const script = /<script src="([^"]+)"><\/script>/.exec(rss)?.[1] ?? ''
    expect(new URL(script, `${FEEDS}kategorie/sport/rss.xml`).href).toBe(`${FEEDS}feed-view.js`)
  })

  it('should point every absolute link to an output file below feedPath, in every file written', async () => {
    const files = (await readdir(out, { recursive: true })).filter((file) =>
      /\.(xml|json|html|opml)$/.test(file),
    )
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const text = await read(file)
      const links = [...text.matchAll(/https?:\/\/[^"'<\s]+\.(?:xml|json|xsl|opml|html)\b/g)].map((m) => m[0])
      for (const link of links) expect(link.startsWith(FEEDS), `${file}: ${link}`).toBe(true)
    }
  })
})

describe('feedBaseUrl', () => {
  it('should resolve feedPath below the site URL when the site lives in a sub-folder', () => {
    expect(feedBaseUrl({ siteUrl: SITE, feedPath: '/' })).toBe(SITE)
    expect(feedBaseUrl({ siteUrl: SITE, feedPath: '/feeds/' })).toBe(FEEDS)
    expect(feedBaseUrl({ siteUrl: 'https://x.de/', feedPath: '/a/b/' })).toBe('https://x.de/a/b/')
  })
})
