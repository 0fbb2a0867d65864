import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'
import { ensureCompiledCli, hasBash, spawnCli, spawnCliWithFileLimit } from '../helpers/cli.js'

// A build stores new rendered bodies in the cache while it renders them, long before the cache is
// saved. When the file system refuses them (here the shell's file size limit, as on a full disk), the
// cache is what fails, not the build: the feeds are written as without a cache, one warning says the
// cache could not be saved, and nothing half-written is left in the cache folder.
const CATEGORIES = 20
const PER_CATEGORY = 5
const NOW = '2026-01-01T00:00:00Z'

function article(index: number): string {
  // ~20 KB of body: the 100 shown bodies make ~2 MB of new cache records, while no feed (5 items
  // each) nor the index of 100 entries comes near the limit of 1 MB below.
  const body = `Absatz ${index} mit etwas Text über die Stadt und ihre Straßen.\n\n`.repeat(300)
  const category = `Ressort ${index % CATEGORIES}`
  const day = String(1 + (index % 28)).padStart(2, '0')
  return `---\ntitle: Artikel ${index}\ndate: 2024-03-${day} ${10 + (index % 8)}:00\ncategory: ${category}\n---\n\n${body}`
}

function buildUnderLimit(dir: string, kib: number) {
  const args = ['build', '--now', NOW, '--cache-dir', 'cache', '--out', 'out', '--reporter', 'json']
  return spawnCliWithFileLimit(kib, args, { cwd: dir })
}

describe.skipIf(!hasBash)(
  'new rendered bodies the cache folder refuses (needs bash)',
  { timeout: 120_000 },
  () => {
    let dir: string
    beforeAll(async () => {
      await ensureCompiledCli()
      const files: Record<string, string> = {
        'kanal.config.json': JSON.stringify({
          title: 'Stadtblatt',
          siteUrl: 'https://stadtblatt.example.de/',
          limit: PER_CATEGORY,
        }),
      }
      for (let index = 0; index < CATEGORIES * PER_CATEGORY; index++)
        files[`content/${String(index).padStart(3, '0')}.md`] = article(index)
      dir = await makeScenario(files)
    }, 120_000)
    afterAll(() => cleanup(dir))

    it('should write the feeds as without a cache, warn, and leave nothing half-written', async () => {
      const run = await buildUnderLimit(dir, 1000)
      expect(run.code).toBe(0)
      const report = JSON.parse(run.stdout)
      expect(report.warnings.map((warning: { message: string }) => warning.message)).toEqual([
        "could not save the cache (EFBIG); the next build does this build's work again",
      ])
      expect(report.stats.rendered).toBe(CATEGORIES * PER_CATEGORY)
      const fresh = await build({ cwd: dir, now: new Date(NOW), out: 'fresh', cache: false })
      expect(fresh.ok).toBe(true)
      expect(await snapshotFolder(path.join(dir, 'out'))).toEqual(
        await snapshotFolder(path.join(dir, 'fresh')),
      )
      expect(await readdir(path.join(dir, 'cache'))).toEqual(['seal.key'])

      // The next build, without the limit, renders every body again, says nothing of the cache, and
      // saves it; the one after that takes every body from it.
      const args = ['build', '--now', NOW, '--cache-dir', 'cache', '--out', 'out', '--reporter', 'json']
      const again = await spawnCli(args, { cwd: dir })
      expect(again.code).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject({
        warnings: [],
        stats: { rendered: CATEGORIES * PER_CATEGORY },
      })
      await rm(path.join(dir, 'out'), { recursive: true })
      const third = await spawnCli(args, { cwd: dir })
      expect(JSON.parse(third.stdout)).toMatchObject({
        warnings: [],
        stats: { rendered: 0, renderReused: CATEGORIES * PER_CATEGORY },
      })
    })
  },
)
