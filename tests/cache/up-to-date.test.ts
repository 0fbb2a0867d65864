import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type BuildOptions, build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder, writeFiles } from '../cli/_scenario.js'

// An unchanged rebuild is skipped: kanal compares what the last build read (code, config, options,
// every content file's size and mtime, "now") and wrote (every output file's size and mtime) with what
// is there now. These tests change one of those at a time and compare with a build that has no cache.

const NOW = new Date('2026-01-01T00:00:00Z')
const CONFIG = { title: 'Stempel-Test', siteUrl: 'https://stempel.example.de/', limit: 2 }

function article(title: string, date: string, extra = '') {
  return `---\ntitle: ${title}\ndate: ${date}\ncategory: Politik\n${extra}---\n\nText über ${title}.\n`
}

const FILES = {
  'kanal.config.json': JSON.stringify(CONFIG),
  'content/eins.md': article('Eins', '2025-10-01 10:00'),
  'content/zwei.md': article('Zwei', '2025-11-01 10:00', 'autor: Tippfehler\n'),
  'content/drei.md': article('Drei', '2025-12-01 10:00'),
  'content/entwurf.md': article('Entwurf', '2025-12-10 10:00', 'draft: true\n'),
  // Due only from 2026-02-01 on.
  'content/vier.md': article('Vier', '2026-02-01 10:00'),
}

/** Builds with the cache into `out`, and without a cache into `fresh`; returns the cached result. */
async function buildAndCompare(dir: string, options: BuildOptions = {}) {
  const cached = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache', ...options })
  await rm(path.join(dir, 'fresh'), { recursive: true, force: true })
  const fresh = await build({ cwd: dir, now: NOW, out: 'fresh', cache: false, ...options })
  expect(await snapshotFolder(path.join(dir, 'out'))).toEqual(await snapshotFolder(path.join(dir, 'fresh')))
  expect(cached.warnings.map((warning) => warning.message)).toEqual(
    fresh.warnings.map((warning) => warning.message),
  )
  expect(cached.files).toEqual(fresh.files.map((file) => ({ ...file, changed: expect.any(Boolean) })))
  return cached
}

/** Modification times of every file below the given folders. */
async function mtimes(dir: string, folders: string[]) {
  const result: Record<string, number> = {}
  for (const folder of folders) {
    const entries = await readdir(path.join(dir, folder), { recursive: true, withFileTypes: true })
    for (const entry of entries.filter((item) => item.isFile())) {
      const file = path.join(entry.parentPath, entry.name)
      result[path.relative(dir, file)] = (await stat(file)).mtimeMs
    }
  }
  return result
}

