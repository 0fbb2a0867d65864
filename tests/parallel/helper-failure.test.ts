import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { CLI, ensureCompiledCli } from '../helpers/cli.js'

// A helper thread's batches are handed on (and their articles written to the new cache index) by a
// message handler, outside the build's promises. A failure there (here: the index grows past the file
// size limit the shell sets, as a full disk would stop it) must fail the build like any other: kanal's
// own report and exit code, the half-written index removed, the lock released; not a crash of Node.
const COUNT = 2400

function article(index: number): string {
  // ~2 KB of summary a file: the index grows by ~2 KB an article and reaches 3.5 MB (the limit below)
  // at its flush after ~1,900 articles, while the helper's share (the files after the first ~1,300)
  // is handed on.
  const summary = `Zusammenfassung ${index} `.repeat(90)
  return `---\ntitle: Artikel ${index}\ndate: 2024-01-01 10:00\nsummary: ${summary}\n---\n\nText ${index}.\n`
}

describe('a helper thread whose articles cannot be written to the cache', { timeout: 120_000 }, () => {
  let dir: string
  beforeAll(async () => {
    await ensureCompiledCli()
    const files: Record<string, string> = {
      'kanal.config.json': JSON.stringify({ title: 'Voll', siteUrl: 'https://voll.example.de/', limit: 5 }),
    }
    for (let index = 0; index < COUNT; index++)
      files[`content/${String(index).padStart(4, '0')}.md`] = article(index)
    dir = await makeScenario(files)
  }, 120_000)
  afterAll(() => cleanup(dir))

  it('should end the build with kanal’s own report, and leave no half-written cache or lock', async () => {
    // bash counts `ulimit -f` in KiB (a POSIX sh may count 512-byte blocks).
    const command = `ulimit -f 3500; exec "${process.execPath}" "${CLI}" build --now 2026-01-01T00:00:00Z --cache-dir cache --threads 2`
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn('bash', ['-c', command], { cwd: dir })
      const stderr: Buffer[] = []
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString('utf8') }))
    })
    expect(run.stderr).toMatch(/^kanal: internal error/)
    expect(run.stderr).toContain('EFBIG')
    expect(run.code).toBe(3)
    expect((await readdir(path.join(dir, 'cache'))).sort()).toEqual(['seal.key'])
  })
})
