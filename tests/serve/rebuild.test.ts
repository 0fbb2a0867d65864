import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rebuild } from '../../src/cli/_watch-loop.js'
import { article, CONFIG, cleanup, makeScenario, run } from '../cli/_scenario.js'
import { makeReadOnly, makeWritable, readOnlyBy } from '../helpers/read-only.js'

// A rebuild of `serve` or `build --watch` that the file system refuses names the path and what to do,
// as `kanal build` does, in the terminal and on the error page.
describe.skipIf(readOnlyBy === undefined)(
  'a rebuild the file system refuses (as root: needs chattr +i)',
  () => {
    let dir: string
    beforeEach(async () => {
      dir = await makeScenario({
        'kanal.config.json': CONFIG,
        'content/a.md': article('Erster', '2024-10-10 10:00'),
      })
    })
    afterEach(async () => {
      makeWritable(path.join(dir, 'dist'))
      await cleanup(dir)
    })

    it('should say what it could not do, where, and what to do', async () => {
      const now = ['--now', '2026-01-01T00:00:00Z', '--no-cache']
      expect((await run(['build', ...now], dir)).code).toBe(0)
      await writeFile(path.join(dir, 'content/b.md'), article('Zweiter', '2024-10-11 10:00'))
      makeReadOnly(path.join(dir, 'dist'))
      let stderr = ''
      const io = { stdout: () => {}, stderr: (text: string) => (stderr += text), env: {}, isTty: false }
      const options = { cwd: dir, cache: false as const, now: new Date('2026-01-01T00:00:00Z') }
      const problems = await rebuild(options, true, io)
      expect(stderr).toMatch(
        /^kanal: rebuild failed: cannot rename dist\/\S+ \((EPERM|EACCES)\): (not permitted|no permission): allow kanal to use it, or choose another folder\n$/,
      )
      expect(problems).toEqual([stderr.slice('kanal: rebuild failed: '.length, -1)])
    })
  },
)
