import { copyFileSync, renameSync } from 'node:fs'
import { readdir, readFile, rename, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'
import { readWithFeedsmith } from '../helpers/readers.js'

// What a cache must not be fooled by: files changed behind its back, entries edited by hand, bodies
// swapped, and an index another build rewrote for another site.

const NOW = new Date('2026-01-01T00:00:00Z')
const STAMP = new Date('2025-06-01T08:00:00Z')
const site = (url: string) => JSON.stringify({ title: 'Integrität', siteUrl: url, limit: 5 })

function article(index: number, title = `Artikel ${index}`, body = `Text von Artikel ${index}.`) {
  return `---\ntitle: ${title}\ndate: 2024-10-1${index} 10:00\n---\n\n${body}\n`
}

async function titles(dir: string, out = 'dist'): Promise<string[]> {
  const feed = await readWithFeedsmith(await readFile(path.join(dir, out, 'rss.xml'), 'utf8'), 'rss')
  return feed.items.map((item) => item.title ?? '').sort()
}

/** Article URL → its body, from the JSON Feed (read with `JSON.parse`). */
async function bodies(dir: string, out = 'dist'): Promise<Record<string, string>> {
  const feed = JSON.parse(await readFile(path.join(dir, out, 'feed.json'), 'utf8')) as {
    items: { url: string; content_html: string }[]
  }
  return Object.fromEntries(feed.items.map((item) => [item.url, item.content_html]))
}

const run = (dir: string, extra: Parameters<typeof build>[0] = {}) =>
  build({ cwd: dir, now: NOW, cache: 'cache', ...extra })

describe('the cache against changes behind its back', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': site('https://a-seite.de/'),
      'content/a1.md': article(1),
      'content/a2.md': article(2),
      'content/a3.md': article(3),
    })
    // Round times, as `touch -r` copies them (a Date has no sub-millisecond part).
    for (const name of ['a1.md', 'a2.md', 'a3.md'])
      await utimes(path.join(dir, 'content', name), STAMP, STAMP)
    const first = await run(dir)
    expect(first.ok).toBe(true)
  })
  afterEach(() => cleanup(dir))

  it('should hash a file again when its mtime was set back but its ctime moved (touch -r)', async () => {
    const file = path.join(dir, 'content/a2.md')
    const before = await stat(file)
    const changed = article(2, 'Geändert', 'Text von Artikel 2.')
    expect(Buffer.byteLength(changed)).toBe(before.size)
    await writeFile(file, changed)
    await utimes(file, STAMP, STAMP)
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs)

    const value = await run(dir)
    expect(value.stats.upToDate).toBe(false)
    expect(await titles(dir)).toEqual(['Artikel 1', 'Artikel 3', 'Geändert'])
    // And it stays fresh in the builds after.
    await writeFile(path.join(dir, 'content/a3.md'), article(3, 'Auch neu'))
    await run(dir)
    expect(await titles(dir)).toEqual(['Artikel 1', 'Auch neu', 'Geändert'])
  })

  it('should read a file again when it was replaced by another inode of the same size and mtime', async () => {
    const file = path.join(dir, 'content/a2.md')
    const before = await stat(file)
    await writeFile(`${file}.neu`, article(2, 'Ersetzt!!', 'Text von Artikel 2.'))
    expect((await stat(`${file}.neu`)).size).toBe(before.size)
    await utimes(`${file}.neu`, STAMP, STAMP)
    await rename(`${file}.neu`, file)
    await run(dir)
    expect(await titles(dir)).toEqual(['Artikel 1', 'Artikel 3', 'Ersetzt!!'])
  })

  it('should keep the cheap path, reading nothing, when no stat changed', async () => {
    await rm(path.join(dir, 'dist'), { recursive: true })
    const value = await run(dir)
    expect(value.stats).toEqual({ parsed: 0, reused: 3, rendered: 0, renderReused: 3, upToDate: false })
  })

  it('should not serve an index entry edited by hand (valid JSON, another title)', async () => {
    const index = path.join(dir, 'cache/articles.ndjson')
    const text = await readFile(index, 'latin1')
    expect(text).toContain('"title":"Artikel 2"')
    await writeFile(index, text.replace('"title":"Artikel 2"', '"title":"Gefälscht"'), 'latin1')
    await rm(path.join(dir, 'dist'), { recursive: true })

    const value = await run(dir)
    expect(await titles(dir)).toEqual(['Artikel 1', 'Artikel 2', 'Artikel 3'])
    expect(value.warnings.map((warning) => [warning.name, warning.reason])).toEqual([
      ['StateError', 'ignored the cache file: it was changed outside kanal; it will be rewritten'],
    ])
    expect(value.stats.parsed).toBe(3)
  })

  it("should not serve a cached body under another article's key (two stored bodies swapped)", async () => {
    const expected = await bodies(dir)
    const pack = path.join(dir, 'cache/bodies.pack')
    const records = _records(await readFile(pack))
    expect(records).toHaveLength(3)
    const [first, second, third] = records as [_Record, _Record, _Record]
    // Each key keeps its place; seal, length and payload come from the other body.
    const swapped = [{ ...second, key: first.key }, { ...first, key: second.key }, third]
    await writeFile(pack, swapped.map(_recordText).join(''))
    await rm(path.join(dir, 'dist'), { recursive: true })

    const value = await run(dir)
    expect(await bodies(dir)).toEqual(expected)
    expect(value.stats).toMatchObject({ rendered: 2, renderReused: 1 })
  })

  it("should not append to an index another build rewrote for another site's config", async () => {
    // Build b rewrites the shared index for its site while build a, which read a's index, runs.
    const index = path.join(dir, 'cache/articles.ndjson')
    const indexA = await readFile(index)
    await writeFile(path.join(dir, 'kanal.config.json'), site('https://b-seite.de/'))
    expect((await run(dir, { out: 'dist-b' })).ok).toBe(true)
    const indexB = `${index}.b`
    copyFileSync(index, indexB)
    await writeFile(index, indexA)
    await writeFile(path.join(dir, 'kanal.config.json'), site('https://a-seite.de/'))
    await writeFile(path.join(dir, 'content/a2.md'), article(2, 'Neu in a'))

    let swapped = false
    const value = await run(dir, {
      progress: () => {
        if (swapped) return
        swapped = true
        copyFileSync(indexB, `${indexB}.copy`)
        renameSync(`${indexB}.copy`, index)
      },
    })
    expect(value.ok).toBe(true)
    expect(swapped).toBe(true)

    // Site b, alone, later: not one of a's links.
    await writeFile(path.join(dir, 'kanal.config.json'), site('https://b-seite.de/'))
    await rm(path.join(dir, 'dist-b'), { recursive: true })
    expect((await run(dir, { out: 'dist-b' })).ok).toBe(true)
    const feed = await readFile(path.join(dir, 'dist-b/feed.json'), 'utf8')
    expect(feed).not.toContain('a-seite.de')
    expect(await titles(dir, 'dist-b')).toEqual(['Artikel 1', 'Artikel 3', 'Neu in a'])
  })
})

