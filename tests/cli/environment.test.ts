import { spawnSync } from 'node:child_process'
import { chmod, copyFile, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CLI, ensureCompiledCli } from '../helpers/cli.js'
import { REPO_ROOT } from '../helpers/fixture.js'
import { article, CONFIG, cleanup, makeScenario, run } from './_scenario.js'

// Problems of the environment (the file system, the clock, the command line) are the user's to fix:
// exit 2 (or 1 for a content file), one line that says what and where, never exit 3 with a stack.

const NOW = ['--now', '2026-01-01T00:00:00Z']

describe('kanal build in a hostile environment', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': article('Erster', '2024-10-10 10:00'),
    })
  })
  afterEach(() => cleanup(dir))

  // init writes its config, then its content folder and example article: both or neither.
  it('should leave no config behind when init cannot make the content folder', async () => {
    const empty = await makeScenario({ datei: 'kein Ordner\n' })
    try {
      const result = await run(['init', '--content', 'datei/texte'], empty)
      expect([result.code, result.stderr]).toEqual([
        2,
        'kanal: cannot mkdir datei/texte (ENOTDIR): a file stands where a folder must be: move it away or choose another folder\n',
      ])
      expect(await readdir(empty)).toEqual(['datei'])
    } finally {
      await cleanup(empty)
    }
  })

  it('should count a link to nowhere as in the way of init, and keep it', async () => {
    const empty = await makeScenario({})
    try {
      await symlink(path.join(empty, 'nicht-eingehaengt'), path.join(empty, 'content'))
      const result = await run(['init'], empty)
      expect([result.code, result.stderr]).toEqual([
        2,
        'kanal: content already exists; kanal init only sets up a folder without one and never overwrites\n',
      ])
      expect(await readdir(empty)).toEqual(['content'])
      expect((await lstat(path.join(empty, 'content'))).isSymbolicLink()).toBe(true)
    } finally {
      await cleanup(empty)
    }
  })

  it('should exit 2 when --content names a file', async () => {
    const result = await run(['build', ...NOW, '--content', 'kanal.config.json'], dir)
    expect([result.code, result.stderr]).toEqual([
      2,
      'kanal: the content folder kanal.config.json is a file, not a folder: pass --content <folder>\n',
    ])
  })

  it('should exit 1 naming a content file whose name is not UTF-8', async () => {
    await writeFile(
      Buffer.from(path.join(dir, 'content/b\xff.md'), 'latin1'),
      article('Zweiter', '2024-10-11'),
    )
    const result = await run(['build', ...NOW], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      ': the file name is not valid UTF-8 (perhaps Latin-1): rename the file with UTF-8 characters',
    )
    expect(result.stderr).not.toContain('internal error')
  })

  it.each([
    ['a file in place of the output folder', 'kanal.config.json/dist', 'ENOTDIR'],
    ['an output folder name longer than the file system allows', 'x'.repeat(300), ''],
  ])('should exit 2 for %s', async (_, out, code) => {
    const result = await run(['build', ...NOW, '--no-cache', '--out', out], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^kanal: /)
    expect(result.stderr).not.toContain('internal error')
    expect(result.stderr).toContain(code)
  })

  it('should exit 2 when a category name makes an output path too long', async () => {
    await writeFile(
      path.join(dir, 'content/k.md'),
      article('Lang', '2024-10-11', `category: ${'k'.repeat(300)}\n`),
    )
    const result = await run(['build', ...NOW, '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^kanal: cannot \w+ (?:dist|\.dist\.kanal\/stage)\/kategorie\/k+ \(ENAMETOOLONG\): the path is too long/,
    )
    expect(await readdir(dir)).not.toContain('dist')
  })

  it('should warn and build without the cache when the cache folder is a file', async () => {
    await writeFile(path.join(dir, 'cache'), 'kein Ordner')
    const result = await run(['build', ...NOW, '--cache-dir', 'cache'], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('cache: warning: cannot use the cache folder (')
  })

  it.each([
    ['0000-01-01', 'in UTC'],
    ['9999-12-31T23:30:00-05:00', 'year 10000'],
  ])('should exit 1 for the date %s, which feeds cannot carry', async (date) => {
    await writeFile(path.join(dir, 'content/z.md'), article('Zeitreise', date))
    const result = await run(['build', ...NOW, '--no-cache'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `content/z.md:3:7: error: "date": "${date}" lies outside the years feeds can carry (0000 to 9999, both in UTC and in Europe/Berlin): write a date within them`,
    )
  })

  it('should exit 2 for a SOURCE_DATE_EPOCH beyond the year 9999', async () => {
    const result = await run(['build', '--no-cache'], dir, { SOURCE_DATE_EPOCH: '99999999999999999' })
    expect([result.code, result.stderr]).toEqual([
      2,
      'kanal: SOURCE_DATE_EPOCH must be whole seconds since 1970, up to 253402128000 (9999-12-30) (got "99999999999999999")\n',
    ])
  })

  it('should exit 2 when import writes into a content folder that is a file', async () => {
    const source = path.join(REPO_ROOT, 'tests/fixtures/import/redaktion/sport-2024-05-01.txt')
    await copyFile(source, path.join(dir, 'export.txt'))
    const result = await run(['import', 'export.txt', '--content', 'kanal.config.json'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^kanal: cannot mkdir kanal\.config\.json \(EEXIST\)/)
  })
})

// Permissions: root may read anything, so as root these run the CLI as the user "nobody" (setpriv).
const root = process.getuid?.() === 0
const setpriv = spawnSync('setpriv', ['--version']).status === 0
const other = root && setpriv

function spawnAsOther(args: string[], cwd: string) {
  const command = other
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args]
    : [process.execPath, CLI, ...args]
  const [program, ...rest] = command as [string, ...string[]]
  const result = spawnSync(program, rest, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '' },
  })
  return { code: result.status, stderr: result.stderr }
}

