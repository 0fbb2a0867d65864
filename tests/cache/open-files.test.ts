import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { CLI, ensureCompiledCli } from '../helpers/cli.js'

// With many shown articles a first build stores many rendered bodies; storing them all at once ran
// out of file handles (EMFILE, exit 3) under `ulimit -n 1024`, and macOS allows 256 by default.

const ARTICLES = 700
const LIMIT = 128

describe('HtmlStore writes under a low open-file limit', () => {
  let dir: string
  beforeAll(async () => {
    await ensureCompiledCli()
    const files: Record<string, string> = {
      'kanal.config.json': JSON.stringify({ title: 'Viele', siteUrl: 'https://viele.de/', limit: ARTICLES }),
    }
    for (let index = 0; index < ARTICLES; index++) {
      const day = String(1 + (index % 28)).padStart(2, '0')
      files[`content/a${index}.md`] =
        `---\ntitle: Artikel ${index}\ndate: 2024-03-${day} 10:${String(index % 60).padStart(2, '0')}\n---\n\nText ${index}.\n`
    }
    dir = await makeScenario(files)
  }, 120_000)
  afterAll(() => cleanup(dir))

  it(`should build ${ARTICLES} shown articles with the cache under ulimit -n ${LIMIT}`, () => {
    const command = `ulimit -n ${LIMIT} && exec "$0" "$1" build --now 2026-01-01T00:00:00Z`
    const result = spawnSync('sh', ['-c', command, process.execPath, CLI], { cwd: dir, encoding: 'utf8' })
    expect(result.stderr).not.toContain('EMFILE')
    expect(result.status).toBe(0)
  }, 120_000)
})
