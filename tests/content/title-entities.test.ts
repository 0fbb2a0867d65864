import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'
import { readersFor } from '../helpers/readers.js'

// A title is written for a page, where `&bdquo;` shows as „: every reader must see the character once,
// never `&bdquo;` or `&amp;bdquo;`, in every format, for kanal's own content as for a generator's.

const CONFIG = JSON.stringify({ title: 'Entitäten', siteUrl: 'https://entitaeten.example.de/' })

describe('toArticle', () => {
  it('should decode HTML entities in titles and summaries when a title or summary holds them', async () => {
    const dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md':
        '---\ntitle: "Von &bdquo;Jellyfin&ldquo; &ndash; bloggt&#8230; Fish &amp; Chips &lt;b&gt;"\ndate: 2024-05-01\nsummary: "Mit &bdquo;Anführung&ldquo; &amp; mehr"\n---\nText.\n',
    })
    try {
      const built = await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(built.code).toBe(0)
      const title = 'Von „Jellyfin“ – bloggt… Fish & Chips <b>'
      for (const file of ['rss.xml', 'atom.xml', 'feed.json'] as const) {
        const text = await readFile(path.join(dir, 'dist', file), 'utf8')
        expect(text).not.toContain('bdquo')
        for (const reader of readersFor(file === 'rss.xml' ? 'rss' : file === 'atom.xml' ? 'atom' : 'json')) {
          const seen = await reader.read(text)
          expect(
            seen.items.map((item) => item.title),
            `${reader.name} ${file}`,
          ).toEqual([title])
        }
      }
      const rss = await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')
      // Escaped once for XML, as kanal escapes text.
      expect(rss).toContain('<title>Von „Jellyfin“ – bloggt… Fish &#x26; Chips &#x3C;b&#x3E;</title>')
      const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
      expect(json.items[0].summary).toBe('Mit „Anführung“ & mehr')
    } finally {
      await cleanup(dir)
    }
  })
})
