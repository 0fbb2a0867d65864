import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run, snapshotFolder } from '../cli/_scenario.js'
import { ensureCompiledCli, hasBash, spawnCliWithFileLimit } from '../helpers/cli.js'
import { readWithFeedParser } from '../helpers/readers.js'

// Folders shaped like the starters most Eleventy and Astro sites begin from (eleventy-base-blog v9,
// Astro's blog template), with German articles: `init --from .` then `build --strict`, unedited. The
// generators are not installed here; the expected URLs are the ones their routing rules give.

const ELEVENTY: Record<string, string> = {
  'eleventy.config.js':
    'export default function (eleventyConfig) {}\nexport const config = { dir: { input: "content" } }\n',
  '_data/metadata.js': `export default {
  title: "Stadtblog Jena",
  url: "https://stadtblog-jena.de/",
  language: "de",
  description: "Neues aus der Stadt",
  author: { name: "Jana Beispiel", email: "jana@stadtblog-jena.de", url: "https://stadtblog-jena.de/ueber-mich/" },
}
`,
  'content/blog/blog.11tydata.js': 'export default { tags: ["posts"], layout: "layouts/post.njk" }\n',
  'content/blog/erster-beitrag.md': `---
title: Der erste Beitrag
description: Worum es hier geht.
date: 2018-05-01
tags:
  - Stadtrat
---

Hallo Jena.
`,
  'content/blog/fuenfter/fuenfter.md': `---
title: Ein Beitrag im eigenen Ordner
date: 2018-09-01T10:00:00
eleventyNavigation:
  key: Fünfter
---

Mit Ordner.
`,
  'content/blog/eigene-adresse.md': `---
title: Mit eigener Adresse
date: 2019-01-01
permalink: /sonder/seite/index.html
---

Anders.
`,
  'content/blog/versteckt.md': `---
title: Versteckt
date: 2019-02-01
eleventyExcludeFromCollections: true
---

Nicht in Sammlungen.
`,
}

const ASTRO: Record<string, string> = {
  'astro.config.mjs':
    "import { defineConfig } from 'astro/config'\nexport default defineConfig({\n  site: 'https://astro-blatt.de',\n})\n",
  'src/consts.ts':
    "export const SITE_TITLE = 'Astro-Blatt';\nexport const SITE_DESCRIPTION = 'Beiträge aus Astro';\n",
  'src/pages/blog/[...slug].astro': '---\n---\n',
  // The starter's hero images live in src/assets/, which Astro publishes under hashed names.
  'src/assets/blog-placeholder-3.jpg': 'JPEG',
  'src/content/blog/erster-beitrag.md': `---
title: 'Erster Beitrag'
description: 'Ein Anfang in Astro.'
pubDate: 'Jul 08 2022'
heroImage: '../../assets/blog-placeholder-3.jpg'
---

Text.
`,
  'src/content/blog/zweiter-beitrag.md': `---
title: 'Zweiter Beitrag'
description: 'Noch einer.'
pubDate: 'Jul 15 2022'
updatedDate: 'Jul 20 2022'
---

Mehr Text.
`,
}

async function items(dir: string) {
  const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
  return json.items as Record<string, unknown>[]
}

