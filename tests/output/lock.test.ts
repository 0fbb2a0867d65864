import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { article, CONFIG, cleanup, makeScenario, snapshotFolder, writeFiles } from '../cli/_scenario.js'
import { spawnCli } from '../helpers/cli.js'

const SLOW = 120_000

/** A site of `count` articles in a few categories. */
function site(count: number): Record<string, string> {
  const files: Record<string, string> = { 'kanal.config.json': CONFIG }
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0')
    files[`content/a-${index}.md`] = article(
      `Artikel ${index}`,
      `2024-10-${day}`,
      `category: Ressort ${index % 7}\n`,
    )
  }
  return files
}

/** A process that runs until killed: it stands for a build that holds the lock. */
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' })
}

describe('lockOutput', () => {
  let dir: string
  let holder: ChildProcess | undefined
  beforeAll(() => {
    // The tests spawn the built CLI (npm run prepare).
    expect(existsSync(path.join(__dirname, '../../lib/cli.js'))).toBe(true)
  })
  beforeEach(async () => {
    dir = await makeScenario(site(5))
  })
  afterEach(async () => {
    holder?.kill('SIGKILL')
    holder = undefined
    await cleanup(dir)
  })

  const lockFile = () => path.join(dir, '.dist.kanal/lock')

  it(
    'should exit 2 naming the running build when another build holds the output lock, writing nothing',
    async () => {
      holder = liveProcess()
      await writeFiles(dir, { '.dist.kanal/lock': `${holder.pid}\n` })
      const result = await spawnCli(['build', '--no-cache'], { cwd: dir })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`another kanal build (process ${holder.pid}) is using it`)
      expect(result.stderr).toContain(path.join(dir, 'dist'))
      expect(existsSync(path.join(dir, 'dist'))).toBe(false)
      // The other build's lock is left as it was.
      expect(await readFile(lockFile(), 'utf8')).toBe(`${holder.pid}\n`)
    },
    SLOW,
  )

  it(
    'should exit 2 naming the running build when another build holds the cache lock',
    async () => {
      holder = liveProcess()
      await writeFiles(dir, { 'node_modules/.cache/kanal/lock': `${holder.pid}\n` })
      const result = await spawnCli(['build'], { cwd: dir })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`${path.join(dir, 'node_modules/.cache/kanal')}: another kanal build`)
      // Without the cache, the build does not need the cache's lock; the output lock is free again.
      expect(existsSync(path.join(dir, '.dist.kanal'))).toBe(false)
      expect((await spawnCli(['build', '--no-cache'], { cwd: dir })).code).toBe(0)
    },
    SLOW,
  )

  it(
    'should take over the lock of a process that no longer runs',
    async () => {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid
      await writeFiles(dir, {
        '.dist.kanal/lock': `${dead}\n`,
        'node_modules/.cache/kanal/lock': `${dead}\n`,
      })
      const result = await spawnCli(['build'], { cwd: dir })
      expect(result.code).toBe(0)
      expect(await readdir(path.join(dir, 'dist'))).toContain('rss.xml')
      // Released: the work folder is gone, and the cache holds no lock.
      expect(existsSync(path.join(dir, '.dist.kanal'))).toBe(false)
      expect(existsSync(path.join(dir, 'node_modules/.cache/kanal/lock'))).toBe(false)
    },
    SLOW,
  )

  it(
    'should take no lock for kanal check',
    async () => {
      holder = liveProcess()
      await writeFiles(dir, { '.dist.kanal/lock': `${holder.pid}\n` })
      const result = await spawnCli(['check', '--no-cache'], { cwd: dir })
      expect(result.code).toBe(0)
      expect(await readFile(lockFile(), 'utf8')).toBe(`${holder.pid}\n`)
    },
    SLOW,
  )

  it(
    'should leave the output wholly one build’s when two builds run at once on one output and cache',
    async () => {
      await writeFiles(dir, site(300))
      const urls = ['https://a.example.de/', 'https://b.example.de/']
      const references: Record<string, string>[] = []
      for (const [index, url] of urls.entries()) {
        const out = `ref-${index}`
        expect(
          (await spawnCli(['build', '--no-cache', '--site-url', url, '--out', out], { cwd: dir })).code,
        ).toBe(0)
        references.push(await snapshotFolder(path.join(dir, out)))
      }
      const runs = await Promise.all(urls.map((url) => spawnCli(['build', '--site-url', url], { cwd: dir })))
      // Each waited for the other (exit 0) or gave up naming it (exit 2); one of them wrote.
      for (const run of runs) {
        expect([0, 2]).toContain(run.code)
        if (run.code === 2) expect(run.stderr).toMatch(/another kanal build \(process \d+\) is using it/)
      }
      expect(runs.some((run) => run.code === 0)).toBe(true)
      const output = await snapshotFolder(path.join(dir, 'dist'))
      expect([references[0], references[1]]).toContainEqual(output)
      // A build alone afterwards, with the cache both used, writes exactly its own site.
      expect((await spawnCli(['build', '--site-url', urls[0] as string], { cwd: dir })).code).toBe(0)
      expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(references[0])
      expect(existsSync(path.join(dir, '.dist.kanal'))).toBe(false)
    },
    SLOW,
  )
})
