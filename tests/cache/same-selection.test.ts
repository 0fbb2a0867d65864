import { appendFile, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { HUGO_SITE, JEKYLL_SITE } from '../render/_references-sites.js'
import { expectAsWithoutCache } from './_without-cache.js'

// A rebuild in which only bodies changed takes the last build's selection (which articles each feed
// shows, the problems the front matter gave, the drafts and scheduled articles held back) instead of
// loading and sieving every article. Counted here by watching `loadArticles`; whatever path a build
// takes, its output, warnings, notes and held-back articles must equal a build without any cache.
vi.mock('../../src/content/load.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/content/load.js')>()
  return { ...original, loadArticles: vi.fn(original.loadArticles) }
})
const { loadArticles } = await import('../../src/content/load.js')

const NOW = new Date('2026-01-01T00:00:00Z')
const LATER = new Date('2026-03-01T00:00:00Z')
const CONFIG = JSON.stringify({ title: 'Auswahl', siteUrl: 'https://auswahl.de/', limit: 3 })
const CATEGORIES = ['Politik', 'Kultur', 'Sport']

function article(index: number, options: { title?: string; date?: string; category?: string } = {}) {
  const category = options.category ?? CATEGORIES[index % 3]
  const date = options.date ?? `2025-10-${String(10 + index).padStart(2, '0')} 10:00`
  // Article 5 is a draft, article 6 is dated after NOW (and before LATER), article 7 has a key kanal warns about.
  const extra = index === 5 ? 'draft: true\n' : index === 7 ? 'autor: Jemand\n' : ''
  return `---\ntitle: ${options.title ?? `Artikel ${index}`}\ndate: ${date}\ncategory: ${category}\n${extra}---\n\nText ${index}.\n`
}

const SITE: Record<string, string> = { 'kanal.config.json': CONFIG }
for (let index = 1; index <= 8; index++) SITE[`content/a${index}.md`] = article(index)
SITE['content/a6.md'] = article(6, { date: '2026-02-01 10:00' })

/** Builds with the cache, then without; returns whether the cached build loaded every article. */
async function buildAndCompare(dir: string, now = NOW): Promise<boolean> {
  vi.mocked(loadArticles).mockClear()
  const cached = await build({ cwd: dir, now, out: 'out', cache: 'cache' })
  const loaded = vi.mocked(loadArticles).mock.calls.length > 0
  await expectAsWithoutCache(dir, cached, now)
  return loaded
}

