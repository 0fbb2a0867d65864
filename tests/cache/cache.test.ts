import { appendFile, mkdir, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'

const NOW = new Date('2026-01-01T00:00:00Z')
const CONFIG = JSON.stringify({ title: 'Cache-Test', siteUrl: 'https://cache.example.de/', limit: 3 })

function article(index: number, category: string, body = `Text ${index} mit [Link](bild-${index}.jpg).`) {
  return `---\ntitle: Artikel ${index}\ndate: 2024-10-${String(10 + index).padStart(2, '0')} 10:00\ncategory: ${category}\n---\n\n${body}\n`
}

/** A build (not up to date) that took every article and body from the cache. */
const FROM_CACHE = { parsed: 0, reused: 6, rendered: 0, renderReused: 6, upToDate: false }

/** Builds with the cache and without it; both outputs must be byte-identical. */
async function buildBoth(dir: string) {
  const cached = await build({ cwd: dir, now: NOW, out: 'mit-cache', cache: 'cache' })
  await rm(path.join(dir, 'ohne-cache'), { recursive: true, force: true })
  const fresh = await build({ cwd: dir, now: NOW, out: 'ohne-cache', cache: false })
  expect(cached.errors).toEqual([])
  expect(fresh.stats.reused + fresh.stats.renderReused).toBe(0)
  expect(await snapshotFolder(path.join(dir, 'mit-cache'))).toEqual(
    await snapshotFolder(path.join(dir, 'ohne-cache')),
  )
  return cached
}

describe('the build cache', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a1.md': article(1, 'Politik'),
      'content/a2.md': article(2, 'Politik'),
      'content/a3.md': article(3, 'Kultur'),
      'content/a4.md': article(4, 'Kultur'),
      'content/a5.md': article(5, 'Sport'),
      'content/a6.md': article(6, 'Sport'),
    })
    const first = await buildBoth(dir)
    expect(first.stats).toEqual({ parsed: 6, reused: 0, rendered: 6, renderReused: 0, upToDate: false })
  })
  afterEach(() => cleanup(dir))

  it('should report the last outcome and do nothing when nothing changed', async () => {
    const value = await buildBoth(dir)
    expect(value.stats).toEqual({ parsed: 0, reused: 6, rendered: 0, renderReused: 6, upToDate: true })
  })

  it('should read no body and render nothing when only the output is gone', async () => {
    // Without the output the up-to-date check fails, so this build runs, on the cache alone.
    await rm(path.join(dir, 'mit-cache'), { recursive: true })
    const value = await buildBoth(dir)
    expect(value.stats).toEqual({ parsed: 0, reused: 6, rendered: 0, renderReused: 6, upToDate: false })
  })

  it('should keep its entries when a file is touched but unchanged', async () => {
    const later = new Date('2030-01-01T00:00:00Z')
    await utimes(path.join(dir, 'content/a3.md'), later, later)
    const value = await buildBoth(dir)
    expect(value.stats).toEqual({ parsed: 0, reused: 6, rendered: 0, renderReused: 6, upToDate: false })
  })

  it.each([
    ['a longer body', article(2, 'Politik', 'Ganz neuer, längerer Text mit [anderem Link](/anders/).')],
    ['a body of the same length', article(2, 'Politik', 'Text 2 mit [Link](bild-9.jpg).')],
    ['a new title', article(2, 'Politik').replace('Artikel 2', 'Geändert 2')],
    ['a new category', article(2, 'Wirtschaft')],
  ])('should give the fresh output after an edit with %s', async (_, value) => {
    await writeFile(path.join(dir, 'content/a2.md'), value)
    const result = await buildBoth(dir)
    expect(result.stats.parsed).toBe(1)
  })

  it('should validate every article again after a config change, and give the fresh output', async () => {
    const config = {
      title: 'Cache-Test',
      siteUrl: 'https://cache.example.de/',
      limit: 3,
      timeZone: 'Asia/Tokyo',
    }
    await writeFile(path.join(dir, 'kanal.config.json'), JSON.stringify(config))
    const result = await buildBoth(dir)
    // Bodies and URLs did not change with the time zone: the rendered HTML still comes from the cache.
    expect(result.stats).toMatchObject({ parsed: 6, reused: 0, rendered: 0, renderReused: 6 })
  })

  it('should append what changed to the index, and read a removed entry as removed', async () => {
    const file = path.join(dir, 'cache/articles.ndjson')
    const before = (await readFile(file, 'utf8')).split('\n').length
    await writeFile(path.join(dir, 'content/a2.md'), article(2, 'Politik', 'Neu.'))
    await rm(path.join(dir, 'content/a6.md'))
    await buildBoth(dir)
    const lines = (await readFile(file, 'utf8')).split('\n')
    // a2's entry and its body's hash, a6 removed, and the seal of the three.
    expect(lines).toHaveLength(before + 4)
    expect(lines.at(-4)).toMatch(/^"a2\.md"\t#[0-9a-f]{64}$/)
    expect(lines.at(-3)).toBe('"a6.md"\t-')
    expect(lines.at(-2)).toMatch(/^![0-9a-f]{64}$/)
    const again = await buildBoth(dir)
    expect(again.stats).toMatchObject({ parsed: 0, reused: 5, upToDate: true })
  })

  it('should read a last line cut short by a crash as a missing entry, without a warning', async () => {
    await writeFile(path.join(dir, 'content/a2.md'), article(2, 'Politik', 'Neu.'))
    await appendFile(path.join(dir, 'cache/articles.ndjson'), '"a1.md"\t{"abgerissen":1')
    const result = await buildBoth(dir)
    expect(result.warnings).toEqual([])
    expect(result.stats).toMatchObject({ parsed: 1, reused: 5 })
    // Not appended to after the torn line, but written anew.
    expect(await readFile(path.join(dir, 'cache/articles.ndjson'), 'utf8')).not.toContain('{"abgerissen":1')
  })

  it('should give back text beyond Latin-1 exactly from the index', async () => {
    const title = '„Zitat“ aus Łódź 😀 \u{1F1E9}\u{1F1EA} – ok'
    await writeFile(path.join(dir, 'content/a2.md'), article(2, 'Politik').replace('Artikel 2', title))
    await writeFile(path.join(dir, 'content/über-„zitat“.md'), article(7, 'Kultur'))
    await buildBoth(dir)
    // The index is Latin-1 text: one byte per character, everything beyond escaped.
    const index = await readFile(path.join(dir, 'cache/articles.ndjson'), 'latin1')
    expect(index).toContain('\\u201eZitat\\u201c aus \\u0141\u00f3d\\u017a')
    // Another article changes: a2 now comes from the index.
    await writeFile(path.join(dir, 'content/a1.md'), article(1, 'Politik', 'Neu.'))
    const result = await buildBoth(dir)
    expect(result.stats).toMatchObject({ parsed: 1, reused: 6 })
    expect(await readFile(path.join(dir, 'mit-cache/kategorie/politik/rss.xml'), 'utf8')).toContain(title)
  })

  it('should report an article with errors again on every build', async () => {
    const broken = article(2, 'Politik').replace('category:', 'url: "javascript:alert(1)"\ncategory:')
    await writeFile(path.join(dir, 'content/a2.md'), broken)
    for (const _ of [1, 2]) {
      const value = await build({ cwd: dir, now: NOW, out: 'mit-cache', cache: 'cache' })
      expect(value.ok).toBe(false)
      expect(value.errors.map((error) => error.message)).toEqual([
        expect.stringMatching(/^content\/a2\.md:4:6: "url" must be an http\(s\) URL/),
      ])
    }
  })

  it('should give the fresh output after a rename', async () => {
    await rename(path.join(dir, 'content/a4.md'), path.join(dir, 'content/umbenannt.md'))
    await buildBoth(dir)
  })

  it('should give the fresh output after a delete', async () => {
    await rm(path.join(dir, 'content/a6.md'))
    await buildBoth(dir)
  })

  it('should ignore a corrupt cache with a warning and build correctly', async () => {
    await writeFile(path.join(dir, 'cache/articles.ndjson'), '{"format": "kanal-cache-', 'utf8')
    const value = await buildBoth(dir)
    expect(value.warnings.map((warning) => warning.reason)).toEqual([
      expect.stringMatching(/^ignored the cache file: .*; it will be rewritten$/),
    ])
    expect(value.stats.parsed).toBe(6)
  })

  it('should ignore a foreign file in place of the cache with a warning', async () => {
    await writeFile(path.join(dir, 'cache/articles.ndjson'), '{"name": "etwas anderes"}', 'utf8')
    const value = await buildBoth(dir)
    expect(value.warnings.map((warning) => warning.reason)).toEqual([
      'ignored the cache file: not a kanal cache; it will be rewritten',
    ])
  })

  it('should ignore an index with a damaged line with a warning and build correctly', async () => {
    const file = path.join(dir, 'cache/articles.ndjson')
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines[2] = lines[2]?.replace('\t', ' ') ?? ''
    await writeFile(file, lines.join('\n'), 'utf8')
    const value = await buildBoth(dir)
    expect(value.warnings.map((warning) => warning.reason)).toEqual([
      'ignored the cache file: it was changed outside kanal; it will be rewritten',
    ])
    expect(value.stats.parsed).toBe(6)
  })

  it('should leave no index behind when a first build fails, and a whole one when it succeeds', async () => {
    await rm(path.join(dir, 'cache'), { recursive: true })
    await writeFile(path.join(dir, 'content/a7.md'), '---\ntitle: Ohne Datum\n---\n\nText.\n')
    const failed = await build({ cwd: dir, now: NOW, out: 'mit-cache', cache: 'cache' })
    expect(failed.ok).toBe(false)
    // The index is written as articles come; a failed build takes it away again, temporary file too.
    expect(
      (await readdir(path.join(dir, 'cache')).catch(() => [])).filter((name) => name !== 'seal.key'),
    ).toEqual([])
    await rm(path.join(dir, 'content/a7.md'))
    const value = await buildBoth(dir)
    expect(value.stats).toMatchObject({ parsed: 6, reused: 0 })
    expect((await readdir(path.join(dir, 'cache'))).sort()).toEqual([
      'articles.ndjson',
      'bodies.pack',
      'build-stamp.json',
      'seal.key',
      'selection.json',
    ])
    // Read back by the next build: every article and body comes from it.
    await rm(path.join(dir, 'mit-cache'), { recursive: true })
    expect((await buildBoth(dir)).stats).toEqual(FROM_CACHE)
  })

  it('should move the index to a changed config even when no entry reads differently', async () => {
    // The limit changes no article: every entry is validated again and comes out the same.
    await writeFile(path.join(dir, 'kanal.config.json'), CONFIG.replace('"limit":3', '"limit":2'))
    expect((await buildBoth(dir)).stats).toMatchObject({ parsed: 6, reused: 0, rendered: 0 })
    const later = new Date('2030-01-01T00:00:00Z')
    await utimes(path.join(dir, 'content/a3.md'), later, later)
    expect((await buildBoth(dir)).stats).toEqual(FROM_CACHE)
  })

  it.each([
    ['articles.ndjson', '-0'],
    ['bodies.pack', '-0'],
    ['selection.json', ''],
    ['build-stamp.json', ''],
  ])('should remove the %s files that killed builds left, not those of running ones', async (name, count) => {
    const cacheDir = path.join(dir, 'cache')
    const abandoned = `${name}.99999999${count}.tmp` // no such process
    const running = `${name}.${process.ppid}${count}.tmp`
    await writeFile(path.join(cacheDir, abandoned), 'halb')
    await writeFile(path.join(cacheDir, running), 'halb')
    // The html/ folder of caches before bodies.pack goes too.
    await mkdir(path.join(cacheDir, 'html'))
    await writeFile(path.join(cacheDir, 'html', `${'0'.repeat(64)}.html`), 'alt')
    await appendFile(path.join(dir, 'content/a2.md'), 'Noch ein Satz.\n')
    await buildBoth(dir)
    const names = await readdir(cacheDir)
    expect(names).not.toContain(abandoned)
    expect(names).not.toContain('html')
    expect(names).toContain(running)
  })

  it('should warn why the index could not be put in place, write the feeds, and leave no temporary file', async () => {
    const cacheDir = path.join(dir, 'cache')
    await rm(cacheDir, { recursive: true })
    await mkdir(path.join(cacheDir, 'articles.ndjson/im-weg'), { recursive: true })
    const value = await buildBoth(dir)
    expect(value.ok).toBe(true)
    expect(value.warnings.map((warning) => [warning.name, warning.reason])).toEqual([
      ['StateError', "could not save the cache (EISDIR); the next build does this build's work again"],
    ])
    expect((await readdir(cacheDir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('should never serve damaged cached HTML', async () => {
    await writeFile(path.join(dir, 'cache/bodies.pack'), `${'0'.repeat(64)}\n<p>falsch</p>`)
    await rm(path.join(dir, 'mit-cache'), { recursive: true })
    const value = await buildBoth(dir)
    expect(value.stats.rendered).toBe(6)
  })
})

describe('the cache key', () => {
  let dir: string
  beforeEach(async () => {
    const files: Record<string, string> = { 'kanal.config.json': CONFIG }
    for (let index = 1; index <= 3; index++) files[`content/a${index}.md`] = article(index, 'Politik')
    dir = await makeScenario(files)
  })
  afterEach(() => cleanup(dir))

  // A disk that filled while the first build wrote the key left it empty: it must not turn the
  // cache off for good, without a word.
  it('should replace a key cut short, so that the next builds use the cache again', async () => {
    await mkdir(path.join(dir, 'cache'))
    await writeFile(path.join(dir, 'cache/seal.key'), '')
    const first = await buildBoth(dir)
    expect(first.stats).toMatchObject({ parsed: 3, reused: 0 })
    expect((await readFile(path.join(dir, 'cache/seal.key'))).length).toBe(32)
    await rm(path.join(dir, 'mit-cache'), { recursive: true })
    const second = await buildBoth(dir)
    expect(second.stats).toMatchObject({ parsed: 0, reused: 3, renderReused: 3 })
  })
})