describe('a cache kanal cannot use', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': site('https://a-seite.de/'),
      'content/a1.md': article(1),
      'content/a2.md': article(2),
    })
  })
  afterEach(() => cleanup(dir))

  it('should rewrite a truncated index, and not fail --strict over it', async () => {
    expect((await run(dir, { strict: true })).ok).toBe(true)
    const index = path.join(dir, 'cache/articles.ndjson')
    await truncate(index, 20)
    await writeFile(path.join(dir, 'content/a2.md'), article(2, 'Neu'))
    const damaged = await run(dir, { strict: true })
    expect(damaged.ok).toBe(true)
    expect(damaged.warnings.map((warning) => warning.name)).toEqual(['StateError'])
    expect(await titles(dir)).toEqual(['Artikel 1', 'Neu'])
    // Rewritten: the next build has nothing to say about it.
    await rm(path.join(dir, 'dist'), { recursive: true })
    const next = await run(dir, { strict: true })
    expect(next.warnings).toEqual([])
    expect(next.stats).toMatchObject({ parsed: 0, reused: 2 })
  })

  it('should still fail --strict over a content warning', async () => {
    await writeFile(
      path.join(dir, 'content/a2.md'),
      article(2).replace('title:', 'titel: Tippfehler\ntitle:'),
    )
    const value = await run(dir, { strict: true })
    expect(value.warnings.map((warning) => warning.name)).toContain('ContentError')
    expect(value.ok).toBe(false)
  })

  it('should write no cache file when checking (write: false), with or without a cache', async () => {
    expect((await run(dir, { write: false })).ok).toBe(true)
    expect(await readdir(dir)).not.toContain('cache')
    expect((await run(dir)).ok).toBe(true)
    const before = await snapshotFolder(path.join(dir, 'cache'))
    await writeFile(path.join(dir, 'content/a2.md'), article(2, 'Neu'))
    await writeFile(path.join(dir, 'content/a3.md'), article(3))
    expect((await run(dir, { write: false })).ok).toBe(true)
    expect(await snapshotFolder(path.join(dir, 'cache'))).toEqual(before)
    expect((await readdir(path.join(dir, 'cache'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('should warn and build without the cache when a file stands where the cache folder must be', async () => {
    await rm(path.join(dir, 'cache'), { recursive: true, force: true })
    await writeFile(path.join(dir, 'cache'), 'kein Ordner')
    for (const _ of [1, 2]) {
      const value = await run(dir)
      expect(value.ok).toBe(true)
      expect(value.warnings.map((warning) => [warning.name, warning.reason])).toEqual([
        [
          'StateError',
          expect.stringMatching(
            /^cannot use the cache folder \((EEXIST|ENOTDIR): a file stands where a folder must be\); building without the cache\. Pass --cache-dir <folder> or --no-cache$/,
          ),
        ],
      ])
      expect(await titles(dir)).toEqual(['Artikel 1', 'Artikel 2'])
    }
  })

  it('should warn, write the feeds and leave no temporary file when a folder stands where the bodies go', async () => {
    await rm(path.join(dir, 'cache'), { recursive: true, force: true })
    await makeFolder(path.join(dir, 'cache/bodies.pack/im-weg'))
    expect((await run(dir, { cache: false, out: 'plain' })).ok).toBe(true)
    const plain = await bodies(dir, 'plain')
    expect(Object.keys(plain)).toHaveLength(2)
    for (const _ of [1, 2]) {
      await rm(path.join(dir, 'dist'), { recursive: true, force: true })
      const value = await run(dir)
      expect(value.ok).toBe(true)
      expect(value.warnings.map((warning) => [warning.name, warning.reason])).toEqual([
        [
          'StateError',
          expect.stringMatching(
            /^could not save the cache \((EISDIR|ENOTEMPTY|EEXIST)\); the next build does this build's work again$/,
          ),
        ],
      ])
      expect(await bodies(dir)).toEqual(plain)
      expect((await readdir(path.join(dir, 'cache'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
    }
  })
})

/** A record of the cache's `bodies.pack`: `<key> <seal> <length>\n<payload>\n`. */
interface _Record {
  key: string
  seal: string
  payload: string
}

function _records(bytes: Buffer): _Record[] {
  const records: _Record[] = []
  for (let at = 0; at < bytes.length; ) {
    const lineEnd = bytes.indexOf(10, at)
    const [key, seal, length] = bytes.toString('latin1', at, lineEnd).split(' ') as [string, string, string]
    const end = lineEnd + 1 + Number(length)
    records.push({ key, seal, payload: bytes.toString('utf8', lineEnd + 1, end) })
    at = end + 1
  }
  return records
}

function _recordText(record: _Record): string {
  return `${record.key} ${record.seal} ${Buffer.byteLength(record.payload)}\n${record.payload}\n`
}

async function makeFolder(folder: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises')
  await mkdir(folder, { recursive: true })
}