describe('a rebuild in which only bodies changed', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario(SITE)
    expect(await buildAndCompare(dir)).toBe(true)
  })
  afterEach(() => cleanup(dir))

  it('should take the last selection, with its warnings and held-back articles, when a body changed', async () => {
    await appendFile(path.join(dir, 'content/a8.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(false)
    // And again from a build that itself took it.
    await appendFile(path.join(dir, 'content/a2.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(false)
  })

  it('should take it when a file was only touched', async () => {
    const later = new Date('2025-12-01T00:00:00Z')
    await utimes(path.join(dir, 'content/a3.md'), later, later)
    expect(await buildAndCompare(dir)).toBe(false)
  })

  it.each([
    ['a title', 'content/a8.md', article(8, { title: 'Neu' })],
    ['a date', 'content/a1.md', article(1, { date: '2025-12-24 10:00' })],
    ['a category', 'content/a4.md', article(4, { category: 'Wetter' })],
    ['a front matter that moves the body', 'content/a8.md', article(8).replace('---\n\n', 'x: 1\n---\n\n')],
  ])('should load every article when %s changed', async (_, file, text) => {
    await writeFile(path.join(dir, file), text)
    expect(await buildAndCompare(dir)).toBe(true)
  })

  it('should load every article when a file was added or removed', async () => {
    await writeFile(path.join(dir, 'content/a9.md'), article(9))
    expect(await buildAndCompare(dir)).toBe(true)
    await unlink(path.join(dir, 'content/a9.md'))
    expect(await buildAndCompare(dir)).toBe(true)
  })

  it('should load every article when "now" made another article due', async () => {
    await appendFile(path.join(dir, 'content/a8.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir, LATER)).toBe(true)
  })

  it('should load every article when the config changed', async () => {
    await writeFile(path.join(dir, 'kanal.config.json'), CONFIG.replace('"limit":3', '"limit":2'))
    await appendFile(path.join(dir, 'content/a8.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(true)
  })

  it('should not trust a memo that was edited, or one of another index', async () => {
    const memo = path.join(dir, 'cache/selection.json')
    const text = await readFile(memo, 'latin1')
    // Artikel 1 in place of Artikel 8 in the main feed: still valid JSON, but not what kanal sealed.
    await writeFile(memo, text.replace('"a8.md"', '"a1.md"'), 'latin1')
    await appendFile(path.join(dir, 'content/a8.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(true)

    const index = path.join(dir, 'cache/articles.ndjson')
    const before = await readFile(index)
    await appendFile(path.join(dir, 'content/a8.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(false)
    // The index put back as it was before that build: the memo belongs to another one.
    await writeFile(index, before)
    await appendFile(path.join(dir, 'content/a8.md'), 'Noch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(true)
  })

  it('should give what a build without cache gives, whatever was changed in between', async () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('body' as const), index: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('touch' as const), index: fc.integer({ min: 1, max: 8 }) }),
      fc.record({
        kind: fc.constant('title' as const),
        index: fc.integer({ min: 1, max: 8 }),
        title: fc.constantFrom('Neu', 'Artikel 1', 'Ähnlich'),
      }),
      fc.record({
        kind: fc.constant('category' as const),
        index: fc.integer({ min: 1, max: 8 }),
        category: fc.constantFrom(...CATEGORIES, 'politik'),
      }),
      fc.record({
        kind: fc.constant('date' as const),
        index: fc.integer({ min: 1, max: 8 }),
        day: fc.integer({ min: 10, max: 28 }),
      }),
      fc.record({ kind: fc.constant('toggle' as const), index: fc.integer({ min: 9, max: 10 }) }),
    )
    let round = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (changes, later) => {
          for (const change of changes) {
            const file = path.join(dir, `content/a${change.index}.md`)
            round++
            if (change.kind === 'body') await appendFile(file, `Satz ${round}.\n`)
            else if (change.kind === 'touch') {
              const time = new Date(Date.UTC(2025, 11, 1, 0, 0, round))
              await utimes(file, time, time)
            } else if (change.kind === 'title')
              await writeFile(file, article(change.index, { title: change.title }))
            else if (change.kind === 'category')
              await writeFile(file, article(change.index, { category: change.category }))
            else if (change.kind === 'date')
              await writeFile(file, article(change.index, { date: `2025-11-${change.day} 10:00` }))
            else await rm(file).catch(() => writeFile(file, article(change.index)))
            await buildAndCompare(dir, later ? LATER : NOW)
          }
        },
      ),
      { numRuns: 25 },
    )
  }, 120_000)
})

describe.each([
  ['Jekyll', JEKYLL_SITE, '_posts/2024-03-01-verweise.md', '_posts/2024-01-05-wahl-in-erfurt.md'],
  ['Hugo', HUGO_SITE, 'content/posts/verweise.md', 'content/posts/wahl.md'],
])('a rebuild of a %s site whose articles link each other by file', (_, site, linking, linked) => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario(site)
    expect(await buildAndCompare(dir)).toBe(true)
  })
  afterEach(() => cleanup(dir))

  it('should take the last selection, with every article to link to, when a body changed', async () => {
    await appendFile(path.join(dir, linking), '\nNoch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(false)
    await appendFile(path.join(dir, linked), '\nNoch ein Satz.\n')
    expect(await buildAndCompare(dir)).toBe(false)
  })

  it('should load every article when a linked article moved', async () => {
    const text = await readFile(path.join(dir, linked), 'utf8')
    await writeFile(path.join(dir, linked), text.replace(/^title: .*$/m, '$&\nslug: anderswo'))
    expect(await buildAndCompare(dir)).toBe(true)
  })
})
