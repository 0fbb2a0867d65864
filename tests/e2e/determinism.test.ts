import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASIC_FILES } from '../helpers/basic.js'
import { type CliRun, ensureCompiledCli, spawnCli } from '../helpers/cli.js'
import { copyFixture, makeTempDir, removeTempDirs } from '../helpers/fixture.js'

/** Environments that must not change a single byte: zones with odd offsets and a German locale. */
const ENVIRONMENTS: { name: string; env: Record<string, string | undefined> }[] = [
  { name: 'TZ=UTC', env: { TZ: 'UTC' } },
  { name: 'TZ=America/New_York', env: { TZ: 'America/New_York' } },
  { name: 'TZ=Asia/Tokyo', env: { TZ: 'Asia/Tokyo' } },
  { name: 'TZ=Pacific/Chatham', env: { TZ: 'Pacific/Chatham' } },
  { name: 'TZ=Europe/Berlin', env: { TZ: 'Europe/Berlin' } },
  { name: 'LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8', env: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } },
]

const NOW = '2026-01-01T00:00:00Z'

interface _Build {
  cwd: string
  out: string
  run: CliRun
  files: Map<string, Buffer>
}

/** Every file below `dir` (relative paths with `/`, sorted) with its bytes. */
async function _readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file))] as const)),
  )
}

async function _build(env: Record<string, string | undefined>, cwd?: string, out?: string): Promise<_Build> {
  const dir = cwd ?? (await copyFixture('basic'))
  const target = out ?? (await makeTempDir())
  const run = await spawnCli(['build', '--now', NOW, '--out', target], { cwd: dir, env })
  return { cwd: dir, out: target, run, files: await _readTree(target) }
}

const builds = new Map<string, _Build>()
let again: _Build
let mtimesBefore: (readonly [string, number])[]
let mtimesAfter: (readonly [string, number])[]

beforeAll(async () => {
  await ensureCompiledCli()
  const done = await Promise.all(ENVIRONMENTS.map(({ env }) => _build(env)))
  for (const [index, { name }] of ENVIRONMENTS.entries()) builds.set(name, done[index] as _Build)
  const first = done[0] as _Build
  const mtimes = () =>
    Promise.all(
      // kanal's own manifest is rewritten each time; the output files must not be.
      [...first.files.keys()]
        .filter((file) => !file.startsWith('.'))
        .map(async (file) => [file, (await stat(path.join(first.out, file))).mtimeMs] as const),
    )
  mtimesBefore = await mtimes()
  again = await _build({ TZ: 'UTC' }, first.cwd, first.out)
  mtimesAfter = await mtimes()
}, 120_000)

afterAll(removeTempDirs)

function _get(name: string): _Build {
  const value = builds.get(name)
  if (!value) throw new Error(`no build for ${name}`)
  return value
}

describe('kanal build under different time zones and locales', () => {
  it.each(ENVIRONMENTS)('should exit 0 and write every feed when run under $name', ({ name }) => {
    const value = _get(name)

    const written = [...value.files.keys()].filter((file) => !file.startsWith('.'))
    expect(value.run.stderr).toMatch(
      /^kanal build: 5 articles read, (\d+) files written \(\1 changed\), 0 errors/m,
    )
    expect(value.run.code).toBe(0)
    expect(written).toEqual(expect.arrayContaining(BASIC_FILES))
    expect(value.run.stderr).toContain(` ${written.length} files written`)
  })

  it.each(ENVIRONMENTS.slice(1))(
    'should write the same bytes as under TZ=UTC when run under $name',
    ({ name }) => {
      const expected = _get('TZ=UTC').files

      const value = _get(name).files

      expect([...value.keys()]).toEqual([...expected.keys()])
      for (const [file, bytes] of value) expect(bytes.equals(expected.get(file) as Buffer), file).toBe(true)
    },
  )
})

describe('kanal build run twice in the same folder', () => {
  it('should report that nothing changed since the first build', () => {
    const value = again.run

    expect(value.stderr).toMatch(
      /^kanal build: 5 articles read, \d+ files up to date \(nothing changed since the last build\), 0 errors/m,
    )
    expect(value.code).toBe(0)
  })

  it('should leave every file with the same bytes and untouched when nothing changed', () => {
    const expected = _get('TZ=UTC').files

    const value = again.files

    expect([...value.keys()]).toEqual([...expected.keys()])
    for (const [file, bytes] of value) expect(bytes.equals(expected.get(file) as Buffer), file).toBe(true)
    expect(mtimesAfter).toEqual(mtimesBefore)
  })
})
