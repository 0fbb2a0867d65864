import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotFolder } from '../cli/_scenario.js'
import { CLI, ensureCompiledCli } from '../helpers/cli.js'
import { makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/fixture.js'

// Node binaries to compare: this one, plus those .ci/run fetched (KANAL_NODE_BINARIES, `:`-separated).
const binaries = [process.execPath, ...(process.env.KANAL_NODE_BINARIES ?? '').split(':')]
  .filter((binary) => binary !== '' && existsSync(binary))
  .map((binary) => ({ binary, version: execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim() }))
  .filter((entry, index, all) => all.findIndex((other) => other.version === entry.version) === index)
const skip = binaries.length < 2
if (skip) {
  console.warn(
    `node-versions: skipped, only ${binaries.map((entry) => entry.version).join(', ')} here; .ci/run sets KANAL_NODE_BINARIES to Node 22 and 24`,
  )
}

describe.skipIf(skip)(`content/ built under ${binaries.map((entry) => entry.version).join(', ')}`, () => {
  beforeAll(() => ensureCompiledCli(), 120_000)
  afterAll(removeTempDirs)

  it('should give byte-identical files under every Node version', async () => {
    const trees: Record<string, Record<string, string>> = {}
    for (const { binary, version } of binaries) {
      const out = await makeTempDir()
      const run = spawnSync(
        binary,
        [CLI, 'build', '--no-cache', '--out', out, '--now', '2026-01-01T00:00:00Z'],
        { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York', LANG: 'C' } },
      )
      expect(run.status, `${version}: ${run.stderr}`).toBe(0)
      trees[version] = await snapshotFolder(out)
    }
    const [first, ...others] = Object.values(trees)
    expect(Object.keys(first ?? {})).toContain('rss.xml')
    for (const other of others) expect(other).toEqual(first)
  }, 120_000)
})