describe('an eleventy-base-blog–shaped site', () => {
  it('should build from init --from . with --strict and give the folder-based URLs', async () => {
    const dir = await makeScenario(ELEVENTY)
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.stderr).toContain('found a eleventy site')
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config).toMatchObject({
        from: 'eleventy',
        title: 'Stadtblog Jena',
        siteUrl: 'https://stadtblog-jena.de/',
        language: 'de',
        content: 'content/blog',
        permalink: '/blog/:path/',
      })
      const built = await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(built.code, built.stderr).toBe(0)
      const seen = (await items(dir)).map((item) => [item.url, item.date_published, item.summary])
      expect(seen).toEqual([
        ['https://stadtblog-jena.de/sonder/seite/', '2019-01-01T01:00:00+01:00', 'Anders.'],
        ['https://stadtblog-jena.de/blog/fuenfter/fuenfter/', '2018-09-01T12:00:00+02:00', 'Mit Ordner.'],
        [
          'https://stadtblog-jena.de/blog/erster-beitrag/',
          '2018-05-01T02:00:00+02:00',
          'Worum es hier geht.',
        ],
      ])
      const rss = await readWithFeedParser(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'))
      expect(rss.items.map((item) => item.title)).not.toContain('Versteckt')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})

describe('an Astro blog template–shaped site', () => {
  it('should build from init --from . with --strict, reading pubDate, updatedDate and heroImage', async () => {
    const dir = await makeScenario(ASTRO)
    try {
      expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config).toMatchObject({
        from: 'astro',
        title: 'Astro-Blatt',
        description: 'Beiträge aus Astro',
        siteUrl: 'https://astro-blatt.de/',
        content: 'src/content/blog',
        permalink: '/blog/:path/',
      })
      const built = await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(built.code, built.stderr).toBe(0)
      const seen = (await items(dir)).map((item) => [item.url, item.date_published, item.date_modified])
      expect(seen).toEqual([
        [
          'https://astro-blatt.de/blog/zweiter-beitrag/',
          '2022-07-15T00:00:00+02:00',
          '2022-07-20T00:00:00+02:00',
        ],
        [
          'https://astro-blatt.de/blog/erster-beitrag/',
          '2022-07-08T00:00:00+02:00',
          '2022-07-08T00:00:00+02:00',
        ],
      ])
      const first = (await items(dir))[1] as Record<string, unknown>
      expect(first.summary).toBe('Ein Anfang in Astro.')
      expect(first.image).toBe('https://astro-blatt.de/assets/blog-placeholder-3.jpg')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})

describe('init --from', () => {
  it('should exit 2 naming what it looked for when the folder is no known site', async () => {
    const dir = await makeScenario({ 'README.md': '# nichts\n' })
    try {
      const result = await run(['init', '--from', '.'], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('no site kanal knows: looked for _config.yml with _posts/ (Jekyll)')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should exit 2 with file:line when the site settings cannot be parsed', async () => {
    const dir = await makeScenario({
      'hugo.toml': 'title = "Kaputt"\nbaseURL = \n',
      'content/posts/a.md': '',
    })
    try {
      const result = await run(['init', '--from', '.'], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^kanal: hugo\.toml:2: cannot read the site's settings/)
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should say that URLs are lower-cased when a Hugo site sets disablePathToLower', async () => {
    const dir = await makeScenario({
      'hugo.toml': 'baseURL = "https://x.de/"\ndisablePathToLower = true\n',
      'content/posts/Gross_Klein.md': '---\ntitle: A\ndate: 2024-01-01\n---\n',
    })
    try {
      const result = await run(['init', '--from', '.'], dir)
      expect(result.code).toBe(0)
      expect(result.stderr).toContain(
        'assumed  lower-case URLs: hugo.toml sets disablePathToLower, which kanal does not follow',
      )
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should never replace kanal.config.json without --force', async () => {
    const dir = await makeScenario({ ...ASTRO, 'kanal.config.json': '{"eigene": true}\n' })
    try {
      expect((await run(['init', '--from', '.'], dir)).code).toBe(2)
      expect(await readFile(path.join(dir, 'kanal.config.json'), 'utf8')).toBe('{"eigene": true}\n')
      expect((await run(['init', '--from', '.', '--force'], dir)).code).toBe(0)
      expect(await readFile(path.join(dir, 'kanal.config.json'), 'utf8')).toContain('"from": "astro"')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  // The shell's file size limit stands for a full disk: --force replaces the config whole or not at all.
  it.skipIf(!hasBash)(
    'should keep the old kanal.config.json when the disk refuses the new one (needs bash)',
    async () => {
      await ensureCompiledCli()
      const dir = await makeScenario({ ...ASTRO, 'kanal.config.json': '{"eigene": true}\n' })
      try {
        const before = await snapshotFolder(dir)
        const result = await spawnCliWithFileLimit(0, ['init', '--from', '.', '--force'], { cwd: dir })
        expect([result.code, result.stderr]).toEqual([
          2,
          expect.stringMatching(/^kanal: cannot write kanal\.config\.json \(EFBIG\): /),
        ])
        expect(await snapshotFolder(dir)).toEqual(before)
      } finally {
        await cleanup(dir)
      }
    },
    30_000,
  )
})
