import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'

// A rebuild appends to the cache index only the rows of articles it read, removed or rendered
// anew; every other entry is kept as it was. Each change here is followed by a rebuild that must
// equal a build without the cache, and by one more that must take everything from the index.

const NOW = new Date('2026-01-01T00:00:00Z')
const CONFIG = JSON.stringify({ title: 'Index', siteUrl: 'https://index.example.de/', limit: 3 })

function article(day: number, title: string): string {
  return `---\ntitle: ${title}\ndate: 2024-10-${String(day).padStart(2, '0')} 10:00\n---\n\nText von ${title}.\n`
}

async function withoutCache(dir: string): Promise<Record<string, string>> {
  await rm(path.join(dir, 'plain'), { recursive: true, force: true })
  await build({ cwd: dir, now: NOW, cache: false, out: 'plain' })
  return snapshotFolder(path.join(dir, 'plain'))
}

const cached = (dir: string) => build({ cwd: dir, now: NOW, cache: 'cache' })

describe('ArticleIndex.save', () => {
  let dir: string
  beforeEach(async () => {
    const files: Record<string, string> = { 'kanal.config.json': CONFIG }
    for (let day = 1; day <= 6; day++) files[`content/a${day}.md`] = article(day, `Artikel ${day}`)
    dir = await makeScenario(files)
    expect((await cached(dir)).ok).toBe(true)
  })
  afterEach(() => cleanup(dir))

  it('should keep a removed article out of the index when another was added at the same time', async () => {
    // As many files as before: only the entries themselves tell that one went and one came.
    await rm(path.join(dir, 'content/a6.md'))
    await writeFile(path.join(dir, 'content/b7.md'), article(7, 'Neu 7'))

    const changed = await cached(dir)
    expect(changed.stats).toMatchObject({ parsed: 1, reused: 5 })
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
    const index = await readFile(path.join(dir, 'cache/articles.ndjson'), 'latin1')
    expect(index).toContain('"a6.md"\t-\n')

    await rm(path.join(dir, 'dist'), { recursive: true })
    const again = await cached(dir)
    expect(again.stats).toMatchObject({ parsed: 0, reused: 6 })
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })

  it('should keep the edited article and its new body in the index across two rebuilds', async () => {
    await writeFile(path.join(dir, 'content/a5.md'), article(5, 'Geändert 5'))

    const changed = await cached(dir)
    expect(changed.stats).toMatchObject({ parsed: 1, reused: 5, rendered: 1 })
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))

    await rm(path.join(dir, 'dist'), { recursive: true })
    const again = await cached(dir)
    expect(again.stats).toMatchObject({ parsed: 0, reused: 6, rendered: 0, renderReused: 3 })
    expect(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')).toContain('Geändert 5')
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })

  it('should write no removal when an article was only added', async () => {
    await writeFile(path.join(dir, 'content/b7.md'), article(7, 'Neu 7'))
    await cached(dir)
    const index = await readFile(path.join(dir, 'cache/articles.ndjson'), 'latin1')
    expect(index).not.toContain('\t-\n')
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(await withoutCache(dir))
  })
})
