import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import Parser from 'rss-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { locateImage } from '../../src/media/image-place.js'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { FIXED_NOW } from '../helpers/fixture.js'

// Relative image paths of a generator's site name files beside the article FILE (Hugo page bundles,
// Jekyll's assets): the feeds must link them where the site publishes them, with the file's real size.

/** A PNG header of the given pixel size, padded to `bytes` (readers need only the header). */
function png(width: number, height: number, bytes = 64): Buffer {
  const head = Buffer.alloc(bytes)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(head)
  head.write('IHDR', 12, 'latin1')
  head.writeUInt32BE(width, 16)
  head.writeUInt32BE(height, 20)
  return head
}

const rssParser = new Parser({ customFields: { item: [['media:content', 'mediaContent']] } })

async function rssItems(dir: string) {
  const xml = await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')
  const smith = parseFeed(xml)
  if (smith.format !== 'rss') throw new Error('not RSS')
  const parsed = await rssParser.parseString(xml)
  return { smith: smith.feed.items ?? [], parsed: parsed.items, xml }
}

const HUGO = {
  'kanal.config.json': JSON.stringify({
    title: 'Wanderblatt',
    siteUrl: 'https://wanderblatt.example.de/',
    from: 'hugo',
    content: 'content',
    permalink: '/:path/',
  }),
  'content/posts/ausflug/index.md': `---
title: Ausflug auf den Inselsberg
date: 2025-05-01T10:00:00+02:00
images: [gipfel.png]
---

Der Blick vom Gipfel:

![Blick](blick.png)

<img src="karte.png" alt="Karte">

![Fehlt](fehlt.png)
`,
  'content/posts/ausflug/gipfel.png': png(1200, 630, 5000),
  'content/posts/ausflug/blick.png': png(800, 600),
  'content/posts/ausflug/karte.png': png(400, 300),
}

const JEKYLL = {
  'kanal.config.json': JSON.stringify({
    title: 'Bergblatt',
    siteUrl: 'https://bergblatt.example.de/',
    from: 'jekyll',
    content: '_posts',
    permalink: '/:year/:month/:day/:slug/',
  }),
  '_posts/2025-06-02-wanderung.md': `---
title: Wanderung zur Wartburg
image: ../assets/bilder/wartburg.png
---

![Die Burg](../assets/bilder/wartburg.png)
`,
  'assets/bilder/wartburg.png': png(1024, 768, 3000),
}

let dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.map(cleanup))
  dirs = []
})

async function site(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await makeScenario(files)
  dirs.push(dir)
  return dir
}

describe('locateImage', () => {
  it('should give no file when the reference is a URL or a site path', () => {
    const place = {
      articleDir: '/x',
      bundle: true,
      articleUrl: 'https://a.de/x/',
      siteUrl: 'https://a.de/',
      siteDir: '/',
    }
    expect(locateImage('https://b.de/a.png', place)).toBeUndefined()
    expect(locateImage('/bilder/a.png', place)).toBeUndefined()
    expect(locateImage('#anker', place)).toBeUndefined()
  })
})

