import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceFile } from '../../src/fast/_replace-file.js'

// The build stamp and the selection memo are put in place this way; a failure is a warning of the
// build ("could not save the cache"), and must leave no temporary file in the cache folder.
describe('replaceFile', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanal-replace-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('should put the new contents in place of the old', async () => {
    await writeFile(path.join(dir, 'stamp.json'), 'alt')
    replaceFile(path.join(dir, 'stamp.json'), 'neu')
    expect(await readFile(path.join(dir, 'stamp.json'), 'utf8')).toBe('neu')
    expect(await readdir(dir)).toEqual(['stamp.json'])
  })

  it('should throw, and leave what stands there and no temporary file, when the rename fails', async () => {
    await mkdir(path.join(dir, 'stamp.json'))
    await writeFile(path.join(dir, 'stamp.json/inhalt'), 'x')
    expect(() => replaceFile(path.join(dir, 'stamp.json'), 'neu')).toThrow(
      expect.objectContaining({ syscall: 'rename' }),
    )
    expect(await readdir(dir)).toEqual(['stamp.json'])
    expect(await readdir(path.join(dir, 'stamp.json'))).toEqual(['inhalt'])
  })
})
