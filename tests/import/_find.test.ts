import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findTextFiles } from '../../src/import/_find.js'

let cwd: string

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'kanal-find-'))
  for (const file of [
    'import/b.txt',
    'import/a.txt',
    'import/z/c.txt',
    'import/a/d.TXT',
    'import/notiz.md',
    'import/.versteckt/e.txt',
  ]) {
    await mkdir(join(cwd, file, '..'), { recursive: true })
    await writeFile(join(cwd, file), 'x')
  }
})

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

describe('findTextFiles', () => {
  it('should list every .txt file below a folder sorted by path when given a folder', async () => {
    const value = await findTextFiles(['import'], cwd)
    const expected = ['import/a.txt', 'import/a/d.TXT', 'import/b.txt', 'import/z/c.txt'].map((file) =>
      join(cwd, file),
    )
    expect(value).toEqual({ files: expected, errors: [] })
  })

  it('should take a named file as it is when it does not end in .txt', async () => {
    const value = await findTextFiles(['import/notiz.md'], cwd)
    expect(value.files).toEqual([join(cwd, 'import/notiz.md')])
  })

  it('should list a file once when it is named twice', async () => {
    const value = await findTextFiles(['import/b.txt', 'import', join(cwd, 'import/b.txt')], cwd)
    expect(value.files).toHaveLength(4)
    expect(value.files[0]).toBe(join(cwd, 'import/b.txt'))
  })

  it('should report a ContentError when an input does not exist', async () => {
    const value = await findTextFiles(['import/fehlt.txt', 'import/a.txt'], cwd)
    expect(value.files).toEqual([join(cwd, 'import/a.txt')])
    expect(value.errors.map((error) => error.message)).toEqual(['import/fehlt.txt: no such file or folder'])
  })
})
