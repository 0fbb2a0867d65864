import { readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// The disk fills while the key is written: the write fails the way Node reports it.
const full = vi.hoisted(() => ({ on: false }))
vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>()
  const writeFileSync = ((...args: Parameters<typeof original.writeFileSync>) => {
    if (!full.on) return original.writeFileSync(...args)
    // The file is made, and nothing fits into it.
    original.writeFileSync(args[0], '', args[2])
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    })
  }) as typeof original.writeFileSync
  return { ...original, default: { ...original, writeFileSync }, writeFileSync }
})
const { readSecret } = await import('../../src/fast/_seal.js')

describe('the cache key on a full disk', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanal-seal-'))
  })
  afterEach(async () => {
    full.on = false
    await rm(dir, { recursive: true, force: true })
  })

  it('should throw the error and leave no empty key behind', () => {
    full.on = true
    expect(() => readSecret(dir, true)).toThrow(expect.objectContaining({ code: 'ENOSPC' }))
    expect(readdirSync(dir)).toEqual([])
    full.on = false
    expect(readSecret(dir, true)?.length).toBe(32)
  })
})
