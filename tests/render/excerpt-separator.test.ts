import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'
import { FIXED_NOW } from '../helpers/fixture.js'
import { readWithFeedsmith, readWithRssParser } from '../helpers/readers.js'
import { hasCommand, readMeta, runGenerator } from '../sites/_real.js'

// Jekyll's `excerpt_separator` (site-wide in _config.yml, or per post) ends the summary like
// `<!--more-->`. `init --from` records the site's in kanal.config.json (`excerptSeparator`).

const JEKYLL = hasCommand('jekyll', ['--version'])

const SITE: Record<string, string> = {
  '_config.yml': `title: Trenner
url: https://trenner.example.de
timezone: Europe/Berlin
permalink: /:title/
excerpt_separator: "<!--mehr-->"
defaults:
  - scope: {path: ""}
    values: {layout: default}
`,
  '_layouts/default.html':
    '<meta name="kanal-url" content="{{ page.url }}"><meta name="kanal-excerpt" content="{{ page.excerpt | strip_html | normalize_whitespace }}">{{ content }}\n',
  '_posts/2025-03-04-landtag.md': `---
title: Landtag beschließt Haushalt
---

Der Landtag hat am Dienstag den Haushalt beschlossen.
Die Opposition stimmte dagegen.

Es folgt die lange Debatte.
<!--mehr-->
Der Rest des Artikels, der nicht in die Zusammenfassung gehört.
`,
  '_posts/2025-03-05-stadtrat.md': `---
title: Stadtrat tagt
excerpt_separator: "[[weiter]]"
---

Der Stadtrat tagt öffentlich.

Tagesordnung folgt. [[weiter]]

Nicht mehr in der Zusammenfassung.
`,
}

async function summaries(dir: string): Promise<Record<string, string>> {
  const rss = await readWithRssParser(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'))
  expect(rss.items).toHaveLength(2)
  const xml = await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')
  const feed = await readWithFeedsmith(xml, 'rss')
  expect(feed.items).toHaveLength(2)
  const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
  return Object.fromEntries(
    json.items.map((item: { url: string; summary: string }) => [new URL(item.url).pathname, item.summary]),
  )
}

describe('excerptSeparator', () => {
  let dir: string
  beforeAll(async () => {
    dir = await makeScenario(SITE)
    expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
  })
  afterAll(async () => cleanup(dir))

  it('should record the site-wide separator when init --from reads a Jekyll site', async () => {
    const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
    expect(config.excerptSeparator).toBe('<!--mehr-->')
  })

  it('should end the summary at the site-wide and at a post’s own separator when building', async () => {
    const result = await build({ cwd: dir, now: FIXED_NOW, strict: true })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    const seen = await summaries(dir)
    expect(seen['/landtag/']).toBe(
      'Der Landtag hat am Dienstag den Haushalt beschlossen. Die Opposition stimmte dagegen. Es folgt die lange Debatte.',
    )
    expect(seen['/stadtrat/']).toBe('Der Stadtrat tagt öffentlich. Tagesordnung folgt.')
  })

  it('should give the summaries of a build without cache when the separator changed between cached builds', async () => {
    await build({ cwd: dir, now: FIXED_NOW })
    const file = path.join(dir, 'kanal.config.json')
    const config = JSON.parse(await readFile(file, 'utf8'))
    await writeFile(file, JSON.stringify({ ...config, excerptSeparator: 'Die Opposition' }))
    const cached = await build({ cwd: dir, now: FIXED_NOW })
    expect(cached.ok).toBe(true)
    const withCache = await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')
    expect((await summaries(dir))['/landtag/']).toBe('Der Landtag hat am Dienstag den Haushalt beschlossen.')
    await build({ cwd: dir, now: FIXED_NOW, cache: false })
    expect(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')).toBe(withCache)
  })
})

describe.skipIf(!JEKYLL)('excerptSeparator against real Jekyll', () => {
  it('should give the excerpts Jekyll gives', async () => {
    const dir = await makeScenario(SITE)
    try {
      runGenerator(
        'jekyll',
        ['build', '--quiet', '--source', dir, '--destination', path.join(dir, '_site')],
        dir,
      )
      const published: Record<string, string> = {}
      for (const file of await readdir(path.join(dir, '_site'), { recursive: true })) {
        if (!String(file).endsWith('.html')) continue
        const meta = readMeta(await readFile(path.join(dir, '_site', String(file)), 'utf8'))
        if (meta.url) published[meta.url] = (meta.excerpt ?? '').replace(/\s+/g, ' ').trim()
      }
      expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
      expect((await build({ cwd: dir, now: FIXED_NOW, strict: true })).ok).toBe(true)
      const seen = await summaries(dir)
      expect(Object.keys(published).sort()).toEqual(Object.keys(seen).sort())
      for (const [url, excerpt] of Object.entries(published)) expect(seen[url]).toBe(excerpt)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)
})

describe.runIf(!JEKYLL)('excerptSeparator against real Jekyll', () => {
  it('is skipped: jekyll is not installed (apt-get install jekyll)', () => {
    console.warn('tests/render/excerpt-separator.test.ts: jekyll is not installed; the comparison is skipped')
  })
})