describe('readImages and bodies with images beside the article', () => {
  it('should publish a page bundle’s images below the article’s URL with the file’s real size', async () => {
    const dir = await site(HUGO)
    const result = await build({ cwd: dir, now: FIXED_NOW })
    expect(result.errors).toEqual([])
    const { smith, parsed, xml } = await rssItems(dir)
    expect(smith[0]?.enclosures?.[0]).toMatchObject({
      url: 'https://wanderblatt.example.de/posts/ausflug/gipfel.png',
      length: 5000,
      type: 'image/png',
    })
    expect(parsed[0]?.enclosure).toMatchObject({ length: '5000' })
    expect(xml).toContain('width="1200" height="630"')
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(json.items[0].content_html).toContain(
      'src="https://wanderblatt.example.de/posts/ausflug/blick.png"',
    )
    expect(json.items[0].content_html).toContain(
      'src="https://wanderblatt.example.de/posts/ausflug/karte.png"',
    )
    // The missing file is named at its line, with what to do.
    expect(result.warnings.map((warning) => [warning.location.file, warning.location.line])).toEqual([
      ['content/posts/ausflug/index.md', 13],
    ])
    expect(result.warnings[0]?.reason).toContain('image file content/posts/ausflug/fehlt.png does not exist')
  })

  it('should link a Jekyll post’s ../assets image where Jekyll publishes it, not below the post’s URL', async () => {
    const dir = await site(JEKYLL)
    const result = await build({ cwd: dir, now: FIXED_NOW, strict: true })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    const { smith } = await rssItems(dir)
    expect(smith[0]?.enclosures?.[0]).toMatchObject({
      url: 'https://bergblatt.example.de/assets/bilder/wartburg.png',
      length: 3000,
    })
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(json.items[0].content_html).toContain(
      'src="https://bergblatt.example.de/assets/bilder/wartburg.png"',
    )
  })

  it('should not warn about a missing relative image of kanal’s own content without publicDir', async () => {
    const dir = await site({
      'kanal.config.json': JSON.stringify({ title: 'Eigen', siteUrl: 'https://eigen.example.de/' }),
      'content/text.md': '---\ntitle: Text\ndate: 2025-01-01\nimage: bild.jpg\n---\n\n![x](fehlt.jpg)\n',
    })
    const result = await build({ cwd: dir, now: FIXED_NOW, strict: true })
    expect(result.warnings).toEqual([])
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(json.items[0].image).toBe('https://eigen.example.de/text/bild.jpg')
  })
})

describe('image files and the cache', () => {
  it('should reuse a stored body whose image files are unchanged, and render it again when one moves', async () => {
    const dir = await site(JEKYLL)
    await build({ cwd: dir, now: FIXED_NOW })
    await writeFile(path.join(dir, '_posts/2025-06-03-rast.md'), '---\ntitle: Rast\n---\n\nPause.\n')
    const again = await build({ cwd: dir, now: FIXED_NOW })
    expect(again.stats.renderReused).toBe(1)
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(json.items[1].content_html).toContain(
      'src="https://bergblatt.example.de/assets/bilder/wartburg.png"',
    )
    await rm(path.join(dir, 'assets/bilder/wartburg.png'))
    const moved = await build({ cwd: dir, now: FIXED_NOW })
    expect(moved.stats.renderReused).toBe(1)
    const after = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    // No file: resolved against the post's URL, as a browser would, and warned about at both places.
    expect(after.items[1].content_html).toContain(
      'src="https://bergblatt.example.de/2025/06/02/assets/bilder/wartburg.png"',
    )
    expect(moved.warnings.map((warning) => warning.location.line)).toEqual([3, 6])
  })

  it('should give what a build without cache gives when an image file changes, appears or goes', async () => {
    const dir = await site(HUGO)
    const bundle = path.join(dir, 'content/posts/ausflug')
    const steps: (() => Promise<void>)[] = [
      async () => writeFile(path.join(bundle, 'gipfel.png'), png(1600, 900, 7777)),
      async () => writeFile(path.join(bundle, 'fehlt.png'), png(10, 10)),
      async () => rm(path.join(bundle, 'blick.png')),
    ]
    await build({ cwd: dir, now: FIXED_NOW })
    for (const step of steps) {
      await build({ cwd: dir, now: FIXED_NOW })
      await step()
      const cached = await build({ cwd: dir, now: FIXED_NOW })
      const withCache = {
        rss: await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'),
        json: await readFile(path.join(dir, 'dist/feed.json'), 'utf8'),
        warnings: cached.warnings.map((warning) => warning.message),
      }
      const fresh = await build({ cwd: dir, now: FIXED_NOW, cache: false })
      expect(withCache).toEqual({
        rss: await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'),
        json: await readFile(path.join(dir, 'dist/feed.json'), 'utf8'),
        warnings: fresh.warnings.map((warning) => warning.message),
      })
    }
    const { smith } = await rssItems(dir)
    expect(smith[0]?.enclosures?.[0]).toMatchObject({ length: 7777 })
    // Helper threads look for the same files.
    const single = await readFile(path.join(dir, 'dist/feed.json'), 'utf8')
    await build({ cwd: dir, now: FIXED_NOW, cache: false, threads: 2 })
    expect(await readFile(path.join(dir, 'dist/feed.json'), 'utf8')).toBe(single)
  })
})