describe.skipIf(root && !setpriv)(
  'kanal build without permission (as root: run as nobody via setpriv)',
  () => {
    let dir: string
    beforeAll(ensureCompiledCli, 120_000)
    beforeEach(async () => {
      dir = await makeScenario({
        'kanal.config.json': CONFIG,
        'content/a.md': article('Erster', '2024-10-10 10:00'),
        'content/teil/b.md': article('Zweiter', '2024-10-11 10:00'),
      })
      // The scenario must be the other user's to write, except where a test takes permission away.
      if (other) spawnSync('chown', ['-R', '65534:65534', dir])
    })
    afterEach(async () => {
      spawnSync('chmod', ['-R', 'u+rwx', dir])
      await cleanup(dir)
    })

    it('should exit 1 naming an article it may not read', async () => {
      await chmod(path.join(dir, 'content/a.md'), 0o000)
      const result = spawnAsOther(['build', ...NOW, '--no-cache'], dir)
      expect([result.code, result.stderr.split('\n')[0]]).toEqual([
        1,
        'content/a.md: error: cannot be read (no permission): allow kanal to read it, or move it out of the content folder',
      ])
    })

    it('should exit 2 naming a content folder it may not read', async () => {
      await chmod(path.join(dir, 'content/teil'), 0o000)
      const result = spawnAsOther(['build', ...NOW, '--no-cache'], dir)
      expect([result.code, result.stderr]).toEqual([
        2,
        'kanal: cannot read the folder content/teil (no permission): allow kanal to read it\n',
      ])
    })

    it('should exit 2 when it may not write the output folder', async () => {
      await mkdir(path.join(dir, 'dist'))
      if (other) spawnSync('chown', ['0:0', path.join(dir, 'dist')])
      await chmod(path.join(dir, 'dist'), 0o555)
      const result = spawnAsOther(['build', ...NOW, '--no-cache'], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^kanal: cannot \w+ \.?dist\S* \(EACCES\): no permission/m)
      expect(result.stderr).not.toContain('internal error')
    })

    it('should warn and build without the cache when the cache folder is read-only', async () => {
      await mkdir(path.join(dir, 'cache'))
      if (other) spawnSync('chown', ['0:0', path.join(dir, 'cache')])
      await chmod(path.join(dir, 'cache'), 0o555)
      const result = spawnAsOther(['build', ...NOW, '--cache-dir', 'cache'], dir)
      expect(result.code).toBe(0)
      expect(result.stderr).toContain('cache: warning: cannot use the cache folder (EACCES: no permission)')
    })

    // The folder was writable for the build that made the cache; kanal finds its secret there and
    // uses the cache, and meets the refusal only when it writes a new cache file during the build.
    it('should build and warn when a cache folder turned read-only must take new bodies', async () => {
      expect(spawnAsOther(['build', ...NOW, '--cache-dir', 'cache'], dir).code).toBe(0)
      await writeFile(
        path.join(dir, 'content/a.md'),
        `${article('Erster', '2024-10-10 10:00')}\nNeuer Satz.\n`,
      )
      if (other) spawnSync('chown', ['0:0', path.join(dir, 'cache')])
      await chmod(path.join(dir, 'cache'), 0o555)
      const result = spawnAsOther(['build', ...NOW, '--cache-dir', 'cache'], dir)
      expect([result.code, result.stderr.split('\n')[0]]).toEqual([
        0,
        "cache: warning: could not save the cache (EACCES); the next build does this build's work again",
      ])
      expect(await readFile(path.join(dir, 'dist/feed.json'), 'utf8')).toContain('Neuer Satz.')
    })

    it('should build and warn when a read-only cache folder holds only its secret', async () => {
      expect(spawnAsOther(['build', ...NOW, '--cache-dir', 'cache'], dir).code).toBe(0)
      for (const name of await readdir(path.join(dir, 'cache')))
        if (name !== 'seal.key') await rm(path.join(dir, 'cache', name))
      await rm(path.join(dir, 'dist'), { recursive: true })
      if (other) spawnSync('chown', ['0:0', path.join(dir, 'cache')])
      await chmod(path.join(dir, 'cache'), 0o555)
      const result = spawnAsOther(['build', ...NOW, '--cache-dir', 'cache'], dir)
      expect([result.code, result.stderr.split('\n')[0]]).toEqual([
        0,
        "cache: warning: could not save the cache (EACCES); the next build does this build's work again",
      ])
      expect(await readdir(path.join(dir, 'cache'))).toEqual(['seal.key'])
      expect(await readFile(path.join(dir, 'dist/feed.json'), 'utf8')).toContain('Zweiter')
    })

    it('should check a read-only tree without writing anything', async () => {
      if (other) spawnSync('chown', ['-R', '0:0', dir])
      spawnSync('chmod', ['-R', 'a+rX,a-w', dir])
      const result = spawnAsOther(['check', ...NOW], dir)
      expect([result.code, result.stderr]).toMatchObject([0, expect.not.stringContaining('internal error')])
    })
  },
)
