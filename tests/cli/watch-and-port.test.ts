import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureCompiledCli } from '../helpers/cli.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'

beforeAll(async () => {
  await ensureCompiledCli()
}, 60_000)

afterAll(async () => {
  await removeTempDirs()
})

/** Runs the CLI; `until` (on stderr so far) may stop it with SIGTERM once it has said enough. */
function _run(cwd: string, args: string[], until?: (stderr: string) => boolean, onStart?: () => void) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, '--now', FIXED_NOW.toISOString(), '--no-cache'], {
      cwd,
    })
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000)
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      if (onStart && stderr.includes('watching')) {
        onStart()
        onStart = undefined
      }
      if (until?.(stderr)) child.kill('SIGTERM')
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

describe('kanal serve --port', () => {
  it('should exit 2 naming the port and --port when the port is in use', async () => {
    const dir = await copyFixture('syndication/categories')
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const port = (busy.address() as AddressInfo).port
    try {
      const value = await _run(dir, ['serve', '--port', String(port)])
      expect(value.code).toBe(2)
      expect(value.stderr).toContain(`kanal: port ${port} on 127.0.0.1 is already in use`)
      expect(value.stderr).toContain('--port 0 picks a free one')
      expect(value.stderr).not.toMatch(/internal error|EADDRINUSE|\n\s+at /)
    } finally {
      busy.close()
    }
  }, 90_000)
})

describe('kanal build --watch', () => {
  it('should build again when an article is saved, and stop on SIGTERM with exit 0', async () => {
    const dir = await copyFixture('syndication/categories')
    const builds = (stderr: string) => stderr.match(/^kanal build: \d+ articles read/gm)?.length ?? 0
    const value = await _run(
      dir,
      ['build', '--watch'],
      (stderr) => builds(stderr) >= 2,
      () =>
        void writeFile(
          path.join(dir, 'content', 'wetter.md'),
          '---\ntitle: Neu\ndate: 2024-10-24\n---\n\nText.\n',
        ),
    )
    expect(value.code).toBe(0)
    expect(builds(value.stderr)).toBe(2)
  }, 90_000)
})
