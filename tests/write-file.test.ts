import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomically } from '../src/write-file.js'

let cwd: string

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'kanal-write-'))
})

afterEach(async () => {
  await rm(cwd, { recursive: true, force: true })
})

describe('writeFileAtomically', () => {
  it('should create the folder and the file when neither exists', async () => {
    const file = join(cwd, 'content/neu/a.md')
    expect(await writeFileAtomically(file, 'Kanäle', false)).toBe(true)
    expect(await readFile(file, 'utf8')).toBe('Kanäle')
    expect(await readdir(join(cwd, 'content/neu'))).toEqual(['a.md'])
  })

  it('should leave the file alone and return false when it exists and overwrite is off', async () => {
    const file = join(cwd, 'a.md')
    await writeFile(file, 'alt')
    expect(await writeFileAtomically(file, 'neu', false)).toBe(false)
    expect(await readFile(file, 'utf8')).toBe('alt')
    expect(await readdir(cwd)).toEqual(['a.md'])
  })

  it('should replace the file when it exists and overwrite is on', async () => {
    const file = join(cwd, 'a.md')
    await writeFile(file, 'alt')
    expect(await writeFileAtomically(file, 'neu', true)).toBe(true)
    expect(await readFile(file, 'utf8')).toBe('neu')
    expect(await readdir(cwd)).toEqual(['a.md'])
  })
})
