import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { article, CONFIG, cleanup, makeScenario, run, snapshotFolder } from '../cli/_scenario.js'
import { makeReadOnly, makeWritable, readOnlyBy } from '../helpers/read-only.js'

// A feed kanal no longer makes (its category is gone) is removed from the output. Where the file
// system refuses that, the publish stops and is rolled back: a file left in place would still be
// published, no longer listed, and no longer in kanal's manifest, so the next build would refuse it as
// a file kanal did not write.
const NOW = ['--now', '2026-01-01T00:00:00Z', '--no-cache']

describe.skipIf(readOnlyBy === undefined)(
  'a feed that must go from a folder kanal may not change (as root: needs chattr +i)',
  () => {
    let dir: string
    let sport: string
    beforeEach(async () => {
      dir = await makeScenario({
        'kanal.config.json': CONFIG,
        'content/a.md': article('Erster', '2024-10-10 10:00', 'category: Politik\n'),
        'content/b.md': article('Zweiter', '2024-10-11 10:00', 'category: Sport\n'),
      })
      sport = path.join(dir, 'dist/kategorie/sport')
    })
    afterEach(async () => {
      makeWritable(sport)
      await cleanup(dir)
    })

    it('should exit 2 naming the file, keep the output as it was, and finish once it may', async () => {
      expect((await run(['build', ...NOW], dir)).code).toBe(0)
      const before = await snapshotFolder(path.join(dir, 'dist'))
      makeReadOnly(sport)
      await rm(path.join(dir, 'content/b.md'))

      const refused = await run(['build', ...NOW], dir)
      expect([refused.code, refused.stderr]).toEqual([
        2,
        expect.stringMatching(
          /^kanal: cannot unlink dist\/kategorie\/sport\/\S+ \((EPERM|EACCES)\): (not permitted|no permission): /,
        ),
      ])
      expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(before)

      makeWritable(sport)
      expect((await run(['build', ...NOW], dir)).code).toBe(0)
      expect(await readdir(path.join(dir, 'dist/kategorie'))).toEqual(['politik'])
    })
  },
)
