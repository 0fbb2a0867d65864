import { spawn } from 'node:child_process'
import { cpSync, existsSync, lstatSync, readdirSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { article, cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'
import { CLI, spawnCli } from '../helpers/cli.js'

const SLOW = 180_000
// A fixed "now": every build of the same input writes the same bytes.
const NOW = ['--no-cache', '--now', '2025-01-01T00:00:00Z']
const config = (title: string) =>
  JSON.stringify({ title, siteUrl: 'https://fehler.example.de/', archive: true, limit: 10 })

/** 400 articles in 200 categories: some 730 files to publish, so a kill can land in the middle. */
function site(): Record<string, string> {
  const files: Record<string, string> = { 'kanal.config.json': config('Build A') }
  for (let index = 0; index < 400; index++) {
    const day = String((index % 28) + 1).padStart(2, '0')
    files[`content/a-${index}.md`] = article(
      `Artikel ${index}`,
      `2024-10-${day}`,
      `category: Ressort ${index % 200}\n`,
    )
  }
  return files
}

type Snapshot = Record<string, string>

/** Where a build is killed: while it stages, once its journal is written, after its first rename. */
const POINTS = {
  // (Versions that staged beside each target wrote `rss.xml.kanal-tmp-<pid>` first.)
  staging: (dir: string, _: number, pid: number) =>
    existsSync(path.join(dir, '.dist.kanal/stage')) ||
    existsSync(path.join(dir, `dist/rss.xml.kanal-tmp-${pid}`)),
  journal: (dir: string) => existsSync(path.join(dir, '.dist.kanal/journal.json')),
  'first rename': (dir: string, inode: number) => lstatSync(path.join(dir, 'dist/rss.xml')).ino !== inode,
}

describe('publish (a build killed with kill -9)', () => {
  let dir: string
  let buildA: Snapshot
  let buildB: Snapshot
  beforeAll(async () => {
    dir = await makeScenario(site())
    expect((await spawnCli(['build', ...NOW, '--out', 'ref-a'], { cwd: dir })).code).toBe(0)
    await writeFile(path.join(dir, 'kanal.config.json'), config('Build B'))
    expect((await spawnCli(['build', ...NOW, '--out', 'ref-b'], { cwd: dir })).code).toBe(0)
    buildA = await snapshotFolder(path.join(dir, 'ref-a'))
    buildB = await snapshotFolder(path.join(dir, 'ref-b'))
    expect(Object.keys(buildA).length).toBeGreaterThan(700)
  }, SLOW)
  afterAll(() => cleanup(dir))

  /** Puts build A's output in dist/ and kills a build of B at `point`. */
  async function killBuildB(point: keyof typeof POINTS): Promise<void> {
    rmSync(path.join(dir, 'dist'), { recursive: true, force: true })
    cpSync(path.join(dir, 'ref-a'), path.join(dir, 'dist'), { recursive: true })
    await writeFile(path.join(dir, 'kanal.config.json'), config('Build B'))
    const inode = lstatSync(path.join(dir, 'dist/rss.xml')).ino
    const child = spawn(process.execPath, [CLI, 'build', ...NOW], { cwd: dir, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)))
    // Polled without yielding, so the kill follows the observed step within microseconds. The bound
    // only keeps a broken build from hanging the test.
    const bound = Date.now() + 150_000
    while (!POINTS[point](dir, inode, child.pid as number) && Date.now() < bound) {}
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
  }

  /** Nothing unfinished in the output folder, and each file is build A's or build B's. */
  async function expectNoUnfinishedFiles(): Promise<Snapshot> {
    const names = readdirSync(path.join(dir, 'dist'), { recursive: true }).map(String)
    expect(names.filter((name) => /kanal-(tmp|old|work)|\.kanal$/.test(name))).toEqual([])
    const output = await snapshotFolder(path.join(dir, 'dist'))
    for (const [file, hash] of Object.entries(output)) expect([buildA[file], buildB[file]]).toContain(hash)
    return output
  }

  it(
    'should leave build A’s output untouched when killed while it stages, and build B cleanly next',
    async () => {
      await killBuildB('staging')
      expect(await expectNoUnfinishedFiles()).toEqual(buildA)
      const next = await spawnCli(['build', ...NOW], { cwd: dir })
      expect(next.code).toBe(0)
      expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(buildB)
      expect(existsSync(path.join(dir, '.dist.kanal'))).toBe(false)
    },
    SLOW,
  )

  it.each([
    ['journal', 'Build B'],
    ['first rename', 'Build B'],
    ['first rename', 'Build A'],
  ] as const)(
    'should complete the interrupted publish when killed at its %s, so the next build (%s) is clean',
    async (point, nextTitle) => {
      await killBuildB(point)
      await expectNoUnfinishedFiles()
      // The publish was under way: its journal is there for the next build.
      expect(existsSync(path.join(dir, '.dist.kanal/journal.json'))).toBe(true)
      await writeFile(path.join(dir, 'kanal.config.json'), config(nextTitle))
      const next = await spawnCli(['build', ...NOW], { cwd: dir })
      expect(next.code).toBe(0)
      expect(next.stderr).not.toContain('was changed since kanal wrote it')
      expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(nextTitle === 'Build A' ? buildA : buildB)
      expect(existsSync(path.join(dir, '.dist.kanal'))).toBe(false)
    },
    SLOW,
  )
})
