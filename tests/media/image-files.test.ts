import { readFileSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { Config } from '../../src/config.js'
import { findImageFile } from '../../src/media/image-files.js'
import {
  type BuiltFixture,
  buildFixture,
  copyFixture,
  FIXED_NOW,
  removeTempDirs,
} from '../helpers/fixture.js'

const SITE = 'https://www.bilderblatt.de/'
const rssParser = new Parser({
  customFields: {
    item: [
      ['media:content', 'mediaContent'],
      ['media:thumbnail', 'mediaThumbnail'],
    ],
  },
})

/** Each article's image as the site publishes it, with the facts of the real file in the fixture. */
const IMAGES = [
  {
    title: 'Neues Rathaus eröffnet',
    url: `${SITE}bilder/rathaus.jpg`,
    file: 'bilder/rathaus.jpg',
    type: 'image/jpeg',
  },
  {
    title: 'Wahlabend in der Stadthalle',
    url: `${SITE}wahlabend/stimmzettel.webp`,
    file: 'wahlabend/stimmzettel.webp',
    type: 'image/webp',
  },
  {
    title: 'Sperrungen am Wochenende',
    url: `${SITE}bilder/karte.png`,
    file: 'bilder/karte.png',
    type: 'image/png',
  },
]

afterAll(removeTempDirs)

describe('readImages', () => {
  let built: BuiltFixture
  beforeAll(async () => {
    built = await buildFixture('media', { cache: false })
  })

  it('should build without warnings when every local image file is in publicDir', () => {
    expect(built.result.errors).toEqual([])
    expect(built.result.warnings).toEqual([])
  })

  it.each(IMAGES)(
    'should give $file its real size, type and pixels in enclosure and media:content',
    async (image) => {
      const bytes = statSync(path.join(built.dir, 'public', image.file)).size
      const feed = await rssParser.parseString(built.read('rss.xml'))
      const item = feed.items.find((entry) => entry.title === image.title)
      expect(item?.enclosure).toEqual({ url: image.url, length: String(bytes), type: image.type })
      expect(item?.mediaContent.$).toEqual({
        url: image.url,
        medium: 'image',
        type: image.type,
        fileSize: String(bytes),
        width: '120',
        height: '80',
      })
      expect(item?.mediaThumbnail.$).toEqual({ url: image.url, width: '120', height: '80' })
    },
  )

  it('should read Media RSS with feedsmith as aggregators do', () => {
    const feed = parseFeed(built.read('rss.xml'))
    if (feed.format !== 'rss') throw new Error(`expected RSS, got ${feed.format}`)
    const item = feed.feed.items?.find((entry) => entry.title === 'Neues Rathaus eröffnet')
    expect(item?.media?.contents?.[0]).toMatchObject({
      url: `${SITE}bilder/rathaus.jpg`,
      medium: 'image',
      width: 120,
      height: 80,
    })
  })

  it('should keep length 0 and add media:content without a size when the image is on another host', async () => {
    const feed = await rssParser.parseString(built.read('rss.xml'))
    const item = feed.items.find((entry) => entry.title === 'Meldung der Agentur')
    const url = 'https://cdn.agentur.example/fotos/gipfel.jpg'
    expect(item?.enclosure).toEqual({ url, length: '0', type: 'image/jpeg' })
    expect(item?.mediaContent.$).toEqual({ url, medium: 'image', type: 'image/jpeg' })
  })

  it('should carry the image in Atom and JSON Feed as before', () => {
    expect(built.read('atom.xml')).toContain(
      `<link rel="enclosure" type="image/jpeg" href="${SITE}bilder/rathaus.jpg"/>`,
    )
    const json = JSON.parse(built.read('feed.json'))
    expect(json.items.find((item: { title: string }) => item.title === 'Neues Rathaus eröffnet').image).toBe(
      `${SITE}bilder/rathaus.jpg`,
    )
  })

  it('should warn on the image line and write only media:content when the local file is missing', async () => {
    const dir = await copyFixture('media')
    await rm(path.join(dir, 'public/bilder/rathaus.jpg'))
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(
        /^content\/rathaus\.md:5(:\d+)?: image file public\/bilder\/rathaus\.jpg cannot be read \(ENOENT\)/,
      ),
    ])
    const feed = await rssParser.parseString(readFileSync(path.join(dir, 'dist/rss.xml'), 'utf8'))
    const item = feed.items.find((entry) => entry.title === 'Neues Rathaus eröffnet')
    expect(item?.enclosure).toBeUndefined()
    expect(item?.mediaContent.$).toEqual({
      url: `${SITE}bilder/rathaus.jpg`,
      medium: 'image',
      type: 'image/jpeg',
    })
  })
})

describe('findImageFile', () => {
  const config = { siteUrl: 'https://x.de/blog/', publicDir: 'public' } as Config
  it('should map an image below siteUrl to the same path below publicDir', () => {
    expect(findImageFile('https://x.de/blog/bilder/K%C3%B6ln%20Dom.jpg', config, '/site')).toBe(
      path.resolve('/site/public/bilder/Köln Dom.jpg'),
    )
  })
  it('should find no file when the image is elsewhere or publicDir is not set', () => {
    expect(findImageFile('https://x.de/anderes/a.jpg', config, '/site')).toBeUndefined()
    expect(
      findImageFile('https://x.de/blog/a.jpg', { ...config, publicDir: undefined } as Config, '/site'),
    ).toBeUndefined()
  })
})