describe('the up-to-date check', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario(FILES)
    const first = await buildAndCompare(dir)
    expect(first.stats.upToDate).toBe(false)
  })
  afterEach(() => cleanup(dir))

  it('should report the last outcome, warnings included, and touch nothing when nothing changed', async () => {
    const before = await mtimes(dir, ['out', 'cache'])
    const again = await buildAndCompare(dir)
    expect(again.stats.upToDate).toBe(true)
    expect(again.ok).toBe(true)
    expect(again.articles).toBe(5)
    expect(again.files.every((file) => !file.changed)).toBe(true)
    expect(again.warnings.map((warning) => warning.message)).toEqual([
      'content/zwei.md:5:8: unknown key "autor" is ignored; did you mean "author"?',
    ])
    expect(await mtimes(dir, ['out', 'cache'])).toEqual(before)
  })

  it('should fail a strict build on the replayed warnings, like the build it replays', async () => {
    const strict = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache', strict: true })
    expect(strict.stats.upToDate).toBe(true)
    expect(strict.ok).toBe(false)
    expect(strict.files).toEqual([])
    expect(strict.warnings).toHaveLength(1)
  })

  it.each([
    ['an edited article', { 'content/drei.md': article('Drei geändert', '2025-12-01 10:00') }],
    ['a new article', { 'content/fünf.md': article('Fünf', '2025-12-24 10:00') }],
    ['a new config', { 'kanal.config.json': JSON.stringify({ ...CONFIG, title: 'Neuer Titel' }) }],
  ])('should build again after %s', async (_, files) => {
    await writeFiles(dir, files)
    const result = await buildAndCompare(dir)
    expect(result.stats.upToDate).toBe(false)
    expect(result.files.some((file) => file.changed)).toBe(true)
  })

  it('should build again after an article is deleted', async () => {
    await rm(path.join(dir, 'content/drei.md'))
    const result = await buildAndCompare(dir)
    expect(result.stats.upToDate).toBe(false)
  })

  it('should build again when an article is touched, and find the same bytes', async () => {
    const later = new Date('2030-01-01T00:00:00Z')
    await utimes(path.join(dir, 'content/eins.md'), later, later)
    const result = await buildAndCompare(dir)
    expect(result.stats.upToDate).toBe(false)
    expect(result.files.every((file) => !file.changed)).toBe(true)
  })

  it.each<[string, BuildOptions]>([
    ['another site URL', { siteUrl: 'https://vorschau.example.de/' }],
    ['drafts included', { drafts: true }],
    ['future articles included', { future: true }],
  ])('should build again with %s', async (_, options) => {
    const result = await buildAndCompare(dir, options)
    expect(result.stats.upToDate).toBe(false)
    expect(result.files.some((file) => file.changed)).toBe(true)
  })

  it('should write an output file again that was deleted', async () => {
    await rm(path.join(dir, 'out/rss.xml'))
    const result = await buildAndCompare(dir)
    expect(result.stats.upToDate).toBe(false)
    expect(result.files.find((file) => file.path === 'rss.xml')?.changed).toBe(true)
  })

  it('should refuse, as before, to overwrite an output file the user edited', async () => {
    await writeFile(path.join(dir, 'out/atom.xml'), '<!-- von Hand -->\n')
    await expect(build({ cwd: dir, now: NOW, out: 'out', cache: 'cache' })).rejects.toThrow(
      /atom\.xml: was changed since kanal wrote it/,
    )
    expect(await readFile(path.join(dir, 'out/atom.xml'), 'utf8')).toBe('<!-- von Hand -->\n')
  })

  it('should show an article once "now" passes its date, and hide it again when "now" goes back', async () => {
    const later = new Date('2026-02-01T09:00:00Z')
    const due = await buildAndCompare(dir, { now: later })
    expect(due.stats.upToDate).toBe(false)
    expect(await readFile(path.join(dir, 'out/rss.xml'), 'utf8')).toContain('<title>Vier</title>')
    const same = await buildAndCompare(dir, { now: new Date('2026-03-01T00:00:00Z') })
    expect(same.stats.upToDate).toBe(true)
    const back = await buildAndCompare(dir, { now: new Date('2026-01-31T23:59:59Z') })
    expect(back.stats.upToDate).toBe(false)
    expect(await readFile(path.join(dir, 'out/rss.xml'), 'utf8')).not.toContain('<title>Vier</title>')
  })

  it('should build again at another "now" when a feed is empty, since it is dated "now"', async () => {
    await writeFiles(dir, { 'kanal.config.json': JSON.stringify({ ...CONFIG, title: 'Leer' }) })
    for (const name of ['eins', 'zwei', 'drei', 'vier']) await rm(path.join(dir, `content/${name}.md`))
    await buildAndCompare(dir)
    expect((await buildAndCompare(dir)).stats.upToDate).toBe(true)
    const later = await buildAndCompare(dir, { now: new Date('2026-06-01T00:00:00Z') })
    expect(later.stats.upToDate).toBe(false)
    expect(await readFile(path.join(dir, 'out/atom.xml'), 'utf8')).toContain(
      '<updated>2026-06-01T02:00:00+02:00</updated>',
    )
  })

  it.each([
    ['cut short', () => '{"format": "kanal-st'],
    ['of the wrong shape', (stamp: string) => JSON.stringify({ ...JSON.parse(stamp), groups: null })],
  ])('should ignore a stamp %s with a warning and build', async (_, damage) => {
    const file = path.join(dir, 'cache/build-stamp.json')
    await writeFile(file, damage(await readFile(file, 'utf8')))
    const result = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache' })
    expect(result.stats.upToDate).toBe(false)
    expect(result.warnings.map((warning) => warning.reason)).toContain(
      'ignored the cache file: not a kanal build stamp; it will be rewritten',
    )
    expect((await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache' })).stats.upToDate).toBe(true)
  })

  it('should not vouch for an output file changed while hubs were being pinged', async () => {
    const config = { ...CONFIG, hubs: ['https://hub.example.de/'] }
    await writeFiles(dir, {
      'kanal.config.json': JSON.stringify(config),
      'content/eins.md': article('Eins neu', '2025-10-01 10:00'),
    })
    // The hub answers only after someone edited rss.xml (as a slow hub would leave time to).
    const fetch = async () => {
      await writeFile(path.join(dir, 'out/rss.xml'), '<!-- von Hand während des Pings -->\n')
      return new Response(null, { status: 204 })
    }
    const pinged = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache', ping: { fetch } })
    expect(pinged.ok).toBe(true)
    // Like a build without cache: the edited file is noticed and not overwritten.
    await expect(build({ cwd: dir, now: NOW, out: 'out', cache: 'cache' })).rejects.toThrow(
      /rss\.xml: was changed since kanal wrote it/,
    )
  })

  it('should report replayed warnings in the same order as the build it replays', async () => {
    await writeFiles(dir, {
      // A body warning in the first file by name, a front-matter warning in a later one.
      'content/aa.md': article('AA', '2025-12-31 10:00').replace('Text über', 'Text\u0001 über'),
      'content/zz.md': article('ZZ', '2025-09-02 10:00', 'unbekannt: 1\n'),
    })
    const first = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache', future: true })
    const again = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache', future: true })
    expect(again.stats.upToDate).toBe(true)
    expect(first.warnings.length).toBeGreaterThan(2)
    expect(again.warnings.map((warning) => warning.message)).toEqual(
      first.warnings.map((warning) => warning.message),
    )
  })

  it('should not skip a check, which writes nothing and re-validates', async () => {
    const check = await build({ cwd: dir, now: NOW, out: 'out', cache: 'cache', write: false })
    expect(check.stats.upToDate).toBe(false)
  })
})
