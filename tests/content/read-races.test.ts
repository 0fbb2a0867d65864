import { rmSync, writeFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario } from '../cli/_scenario.js'

// Files that change or vanish while a build reads them (src/content/read.ts).

const NOW = new Date('2026-01-01T00:00:00Z')
const CONFIG = JSON.stringify({ title: 'Wettlauf', siteUrl: 'https://wettlauf.de/' })
const article = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2024-10-10 10:00\n${extra}---\n\n${body}\n`

describe('readBodyBytes', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': article('Erster', 'Der Text von a.'),
      'content/b.md': article('Zweiter', 'Der Text von b.'),
    })
  })
  afterEach(() => cleanup(dir))

  it.each([
    ['with the cache', 'cache'],
    ['without a cache', false],
  ] as const)('should refuse a body rewritten after its front matter was read (%s)', async (_, cache) => {
    const file = path.join(dir, 'content/a.md')
    // Longer front matter now: the body starts later than where the first read found it.
    const rewritten = article(
      'Erster',
      'Der neue Text.',
      'summary: Eine lange Zusammenfassung, die vorne steht\n',
    )
    const value = await build({
      cwd: dir,
      now: NOW,
      cache,
      progress: (stage, done) => {
        if (stage === 'render' && done === 0) writeFileSync(file, rewritten)
      },
    })
    expect(value.ok).toBe(false)
    expect(value.errors.map((error) => error.message)).toEqual([
      'content/a.md: was changed while kanal read it; build again',
    ])
    expect(await readdir(dir)).not.toContain('dist')
    // The next build reads it afresh.
    const again = await build({ cwd: dir, now: NOW, cache })
    expect(again.ok).toBe(true)
    const feed = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8')) as {
      items: { title: string; content_html: string }[]
    }
    const body = feed.items.find((item) => item.title === 'Erster')?.content_html
    expect(body).toBe('<p>Der neue Text.</p>')
  })

  it('should name an article removed between listing and reading, not crash', async () => {
    const value = await build({
      cwd: dir,
      now: NOW,
      cache: false,
      progress: (stage, done) => {
        if (stage === 'read' && done === 0) rmSync(path.join(dir, 'content/b.md'))
      },
    })
    expect(value.ok).toBe(false)
    expect(value.errors.map((error) => error.message)).toEqual([
      'content/b.md: was removed while kanal read it; build again',
    ])
  })
})
