import { appendFile, readFile, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'

// The rendered bodies live in one file, cache/bodies.pack: appended to while most of it is used,
// rewritten otherwise, and read up to its last whole record when a killed build cut it short.

const NOW = new Date('2026-01-01T00:00:00Z')
const site = (url: string) => JSON.stringify({ title: 'Packen', siteUrl: url, limit: 10 })

function article(index: number, body = `Text über „Artikel ${index}“.`): string {
  return `---\ntitle: Artikel ${index}\ndate: 2024-10-1${index} 10:00\n---\n\n${body}\n`
}

const run = (dir: string) => build({ cwd: dir, now: NOW, cache: 'cache' })

/** The keys of the pack's records, in file order; throws when the file is not whole records. */
function recordKeys(bytes: Buffer): string[] {
  return records(bytes).map((record) => record.key)
}

function records(bytes: Buffer): { key: string; start: number }[] {
  const keys: { key: string; start: number }[] = []
  for (let at = 0; at < bytes.length; ) {
    const lineEnd = bytes.indexOf(10, at)
    const header = /^([0-9a-f]{64}) [0-9a-f]{64} (\d+)$/.exec(bytes.toString('latin1', at, lineEnd))
    if (!header) throw new Error(`no record header at byte ${at}`)
    const end = lineEnd + 1 + Number(header[2])
    if (bytes[end] !== 10) throw new Error(`the record at byte ${at} does not end with a line end`)
    keys.push({ key: header[1] as string, start: at })
    at = end + 1
  }
  return keys
}

describe('the cache keeps rendered bodies in one file', () => {
  let dir: string
  let pack: string

  async function sameAsWithoutCache(): Promise<void> {
    expect((await build({ cwd: dir, now: NOW, cache: false, out: 'plain' })).ok).toBe(true)
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(
      await snapshotFolder(path.join(dir, 'plain')),
    )
  }

  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': site('https://packen.de/'),
      'content/a1.md': article(1),
      'content/a2.md': article(2),
      'content/a3.md': article(3),
    })
    pack = path.join(dir, 'cache', 'bodies.pack')
    expect((await run(dir)).stats).toMatchObject({ rendered: 3, renderReused: 0 })
  })
  afterEach(() => cleanup(dir))

  it('should append a changed body and keep the records before it as they were', async () => {
    const before = await readFile(pack)
    expect(recordKeys(before)).toHaveLength(3)
    await appendFile(path.join(dir, 'content/a2.md'), 'Noch ein Satz.\n')

    expect((await run(dir)).stats).toMatchObject({ rendered: 1, renderReused: 2 })
    const after = await readFile(pack)
    expect(after.subarray(0, before.length).equals(before)).toBe(true)
    expect(recordKeys(after)).toHaveLength(4)
    await sameAsWithoutCache()

    // The next build finds every body, the changed one as appended.
    await appendFile(path.join(dir, 'content/a3.md'), '\n')
    expect((await run(dir)).stats).toMatchObject({ rendered: 1, renderReused: 2 })
  })

  it('should rewrite the pack with only the used bodies when most of it is no longer used', async () => {
    const before = recordKeys(await readFile(pack))
    // Another site URL gives every body another render key: none of the old records is used.
    await writeFile(path.join(dir, 'kanal.config.json'), site('https://anders.de/'))

    expect((await run(dir)).stats).toMatchObject({ rendered: 3, renderReused: 0 })
    const after = recordKeys(await readFile(pack))
    expect(after).toHaveLength(3)
    expect(after.filter((key) => before.includes(key))).toEqual([])
    await sameAsWithoutCache()
  })

  it('should serve the whole records of a pack cut short, render the rest, and write it whole again', async () => {
    const last = records(await readFile(pack)).at(-1)?.start as number
    // Cut into the last record's payload (past its 140-byte header), as a build killed while appending leaves it.
    await truncate(pack, last + 150)
    await appendFile(path.join(dir, 'content/a1.md'), '\n')

    expect((await run(dir)).stats).toMatchObject({ renderReused: 2, rendered: 1 })
    // Whole records again: not appended after the torn one, which would leave it in the middle.
    expect(recordKeys(await readFile(pack))).toHaveLength(3)
    await sameAsWithoutCache()
  })
})
