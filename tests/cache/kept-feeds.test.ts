import { rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.js'
import { serializeFeed } from '../../src/formats/index.js'
import { cleanup, makeScenario, snapshotFolder, writeFiles } from '../cli/_scenario.js'

// A feed whose input (its model: items, rendered bodies, links, config) is what the last build made
// it from, and whose files are still as written, is not serialised again. Counted here by watching
// the serialiser; the output must still equal a build without any cache.
vi.mock('../../src/formats/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/formats/index.js')>()
  return { ...original, serializeFeed: vi.fn(original.serializeFeed) }
})

const NOW = new Date('2026-01-01T00:00:00Z')

function article(index: number, category: string, text = 'Text') {
  return `---\ntitle: Artikel ${index}\ndate: 2025-10-${String(10 + index).padStart(2, '0')} 10:00\ncategory: ${category}\n---\n\n${text} ${index}.\n`
}

async function buildAndCompare(dir: string) {
  vi.mocked(serializeFeed).mockClear()
  const cached = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache' })
  const folders = vi.mocked(serializeFeed).mock.calls.map(([, folder]) => folder)
  await rm(path.join(dir, 'fresh'), { recursive: true, force: true })
  await build({ cwd: dir, now: NOW, out: 'fresh', cache: false })
  expect(cached.errors).toEqual([])
  expect(await snapshotFolder(path.join(dir, 'out'))).toEqual(await snapshotFolder(path.join(dir, 'fresh')))
  return folders
}

describe('feeds whose input did not change', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': JSON.stringify({ title: 'T', siteUrl: 'https://t.example.de/', limit: 2 }),
      'content/a1.md': article(1, 'Politik'),
      'content/a2.md': article(2, 'Kultur'),
      'content/a3.md': article(3, 'Sport'),
      'content/a4.md': article(4, 'Sport'),
    })
    expect(await buildAndCompare(dir)).toEqual([
      '',
      'kategorie/kultur/',
      'kategorie/politik/',
      'kategorie/sport/',
    ])
  })
  afterEach(() => cleanup(dir))

  it('should serialise only the feeds that show a changed article', async () => {
    // Artikel 2 is in no subscription feed but its category's (the main feed shows 3 and 4).
    await writeFiles(dir, { 'content/a2.md': article(2, 'Kultur', 'Neuer Text') })
    expect(await buildAndCompare(dir)).toEqual(['kategorie/kultur/'])
    await writeFiles(dir, { 'content/a4.md': article(4, 'Sport', 'Neuer Text') })
    expect(await buildAndCompare(dir)).toEqual(['', 'kategorie/sport/'])
  })

  it('should serialise a feed again whose file was deleted or touched', async () => {
    await writeFiles(dir, { 'content/a2.md': article(2, 'Kultur', 'Neuer Text') })
    await rm(path.join(dir, 'out/kategorie/politik/feed.json'))
    const later = new Date('2030-01-01T00:00:00Z')
    await utimes(path.join(dir, 'out/kategorie/sport/atom.xml'), later, later)
    expect(await buildAndCompare(dir)).toEqual([
      'kategorie/kultur/',
      'kategorie/politik/',
      'kategorie/sport/',
    ])
  })

  it('should keep nothing when the manifest was rewritten by something else', async () => {
    const manifest = path.join(dir, 'out/.kanal-manifest.json')
    const later = new Date('2030-01-01T00:00:00Z')
    await utimes(manifest, later, later)
    await writeFiles(dir, { 'content/a2.md': article(2, 'Kultur', 'Neuer Text') })
    expect(await buildAndCompare(dir)).toHaveLength(4)
  })

  it('should serialise every feed again after a config change that reaches every feed', async () => {
    await writeFile(
      path.join(dir, 'kanal.config.json'),
      JSON.stringify({ title: 'T', siteUrl: 'https://t.example.de/', limit: 2, language: 'de-AT' }),
    )
    expect(await buildAndCompare(dir)).toHaveLength(4)
  })
})
