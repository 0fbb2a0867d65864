import { describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'

const CONFIG = JSON.stringify({ title: 'Formate', siteUrl: 'https://formate.example.de/', from: 'hugo' })

describe('parseFrontMatter (TOML and JSON, through the CLI)', () => {
  it('should report a TOML error at the file line and column', async () => {
    const dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/kaputt.md': '+++\ntitle = "Kaputt"\ndate = \n+++\n\nText.\n',
    })
    try {
      const result = await run(['build'], dir)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^content\/kaputt\.md:3:8: error: the front matter is not valid TOML/m)
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should point a bad TOML date at its key, read a zone-less one in the site zone', async () => {
    const dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': '+++\ntitle = "A"\ndate = "gestern"\n+++\n\nText.\n',
      'content/b.md': '+++\ntitle = "B"\ndate = 2024-10-25T14:30:00\n+++\n\nText.\n',
    })
    try {
      const result = await run(['build', '--out', 'dist'], dir)
      expect(result.stderr).toContain('content/a.md:3:8: error: "date": "gestern" is not a date')
      const fixed = await makeScenario({
        'kanal.config.json': CONFIG,
        'content/b.md': '+++\ntitle = "B"\ndate = 2024-10-25T14:30:00\n+++\n\nText.\n',
      })
      try {
        expect((await run(['build'], fixed)).code).toBe(0)
        const { readFile } = await import('node:fs/promises')
        const json = JSON.parse(await readFile(`${fixed}/dist/feed.json`, 'utf8'))
        expect(json.items[0].date_published).toBe('2024-10-25T14:30:00+02:00')
      } finally {
        await cleanup(fixed)
      }
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})

describe('readUnknownKeys (init --from records ignoreKeys)', () => {
  it('should record a theme key the site uses, but not a typo of a known key', async () => {
    const dir = await makeScenario({
      '_config.yml': 'title: Eigenes Thema\nurl: https://thema.example.de\n',
      '_posts/2024-05-01-a.md': '---\ntitle: A\nmein_schalter: true\n---\n\nText.\n',
      '_posts/2024-05-02-b.md': '---\ntitel: B\ntitle: B\n---\n\nText.\n',
    })
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.code).toBe(0)
      const { readFile } = await import('node:fs/promises')
      const config = JSON.parse(await readFile(`${dir}/kanal.config.json`, 'utf8'))
      expect(config.ignoreKeys).toEqual(['mein_schalter'])
      expect(config.permalink).toBe('/:categories/:year/:month/:day/:slug.html')
      const built = await run(['build', '--strict'], dir)
      expect(built.code).toBe(1)
      expect(built.stderr).toContain(
        '_posts/2024-05-02-b.md:2:8: warning: unknown key "titel" is ignored; did you mean "title"?',
      )
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})
