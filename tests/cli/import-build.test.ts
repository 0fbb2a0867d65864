import { existsSync } from 'node:fs'
import { cp, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readWithFeedsmith } from '../helpers/readers.js'
import { CONFIG, cleanup, makeScenario, run } from './_scenario.js'

const SEED = fileURLToPath(new URL('../../../shared/seed/artikel-2024-10-25.txt', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url))

// An export in the newsroom's shape, written for this test (the real example is used when present).
const EXPORT = `25. Oktober, 2024

Politik

Kanäle in den Kreml – ein Bericht über Gespräche

Kanäle in den Kreml – ein Bericht über Gespräche

Ein Unternehmer soll seit 2022 regelmäßig mit dem Kreml gesprochen haben.

Fachleute sehen darin „ein zweischneidiges Schwert“—brisant und diplomatisch zugleich.
`

describe('kanal import, then kanal build', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'export/artikel.txt': EXPORT })
  })
  afterEach(() => cleanup(dir))

  it('should turn an export into an item dated Fri, 25 Oct 2024 00:00:00 +0200 in category Politik', async () => {
    const imported = await run(['import', 'export'], dir)
    expect(imported.code).toBe(0)
    expect(imported.stderr).toContain(
      'export/artikel.txt → content/kanaele-in-den-kreml-ein-bericht-ueber-gespraeche.md',
    )
    const built = await run(['build', '--no-cache', '--now', '2026-01-01T00:00:00Z'], dir)
    expect(built.code).toBe(0)
    const rss = await readFile(`${dir}/dist/rss.xml`, 'utf8')
    expect(rss).toContain('<pubDate>Fri, 25 Oct 2024 00:00:00 +0200</pubDate>')
    expect(rss).toContain('<category>Politik</category>')
    const feed = await readWithFeedsmith(rss, 'rss')
    expect(feed.items.map((item) => item.title)).toEqual(['Kanäle in den Kreml – ein Bericht über Gespräche'])
    expect(feed.items[0]?.instant).toBe(Date.parse('2024-10-24T22:00:00Z'))
    const politik = await readFile(`${dir}/dist/kategorie/politik/rss.xml`, 'utf8')
    expect(politik).toContain('Kanäle in den Kreml')
  })

  it('should refuse to overwrite with exit code 1, naming both files, and leave the article unchanged', async () => {
    expect((await run(['import', 'export'], dir)).code).toBe(0)
    const target = `${dir}/content/kanaele-in-den-kreml-ein-bericht-ueber-gespraeche.md`
    await writeFile(target, 'von Hand bearbeitet\n')
    const again = await run(['import', 'export'], dir)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(
      'content/kanaele-in-den-kreml-ein-bericht-ueber-gespraeche.md: already exists (from export/artikel.txt); use --force to overwrite',
    )
    expect(await readFile(target, 'utf8')).toBe('von Hand bearbeitet\n')
    expect((await run(['import', 'export', '--force'], dir)).code).toBe(0)
    expect(await readFile(target, 'utf8')).toContain(
      'title: "Kanäle in den Kreml – ein Bericht über Gespräche"',
    )
  })

  it('should print what it would write and write nothing with --dry-run', async () => {
    const value = await run(['import', 'export', '--dry-run'], dir)
    expect(value.code).toBe(0)
    expect(value.stdout).toContain(
      '# content/kanaele-in-den-kreml-ein-bericht-ueber-gespraeche.md (from export/artikel.txt)',
    )
    expect(value.stdout).toContain('category: "Politik"')
    expect(existsSync(`${dir}/content`)).toBe(false)
  })

  it('should import the good files of a folder and report the bad one with its line', async () => {
    await cp(FIXTURES, `${dir}/redaktion`, { recursive: true })
    const value = await run(['import', 'redaktion'], dir)
    expect(value.code).toBe(1)
    expect(value.stderr).toMatch(/^redaktion\/kaputt\/ohne-datum\.txt:1(:\d+)?: /m)
    expect(value.stderr).toMatch(/wrote 3 articles, 1 error/)
  })

  it.skipIf(!existsSync(SEED))(
    'should build the real newsroom example as Fri, 25 Oct 2024 00:00:00 +0200 in Politik (skipped without ../shared/seed)',
    async () => {
      await cp(SEED, `${dir}/seed/artikel-2024-10-25.txt`, { recursive: true })
      expect((await run(['import', 'seed'], dir)).code).toBe(0)
      expect((await run(['build', '--no-cache', '--now', '2026-01-01T00:00:00Z'], dir)).code).toBe(0)
      const rss = await readFile(`${dir}/dist/rss.xml`, 'utf8')
      expect(rss).toContain('Elon Musks geheime Kanäle zum Kreml')
      expect(rss).toContain('<pubDate>Fri, 25 Oct 2024 00:00:00 +0200</pubDate>')
      expect(rss).toContain('<category>Politik</category>')
    },
  )
})
