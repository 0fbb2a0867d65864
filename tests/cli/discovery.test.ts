import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterEach, describe, expect, it } from 'vitest'
import { discoveryTags } from '../../src/discovery.js'
import { cleanup, makeScenario, run } from './_scenario.js'

const CONFIG = JSON.stringify({
  title: 'Stadtblatt',
  siteUrl: 'https://www.stadtblatt.de/',
  feedPath: '/feeds/',
})
const FILES = {
  'kanal.config.json': CONFIG,
  'content/rat.md': '---\ntitle: Ratssitzung\ndate: 2024-10-25\ncategory: Politik\n---\n\nText.\n',
  'content/derby.md':
    '---\ntitle: Derby\ndate: 2024-10-26\ncategory: Sport & Spiel\ntags: [Fußball]\n---\n\nText.\n',
}
const FEEDS = 'https://www.stadtblatt.de/feeds/'
const hrefs = (text: string) =>
  [...text.matchAll(/<link rel="alternate"[^>]* href="([^"]+)">/g)].map((m) => m[1])

describe('discovery', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should print the main feed tags at feedPath when run without --categories', async () => {
    dir = await makeScenario(FILES)
    const result = await run(['discovery'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        `<link rel="alternate" type="application/rss+xml" title="Stadtblatt (RSS)" href="${FEEDS}rss.xml">`,
        `<link rel="alternate" type="application/atom+xml" title="Stadtblatt (Atom)" href="${FEEDS}atom.xml">`,
        `<link rel="alternate" type="application/feed+json" title="Stadtblatt (JSON Feed)" href="${FEEDS}feed.json">`,
        '',
      ].join('\n'),
    )
  })

  it('should print the same tags as the built index.html, each naming a feed the build wrote, when run with --categories', async () => {
    dir = await makeScenario(FILES)
    const printed = await run(['discovery', '--categories'], dir)
    expect(printed.code).toBe(0)
    expect((await run(['build', '--no-cache'], dir)).code).toBe(0)
    const index = await readFile(path.join(dir, 'dist/index.html'), 'utf8')
    expect(hrefs(printed.stdout)).toEqual(hrefs(index))
    expect(hrefs(printed.stdout)).toHaveLength(9)
    for (const href of hrefs(printed.stdout)) {
      const file = path.join(dir, 'dist', (href ?? '').slice(FEEDS.length))
      await access(file)
      const feed = parseFeed(await readFile(file, 'utf8'))
      const self =
        feed.format === 'json'
          ? feed.feed.feed_url
          : feed.format === 'rss'
            ? feed.feed.atom?.links?.find((link) => link.rel === 'self')?.href
            : feed.format === 'atom'
              ? feed.feed.links?.find((link) => link.rel === 'self')?.href
              : undefined
      expect(self).toBe(href)
    }
  })

  it('should exit 1 naming the file when --categories meets broken content', async () => {
    dir = await makeScenario({ ...FILES, 'content/kaputt.md': '---\ntitle: Ohne Datum\n---\n\nText.\n' })
    const result = await run(['discovery', '--categories'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^content\/kaputt\.md:\d+:\d+: /m)
  })

  it('should refuse an option of another command with exit 2', async () => {
    dir = await makeScenario(FILES)
    const result = await run(['discovery', '--out', 'x'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('its options are --config, --content, --site-url, --categories')
  })
})

describe('discoveryTags', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should return the category tags after the main ones when categories is set', async () => {
    dir = await makeScenario(FILES)
    const result = await discoveryTags({ cwd: dir, categories: true })
    expect(result.errors).toEqual([])
    expect(hrefs(result.tags.join('\n')).filter((href) => href?.endsWith('rss.xml'))).toEqual([
      `${FEEDS}rss.xml`,
      `${FEEDS}kategorie/politik/rss.xml`,
      `${FEEDS}kategorie/sport-und-spiel/rss.xml`,
    ])
  })
})

describe('discovery of a multilingual Hugo site', () => {
  it('should name only the feeds the build writes when list pages and translations have categories', async () => {
    const dir = await makeScenario({
      'kanal.config.json': JSON.stringify({
        title: 'Mehrsprachig',
        siteUrl: 'https://www.mehrsprachig.de/',
        from: 'hugo',
        content: 'content/posts',
        languages: ['de', 'en'],
        permalink: '/posts/:filepath/',
      }),
      'content/posts/_index.md': '---\ntitle: Beiträge\n---\n',
      'content/posts/_index.en.md': '---\ntitle: Posts\n---\n',
      'content/posts/rat.de.md':
        '---\ntitle: Ratssitzung\ndate: 2024-10-25\ncategories: [Politik]\n---\nText.\n',
      'content/posts/rat.en.md':
        '---\ntitle: Council\ndate: 2024-10-25\ncategories: [Politics]\n---\nText.\n',
    })
    try {
      const printed = await run(['discovery', '--categories'], dir)
      expect(printed.code, printed.stderr).toBe(0)
      expect((await run(['build', '--strict', '--no-cache'], dir)).code).toBe(0)
      const index = await readFile(path.join(dir, 'dist/index.html'), 'utf8')
      expect(hrefs(printed.stdout)).toEqual(hrefs(index))
      expect(printed.stdout).toContain('kategorie/politik/')
      expect(printed.stdout).not.toContain('politics')
    } finally {
      await cleanup(dir)
    }
  })
})
