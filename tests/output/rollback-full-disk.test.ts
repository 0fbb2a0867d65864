import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { snapshotFolder } from '../cli/_scenario.js'

// A publish fails part-way (the second file cannot be moved in), on a disk so full that not even the
// journal that turns the publish back can be written. The output must still be rolled back whole:
// the moves back need no space.
const disk = vi.hoisted(() => ({ full: false, refuseMove: '' }))
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>()
  const fail = (code: string, syscall: string) =>
    Object.assign(new Error(`${code}: refused, ${syscall}`), { code, syscall })
  const writeFileSync = ((...args: Parameters<typeof original.writeFileSync>) => {
    if (disk.full && String(args[0]).endsWith('journal.json.tmp')) throw fail('ENOSPC', 'write')
    return original.writeFileSync(...args)
  }) as typeof original.writeFileSync
  const renameSync = ((from: string, to: string) => {
    if (disk.refuseMove !== '' && String(to).endsWith(disk.refuseMove)) {
      // From now on the disk is full.
      disk.full = true
      throw fail('EIO', 'rename')
    }
    return original.renameSync(from, to)
  }) as typeof original.renameSync
  const mocked = { ...original, writeFileSync, renameSync }
  return { ...mocked, default: mocked }
})
const { writeOutput } = await import('../../src/output/write.js')

describe('a publish that fails on a full disk', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanal-rollback-'))
  })
  afterEach(async () => {
    disk.full = false
    disk.refuseMove = ''
    await rm(dir, { recursive: true, force: true })
  })

  it('should roll back every file it moved, leave no work folder, and throw what stopped it', async () => {
    const out = path.join(dir, 'dist')
    const files = (text: string) => [
      { path: 'rss.xml', contents: `<rss>${text}</rss>` },
      { path: 'kategorie/sport/rss.xml', contents: `<rss>Sport ${text}</rss>` },
      { path: 'index.html', contents: `<p>${text}</p>` },
    ]
    await writeOutput(out, files('alt'))
    const before = await snapshotFolder(out)
    disk.refuseMove = path.join('kategorie', 'sport', 'rss.xml')
    await expect(writeOutput(out, files('neu'))).rejects.toMatchObject({ code: 'EIO' })
    expect(await snapshotFolder(out)).toEqual(before)
    expect(await readdir(dir)).toEqual(['dist'])
  })
})
