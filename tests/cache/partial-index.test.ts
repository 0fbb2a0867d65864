import { appendFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { expectAsWithoutCache } from './_without-cache.js'

// A rebuild that takes the last selection (only bodies changed) starts from the shown articles' index
// rows, kept in the selection memo, and reads the index file only when it needs an entry beyond them
// or compacts the file. Watched here: `loadIndexFile` (reading the index) and `loadArticles` (loading
// every article). Whatever a build reads, its output must equal a build without any cache, and the
// index it leaves must serve the next build every entry.
vi.mock('../../src/fast/_index-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/fast/_index-file.js')>()
  return { ...original, loadIndexFile: vi.fn(original.loadIndexFile) }
})
vi.mock('../../src/content/load.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/content/load.js')>()
  return { ...original, loadArticles: vi.fn(original.loadArticles) }
})
const { loadIndexFile } = await import('../../src/fast/_index-file.js')
const { loadArticles } = await import('../../src/content/load.js')

const NOW = new Date('2026-01-01T00:00:00Z')
// Three articles shown of eight: a1–a5 are never in a feed.
const CONFIG = JSON.stringify({ title: 'Teilweise', siteUrl: 'https://teil.example.de/', limit: 3 })

function article(index: number, title = `Artikel ${index}`): string {
  return `---\ntitle: ${title}\ndate: 2025-10-${String(10 + index).padStart(2, '0')} 10:00\n---\n\nText ${index}.\n`
}

/** What the cached build did (read the index, loaded every article), after comparing it with one without cache. */
async function buildAndCompare(dir: string) {
  vi.mocked(loadIndexFile).mockClear()
  vi.mocked(loadArticles).mockClear()
  const cached = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache' })
  const did = {
    // A first build asks too, and finds no file.
    readIndex: vi.mocked(loadIndexFile).mock.results.some((result) => result.value !== undefined),
    loadedAll: vi.mocked(loadArticles).mock.calls.length > 0,
    stats: cached.stats,
  }
  expect(cached.ok).toBe(true)
  await expectAsWithoutCache(dir, cached, NOW)
  return did
}

const edit = (dir: string, index: number, text = 'Noch ein Satz.') =>
  appendFile(path.join(dir, `content/a${index}.md`), `${text}\n`)

describe('the index of a rebuild in which only bodies changed', () => {
  let dir: string
  beforeEach(async () => {
    const files: Record<string, string> = { 'kanal.config.json': CONFIG }
    for (let index = 1; index <= 8; index++) files[`content/a${index}.md`] = article(index)
    dir = await makeScenario(files)
    // A first build writes its index as it reads: its memo has no rows, so the next build reads the file.
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: false, loadedAll: true })
    await edit(dir, 8)
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: true, loadedAll: false })
  })
  afterEach(() => cleanup(dir))

  it('should not read the index file when a shown article changed', async () => {
    // Only the changed body is rendered: the others' body hashes come from the memo's rows.
    const taken = { readIndex: false, loadedAll: false, stats: { parsed: 1, rendered: 1, renderReused: 2 } }
    await edit(dir, 8)
    expect(await buildAndCompare(dir)).toMatchObject(taken)
    await edit(dir, 7)
    expect(await buildAndCompare(dir)).toMatchObject(taken)
  })

  it('should leave an index that serves every entry to a build that loads them all', async () => {
    await edit(dir, 8)
    await edit(dir, 6)
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: false, loadedAll: false })
    // A new title: every article is loaded, all but that one from the index.
    await writeFile(path.join(dir, 'content/a7.md'), article(7, 'Neuer Titel'))
    const loaded = await buildAndCompare(dir)
    expect(loaded).toMatchObject({ readIndex: true, loadedAll: true })
    expect(loaded.stats).toMatchObject({ parsed: 1, reused: 7 })
  })

  it('should read the index file for an article not shown, and still take the last selection', async () => {
    await edit(dir, 2)
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: true, loadedAll: false })
    // That build knew every entry: its memo has the shown articles' rows again.
    await edit(dir, 8)
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: false, loadedAll: false })
  })

  it('should compact the index when it has grown, from the file it then reads', async () => {
    const index = path.join(dir, 'cache/articles.ndjson')
    const lines = async () => (await readFile(index, 'latin1')).split('\n').length
    const start = await lines()
    // Each body edit appends the entry's new stats, its new body hash and a seal: three lines.
    let compacted = false
    for (let round = 0; round < 40 && !compacted; round++) {
      await edit(dir, 8, `Satz ${round}.`)
      const before = await lines()
      const did = await buildAndCompare(dir)
      expect(did.loadedAll).toBe(false)
      compacted = (await lines()) < before
      expect(did.readIndex).toBe(compacted)
    }
    expect(compacted).toBe(true)
    expect(await lines()).toBeLessThanOrEqual(start + 3)
    // The compacted index still holds every article.
    await writeFile(path.join(dir, 'content/a1.md'), article(1, 'Anders'))
    expect((await buildAndCompare(dir)).stats).toMatchObject({ parsed: 1, reused: 7 })
  }, 60_000)

  it('should record in the memo the index file as it is: seal, lines, entries, inode and size', async () => {
    const index = path.join(dir, 'cache/articles.ndjson')
    const secret = await readFile(path.join(dir, 'cache/seal.key'))
    const recorded = async () => {
      const memo = (await readFile(path.join(dir, 'cache/selection.json'), 'latin1')).split('\n')[1] as string
      return JSON.parse(memo).known?.state
    }
    const actual = async () => {
      const loaded =
        vi.mocked(loadIndexFile).getMockImplementation()?.(index, secret) ?? loadIndexFile(index, secret)
      const lines = (await readFile(index, 'latin1')).split('\n').length - 1
      return { ...loaded?.state, lines }
    }
    // After a build that read the index and appended to it, and after one that appended from the rows.
    expect(await recorded()).toEqual(await actual())
    await edit(dir, 8)
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: false })
    expect(await recorded()).toEqual(await actual())
    expect((await recorded()).entries).toBe(8)
  })

  it('should not trust rows edited in the memo', async () => {
    const memo = path.join(dir, 'cache/selection.json')
    const text = await readFile(memo, 'latin1')
    expect(text).toContain('Artikel 8')
    await writeFile(memo, text.replace('Artikel 8', 'Artikel 0'), 'latin1')
    await edit(dir, 8)
    expect(await buildAndCompare(dir)).toMatchObject({ readIndex: true, loadedAll: true })
  })
})
