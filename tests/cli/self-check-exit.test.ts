import { describe, expect, it, vi } from 'vitest'
import { article, CONFIG, cleanup, makeScenario, run, snapshotFolder } from './_scenario.js'

// A serialiser bug, simulated: RSS that is not well-formed. The self-check must stop the build with
// the internal-error exit code before anything is written.
vi.mock('../../src/formats/_rss.js', () => ({ serializeRss: () => '<rss version="2.0"><channel>' }))

describe('kanal build when its own output fails the self-check', () => {
  it('should exit with code 3 and leave the output folder as it was', async () => {
    const dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': article('A', '2024-10-25'),
      'dist/notiz.txt': 'vom Nutzer\n',
    })
    const before = await snapshotFolder(`${dir}/dist`)
    const value = await run(['build', '--no-cache'], dir)
    expect(value.code).toBe(3)
    expect(value.stderr).toContain(
      'kanal: kanal produced invalid output (a bug in kanal; nothing was written):',
    )
    expect(value.stderr).toContain('rss.xml: is not well-formed')
    expect(await snapshotFolder(`${dir}/dist`)).toEqual(before)
    await cleanup(dir)
  })
})
