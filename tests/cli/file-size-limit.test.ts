import { spawnSync } from 'node:child_process'
import { copyFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CLI, ensureCompiledCli, hasBash, spawnCli, spawnCliWithFileLimit } from '../helpers/cli.js'
import { REPO_ROOT } from '../helpers/fixture.js'
import { article, CONFIG, cleanup, makeScenario, run, snapshotFolder, writeFiles } from './_scenario.js'

// Whatever the disk refuses part-way, kanal exits 2 naming the file and what to do, and leaves no
// half-written file: the output as the last build left it, no work folder, nothing in the site.

const NOW = ['--now', '2026-01-01T00:00:00Z']

// The shell's file size limit stands for a disk that refuses to let a file grow (full, a quota).
describe.skipIf(!hasBash)('kanal past a file size limit (needs bash)', () => {
  let dir: string
  beforeAll(ensureCompiledCli, 120_000)
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': article('Erster', '2024-10-10 10:00'),
    })
  })
  afterEach(() => cleanup(dir))

  it('should exit 2 naming the file, and leave the last output as it was', async () => {
    expect((await run(['build', ...NOW, '--no-cache'], dir)).code).toBe(0)
    const before = await snapshotFolder(path.join(dir, 'dist'))
    const long = `${'Ein langer Absatz über die Stadt. '.repeat(40)}\n\n`.repeat(40)
    await writeFile(path.join(dir, 'content/a.md'), `${article('Erster', '2024-10-10 10:00')}\n${long}`)
    // bash counts `ulimit -f` in KiB; the feeds now hold ~55 KB of text each.
    const result = await spawnCliWithFileLimit(32, ['build', ...NOW, '--no-cache'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^kanal: cannot write \S+ \(EFBIG\): the file would pass the largest size the system allows \(a file size limit, ulimit -f\): raise the limit and run kanal again\n$/,
    )
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(before)
    expect(await readdir(dir)).not.toContain('.dist.kanal')
  })

  it('should leave nothing behind when init cannot write its files', async () => {
    const empty = await makeScenario({})
    try {
      const result = await spawnCliWithFileLimit(0, ['init'], { cwd: empty })
      expect([result.code, result.stderr]).toEqual([
        2,
        expect.stringMatching(/^kanal: cannot write kanal\.config\.json \(EFBIG\): /),
      ])
      expect(await readdir(empty)).toEqual([])
    } finally {
      await cleanup(empty)
    }
  })

  it('should leave no half-written article when import cannot write it', async () => {
    await copyFile(
      path.join(REPO_ROOT, 'tests/fixtures/import/redaktion/sport-2024-05-01.txt'),
      path.join(dir, 'export.txt'),
    )
    const result = await spawnCliWithFileLimit(0, ['import', 'export.txt', '--content', 'neu'], { cwd: dir })
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^kanal: cannot write neu\/\S+\.md \(EFBIG\): /),
    ])
    expect(await readdir(path.join(dir, 'neu'))).toEqual([])
  })

  // A report redirected to a file is what a CI step reads: cut short, it must not pass as exit 0.
  it('should exit 2 when the report cannot be written whole to standard output', async () => {
    const result = await spawnCliWithFileLimit(0, ['check', ...NOW, '--reporter', 'json'], {
      cwd: dir,
      stdoutTo: 'report.json',
    })
    expect([result.code, result.stderr]).toEqual([
      2,
      'kanal: cannot write standard output (EFBIG): the file would pass the largest size the system allows (a file size limit, ulimit -f): raise the limit and run kanal again\n',
    ])
    const whole = await spawnCli(['check', ...NOW, '--reporter', 'json'], { cwd: dir })
    expect([whole.code, JSON.parse(whole.stdout).ok]).toEqual([0, true])
  })

  it('should exit 2 when standard output takes no text at all', async () => {
    // Opened for reading only: every write is refused (EBADF).
    const command = `exec "${process.execPath}" "${CLI}" --version 1</dev/null`
    const result = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8' })
    expect([result.status, result.stderr]).toEqual([2, 'kanal: cannot write standard output (EBADF)\n'])
  })

  it('should stop quietly when the reader of the report stops reading', async () => {
    // `true` reads nothing and is gone long before the report comes: every write meets a closed pipe.
    const command = `"${process.execPath}" "${CLI}" check ${NOW.join(' ')} --reporter json | true; exit "\${PIPESTATUS[0]}"`
    const result = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8' })
    expect([result.status, result.stderr]).toEqual([0, ''])
  })

  it('should leave the output as it was and no work folder when the publish journal cannot be written', async () => {
    // 120 category feeds of one short article each: every file stays below the limit, while the
    // journal that lists all 363 of them passes it (~45 KB).
    const files: Record<string, string> = {
      'kanal.config.json': JSON.stringify({
        title: 'Viele',
        siteUrl: 'https://viele.example.de/',
        browserView: false,
      }),
    }
    for (let index = 0; index < 120; index++)
      files[`content/a${index}.md`] = article(
        `Artikel ${index}`,
        '2024-10-10 10:00',
        `category: Ressort ${index}\n`,
      )
    await writeFiles(dir, files)
    await rm(path.join(dir, 'content/a.md'))
    expect((await run(['build', ...NOW, '--no-cache'], dir)).code).toBe(0)
    const before = await snapshotFolder(path.join(dir, 'dist'))
    await writeFile(
      path.join(dir, 'kanal.config.json'),
      files['kanal.config.json']?.replace('Viele', 'Noch mehr') ?? '',
    )
    const result = await spawnCliWithFileLimit(40, ['build', ...NOW, '--no-cache'], { cwd: dir })
    expect([result.code, result.stderr]).toEqual([
      2,
      expect.stringMatching(/^kanal: cannot write \S*journal\.json\.tmp \(EFBIG\): /),
    ])
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(before)
    expect((await readdir(dir)).sort()).toEqual(['content', 'dist', 'kanal.config.json'])
  })

  it('should list the articles an import wrote before the disk refused the next one', async () => {
    const small = '1. Mai 2024, 9:05 Uhr\n\nSport\n\nDerby endet 2:2\n\nDie Fans feiern trotzdem.\n'
    const large =
      `2. Mai 2024, 10:00 Uhr\n\nKultur\n\nLange Nacht der Museen\n\n${'Ein langer Absatz über die Ausstellung. '.repeat(30)}\n\n`.repeat(
        20,
      )
    await writeFiles(dir, { 'export/a.txt': small, 'export/b.txt': large })
    // bash counts `ulimit -f` in KiB: the first article (~0.3 KB) fits, the second (~25 KB) does not.
    const result = await spawnCliWithFileLimit(8, ['import', 'export', '--content', 'neu'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')).toEqual([
      'export/a.txt → neu/derby-endet-2-2.md',
      expect.stringMatching(
        /^kanal: cannot write neu\/lange-nacht-der-museen\.md \(EFBIG\): .* raise the limit and run kanal again$/,
      ),
      '',
    ])
    expect(await readdir(path.join(dir, 'neu'))).toEqual(['derby-endet-2-2.md'])
  })

  it('should leave no half-made lock behind when not even the lock can be written', async () => {
    const result = await spawnCliWithFileLimit(0, ['build', ...NOW, '--no-cache'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('kanal cannot prepare the output folder (EFBIG')
    expect((await readdir(dir)).sort()).toEqual(['content', 'kanal.config.json'])
  })
})
