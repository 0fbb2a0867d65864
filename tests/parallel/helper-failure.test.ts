import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { ensureCompiledCli, hasBash, spawnCli, spawnCliWithFileLimit } from '../helpers/cli.js'

// A first build writes the new cache index as the articles come, from this thread's reading and from
// the helper thread's batches alike; here the index passes the file size limit the shell sets (as on a
// full disk) part-way through. The cache is what fails, not the build: the feeds are written, a
// warning says the cache could not be saved, and no half-written index or lock is left.
const COUNT = 2400

function article(index: number): string {
  // ~2 KB of summary a file: the index grows by ~2 KB an article and reaches 3.5 MB (the limit below)
  // after ~1,900 articles, while both threads still read.
  const summary = `Zusammenfassung ${index} `.repeat(90)
  return `---\ntitle: Artikel ${index}\ndate: 2024-01-01 10:00\nsummary: ${summary}\n---\n\nText ${index}.\n`
}

describe.skipIf(!hasBash)(
  'a helper thread whose articles cannot be written to the cache (needs bash)',
  { timeout: 120_000 },
  () => {
    let dir: string
    beforeAll(async () => {
      await ensureCompiledCli()
      const files: Record<string, string> = {
        'kanal.config.json': JSON.stringify({ title: 'Voll', siteUrl: 'https://voll.example.de/', limit: 5 }),
      }
      for (let index = 0; index < COUNT; index++)
        files[`content/${String(index).padStart(4, '0')}.md`] = article(index)
      dir = await makeScenario(files)
    }, 120_000)
    afterAll(() => cleanup(dir))

    it('should write the feeds, warn that the cache could not be saved, and leave no half-written cache', async () => {
      const args = [
        'build',
        '--now',
        '2026-01-01T00:00:00Z',
        '--cache-dir',
        'cache',
        '--threads',
        '2',
        '--reporter',
        'json',
      ]
      const run = await spawnCliWithFileLimit(3500, args, { cwd: dir })
      expect(run.code).toBe(0)
      const report = JSON.parse(run.stdout)
      expect(report.warnings.map((warning: { message: string }) => warning.message)).toEqual([
        "could not save the cache (EFBIG); the next build does this build's work again",
      ])
      expect(report.files.length).toBeGreaterThan(0)
      expect(
        (await readdir(path.join(dir, 'cache'))).filter((name) => name.endsWith('.tmp') || name === 'lock'),
      ).toEqual([])

      // The next build, without the limit, builds every article again and says nothing of the cache.
      const again = await spawnCli(
        ['build', '--now', '2026-01-01T00:00:00Z', '--cache-dir', 'cache', '--reporter', 'json'],
        { cwd: dir },
      )
      expect(again.code).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject({ warnings: [], stats: { parsed: COUNT } })
    })
  },
)
