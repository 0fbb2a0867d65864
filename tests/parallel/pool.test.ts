import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotFolder } from '../cli/_scenario.js'
import { ensureCompiledCli, spawnCli } from '../helpers/cli.js'
import { copyFixture, removeTempDirs } from '../helpers/fixture.js'

// Helper threads exist only in the compiled CLI (lib/worker.js), so this test runs the CLI. Each test
// spawns up to three builds: on a busy machine that takes longer than Vitest's default 5 s.
describe('kanal build --threads', { timeout: 60_000 }, () => {
  let dir: string
  beforeAll(async () => {
    await ensureCompiledCli()
    dir = await copyFixture('syndication/archive')
  }, 120_000)
  afterAll(removeTempDirs)

  it('should write byte-identical output with one thread and with helper threads', async () => {
    const common = ['build', '--no-cache', '--now', '2026-01-01T00:00:00Z']
    const one = await spawnCli([...common, '--threads', '1', '--out', 'eins'], { cwd: dir })
    const three = await spawnCli([...common, '--threads', '3', '--out', 'drei'], { cwd: dir })
    expect([one.code, three.code]).toEqual([0, 0])
    const expected = await snapshotFolder(`${dir}/eins`)
    expect(Object.keys(expected).length).toBeGreaterThan(3)
    expect(await snapshotFolder(`${dir}/drei`)).toEqual(expected)
  })

  it('should leave a cache from helper threads that a one-thread rebuild reads to the same output', async () => {
    const common = ['build', '--now', '2026-01-01T00:00:00Z', '--cache-dir', 'cache']
    const first = await spawnCli([...common, '--threads', '2', '--out', 'zwei'], { cwd: dir })
    expect(first.code).toBe(0)
    // The output is gone, so the rebuild runs: on the articles the helper validated into the cache.
    await rm(`${dir}/zwei`, { recursive: true })
    const again = await spawnCli([...common, '--threads', '1', '--out', 'zwei', '--reporter', 'json'], {
      cwd: dir,
    })
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).stats).toMatchObject({ parsed: 0, rendered: 0 })
    const none = await spawnCli(['build', '--no-cache', '--now', '2026-01-01T00:00:00Z', '--out', 'ohne'], {
      cwd: dir,
    })
    expect(none.code).toBe(0)
    expect(await snapshotFolder(`${dir}/zwei`)).toEqual(await snapshotFolder(`${dir}/ohne`))
  })
})
