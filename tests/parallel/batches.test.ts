import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'
import { ensureCompiledCli, spawnCli } from '../helpers/cli.js'

// A helper thread posts its outcomes back a chunk at a time, handed on as they come. With 2,400 files
// and two threads the helper first reads the last chunk (128 files) on its own, then takes chunks of
// the rest as this thread does, from a counter both share: which thread reads which chunk varies from
// run to run. Every outcome must land on its own file: the articles' output, each warning and each
// error must be what one thread gives.
const COUNT = 2400
const NOW = ['--now', '2026-01-01T00:00:00Z']

function article(index: number): string {
  const day = String((index % 28) + 1).padStart(2, '0')
  const month = String((index % 12) + 1).padStart(2, '0')
  // Every 97th article has a key kanal warns about; the warning names the file and line.
  const extra = index % 97 === 0 ? `autor: Nummer ${index}\n` : ''
  return `---\ntitle: Artikel ${index}\ndate: 2024-${month}-${day} 10:${String(index % 60).padStart(2, '0')}\ncategory: Rubrik ${index % 7}\n${extra}---\n\nText von Artikel ${index}.\n`
}

const report = (stdout: string) => {
  const { ok, errors, warnings, articles } = JSON.parse(stdout)
  return { ok, errors, warnings, articles }
}

describe('a first build read by a helper thread in batches', { timeout: 120_000 }, () => {
  let dir: string
  beforeAll(async () => {
    await ensureCompiledCli()
    const files: Record<string, string> = {
      'kanal.config.json': JSON.stringify({
        title: 'Stapel',
        siteUrl: 'https://stapel.example.de/',
        limit: 30,
      }),
    }
    for (let index = 0; index < COUNT; index++) {
      files[`content/${String(index).padStart(4, '0')}.md`] = article(index)
    }
    dir = await makeScenario(files)
  }, 120_000)
  afterAll(() => cleanup(dir))

  const build = (out: string, ...args: string[]) =>
    spawnCli(['build', ...NOW, '--reporter', 'json', '--out', out, ...args], { cwd: dir })

  it('should give the output and warnings of one thread, and a cache a rebuild reads whole', async () => {
    const one = await build('eins', '--no-cache', '--threads', '1')
    const two = await build('zwei', '--cache-dir', 'cache', '--threads', '2')
    expect([one.code, two.code]).toEqual([0, 0])
    expect(report(two.stdout)).toEqual(report(one.stdout))
    expect(report(one.stdout).warnings.length).toBe(Math.ceil(COUNT / 97))
    expect(await snapshotFolder(path.join(dir, 'zwei'))).toEqual(await snapshotFolder(path.join(dir, 'eins')))

    // Every entry the helper's batches gave is in the cache, under its own file.
    await rm(path.join(dir, 'zwei'), { recursive: true })
    const again = await build('zwei', '--cache-dir', 'cache', '--threads', '1')
    expect(JSON.parse(again.stdout).stats).toMatchObject({ parsed: 0, reused: COUNT })
    expect(report(again.stdout)).toEqual(report(one.stdout))
    expect(await snapshotFolder(path.join(dir, 'zwei'))).toEqual(await snapshotFolder(path.join(dir, 'eins')))
  })

  it('should report each error at its own file, in every batch', async () => {
    // The last file lies in the helper's own first chunk; the others in chunks either thread may take.
    const broken = [1400, 1950, 2399].map((index) => `content/${String(index).padStart(4, '0')}.md`)
    for (const file of broken)
      await writeFile(path.join(dir, file), '---\ntitle: Kaputt\ndate: 2024-13-45\n---\n')
    const one = await build('eins', '--no-cache', '--threads', '1')
    const two = await build('zwei', '--no-cache', '--threads', '2')
    expect([one.code, two.code]).toEqual([1, 1])
    expect(report(two.stdout)).toEqual(report(one.stdout))
    expect(report(two.stdout).errors.map((error: { file: string }) => error.file)).toEqual(broken)
  })
})
