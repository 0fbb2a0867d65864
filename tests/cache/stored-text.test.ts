import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'

// The cache's files are read without a full decode where that is cheaper (article paths in the
// index, stored bodies checked over their bytes): these must read back exactly what a build wrote.

const NOW = new Date('2026-01-01T00:00:00Z')
const CONFIG = JSON.stringify({ title: 'Gespeichert', siteUrl: 'https://gespeichert.de/', limit: 10 })
// Latin-1 (written as is), beyond Latin-1 (written as \u escapes), a quote and a backslash (escaped).
const NAMES = ['Ärger.md', 'Łódź.md', 'zitat-"so".md', 'schräg\\strich.md', 'grüße-😀.md']

function article(index: number, title: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-10-1${index} 10:00\n---\n\nText über „${title}“.\n`
}

async function withoutCache(dir: string): Promise<Record<string, string>> {
  await build({ cwd: dir, now: NOW, cache: false, out: 'plain' })
  return snapshotFolder(path.join(dir, 'plain'))
}

describe('readIndexText', () => {
  let dir: string
  beforeEach(async () => {
    const files = Object.fromEntries(NAMES.map((name, index) => [`content/${name}`, article(index, name)]))
    dir = await makeScenario({ 'kanal.config.json': CONFIG, ...files })
  })
  afterEach(() => cleanup(dir))

  it('should reuse every article when their paths are written escaped or as they are', async () => {
    expect((await build({ cwd: dir, now: NOW, cache: 'cache' })).ok).toBe(true)
    await rm(path.join(dir, 'dist'), { recursive: true })

    const again = await build({ cwd: dir, now: NOW, cache: 'cache' })
    expect(again.stats).toMatchObject({ parsed: 0, reused: NAMES.length, renderReused: NAMES.length })
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })

  it('should read the one changed article again when its path needs escaping', async () => {
    await build({ cwd: dir, now: NOW, cache: 'cache' })
    await writeFile(path.join(dir, 'content', 'Łódź.md'), article(1, 'Łódź, neu'))

    const again = await build({ cwd: dir, now: NOW, cache: 'cache' })
    expect(again.stats).toMatchObject({ parsed: 1, reused: NAMES.length - 1 })
    const feed = await readFile(path.join(dir, 'dist', 'rss.xml'), 'utf8')
    expect(feed).toContain('Łódź, neu')
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })
})

describe('HtmlStore.get', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'content/a.md': article(1, 'Größe') })
    expect((await build({ cwd: dir, now: NOW, cache: 'cache' })).ok).toBe(true)
    await rm(path.join(dir, 'dist'), { recursive: true })
  })
  afterEach(() => cleanup(dir))

  it('should render again when a stored body has a byte that is not UTF-8', async () => {
    const file = path.join(dir, 'cache', 'bodies.pack')
    const bytes = await readFile(file)
    // „ is E2 80 9E in UTF-8: its last byte made invalid leaves the text's length in bytes the same.
    const at = bytes.indexOf(Buffer.from('„'))
    expect(at).toBeGreaterThan(129)
    bytes[at + 2] = 0xff
    await writeFile(file, bytes)

    const again = await build({ cwd: dir, now: NOW, cache: 'cache' })
    expect(again.stats).toMatchObject({ rendered: 1, renderReused: 0 })
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })

  it('should serve a stored body with text beyond ASCII as it was written', async () => {
    const again = await build({ cwd: dir, now: NOW, cache: 'cache' })
    expect(again.stats).toMatchObject({ rendered: 0, renderReused: 1 })
    const feed = JSON.parse(await readFile(path.join(dir, 'dist', 'feed.json'), 'utf8')) as {
      items: { content_html: string }[]
    }
    expect(feed.items[0]?.content_html).toContain('Text über „Größe“.')
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })
})
