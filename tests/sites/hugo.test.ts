import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'
import { readWithFeedsmith, readWithRssParser } from '../helpers/readers.js'
import { hasCommand, runGenerator, THEMED_RSS } from './_real.js'

// A German Hugo site (TOML, YAML and JSON front matter, a list page, a draft, a page bundle with an
// image, shortcodes), built by Hugo and by kanal from `init --from .`: kanal's items must have the URLs,
// instants and titles of the items in Hugo's own RSS feed.

const HUGO = hasCommand('hugo', ['version'])

function site(permalinks = ''): Record<string, string> {
  return {
    'hugo.toml': `baseURL = "https://www.hugo-blatt.de/"
title = "Hugo-Blatt"
languageCode = "de-de"
timeZone = "Europe/Berlin"
${permalinks}
[params]
description = "Nachrichten aus Hugo"
author = "Max Muster"
`,
    // A shortcode of the site's own: kanal cannot know what it writes.
    'layouts/shortcodes/unbekannt.html': '<aside>{{ .Get 0 }}</aside>',
    'content/posts/_index.md': '+++\ntitle = "Alle Beiträge"\n+++\n',
    'content/posts/wahl.md': `+++
title = "Wahlabend in Erfurt"
date = 2024-09-01T18:00:00+02:00
lastmod = 2024-09-02T08:00:00+02:00
description = "Die Stimmen sind ausgezählt."
categories = ["Politik"]
tags = ["Thüringen", "Wahl"]
aliases = ["/alt/wahl/"]
weight = 3
+++

Der Abend in Erfurt.

{{< youtube dQw4w9WgXcQ >}}

{{< unbekannt "x" >}}
`,
    'content/posts/mit-bild/index.md': `---
title: "Ein Beitrag mit Bild"
date: 2024-10-20T09:15:00
images: ["foto.jpg"]
toc: true
---

{{< figure src="foto.jpg" caption="Das Foto" >}}
`,
    'content/posts/mit-bild/foto.jpg': 'JPEG',
    'content/posts/json.md': `{
  "title": "Im JSON-Format",
  "date": "2024-08-15",
  "slug": "json-beitrag"
}

Text im JSON-Beitrag.
`,
    'content/posts/mehr.md':
      '---\ntitle: Mit Anriss\ndate: 2024-06-01T12:00:00+02:00\n---\n\nErster Absatz.\n\nZweiter Absatz.\n\n<!--more-->\n\nDer Rest.\n',
    'content/posts/entwurf.md': '---\ntitle: Entwurf\ndate: 2024-07-01\ndraft: true\n---\nNoch nicht.\n',
    'content/posts/kopflos/index.md':
      '---\ntitle: Kopflos\ndate: 2024-07-02\nheadless: true\n---\nNur Ressource.\n',
  }
}

async function compare(dir: string) {
  runGenerator('hugo', ['--quiet', '--source', dir], dir)
  const hugo = await readWithRssParser(await readFile(path.join(dir, 'public/index.xml'), 'utf8'))
  expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
  const built = await run(['build', '--now', '2026-01-01T00:00:00Z'], dir)
  const feed = await readWithFeedsmith(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'), 'rss')
  const items = (seen: typeof feed) => seen.items.map((item) => [item.link, item.instant, item.title]).sort()
  return { built, hugo: items(hugo), kanal: items(feed) }
}

describe.skipIf(!HUGO)('a Hugo site, from init --from . to build', () => {
  it("should publish the items of Hugo's own feed, with their URLs, instants and titles", async () => {
    const dir = await makeScenario(site())
    try {
      const { built, hugo, kanal } = await compare(dir)
      expect(hugo).toHaveLength(4)
      expect(kanal).toEqual(hugo)
      // The unknown shortcode is the only warning: --strict holds it back, naming file and line.
      expect(built.stderr).toContain('content/posts/wahl.md:16:1: warning: left out {{< unbekannt "x" >}}')
      expect(built.stderr).toMatch(/0 errors, 1 warning/)
      const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
      const wahl = json.items.find((item: { url: string }) => item.url.endsWith('/wahl/'))
      expect(wahl).toMatchObject({
        summary: 'Die Stimmen sind ausgezählt.',
        date_modified: '2024-09-02T08:00:00+02:00',
        tags: ['Politik', 'Thüringen', 'Wahl'],
      })
      expect(wahl.content_html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">')
      expect(wahl.content_html).not.toContain('{{')
      const bild = json.items.find((item: { url: string }) => item.url.endsWith('/mit-bild/'))
      expect(bild.image).toBe('https://www.hugo-blatt.de/posts/mit-bild/foto.jpg')
      expect(bild.content_html).toContain('<img src="https://www.hugo-blatt.de/posts/mit-bild/foto.jpg"')
      expect(bild.content_html).toContain('<figcaption>Das Foto</figcaption>')
      const mehr = json.items.find((item: { url: string }) => item.url.endsWith('/mehr/'))
      expect(mehr.summary).toBe('Erster Absatz. Zweiter Absatz.')
      expect((await run(['build', '--strict'], dir)).code).toBe(1)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)

  it('should follow the [permalinks] of the main section', async () => {
    const dir = await makeScenario(site('[permalinks]\nposts = "/:year/:month/:filename/"\n'))
    try {
      const { hugo, kanal } = await compare(dir)
      expect(hugo.map(([link]) => link)).toContain('https://www.hugo-blatt.de/2024/09/wahl/')
      expect(kanal).toEqual(hugo)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)

  it("should give pages Hugo's default URLs (path below content/) and the site's titles when there are no [permalinks]", async () => {
    const dir = await makeScenario({
      ...site(),
      ...THEMED_RSS,
      'content/posts/programmieren/termine_aufbereiten.md':
        '---\ntitle: "Von &bdquo;Ich probier nur mal Jellyfin aus&ldquo; zum Server"\ndate: 2024-05-01T10:00:00+02:00\n---\nText.\n',
      'content/posts/Technik/Alfawise_U50.md':
        '---\ntitle: "Alfawise U50 -- Unboxing"\ndate: 2024-05-02T10:00:00+02:00\n---\nText.\n',
      'content/posts/programmieren/eigener-name.md':
        '---\ntitle: "Und jetzt bloggt er auch noch..."\ndate: 2024-05-03T10:00:00+02:00\nslug: anderer-name\n---\nText.\n',
      'content/posts/Technik/Teil (2) & mehr.md':
        '---\ntitle: Klammern\ndate: 2024-05-05T10:00:00+02:00\n---\nText.\n',
      'content/posts/ganz/woanders.md':
        '---\ntitle: Woanders --- ganz\ndate: 2024-05-04T10:00:00+02:00\nurl: /irgendwo/hier/\n---\nText.\n',
    })
    try {
      const { hugo, kanal } = await compare(dir)
      const links = hugo.map(([link]) => link)
      expect(links).toContain('https://www.hugo-blatt.de/posts/programmieren/termine_aufbereiten/')
      expect(links).toContain('https://www.hugo-blatt.de/posts/technik/alfawise_u50/')
      expect(links).toContain('https://www.hugo-blatt.de/posts/programmieren/anderer-name/')
      expect(links).toContain('https://www.hugo-blatt.de/irgendwo/hier/')
      expect(links).toContain('https://www.hugo-blatt.de/posts/technik/teil-2-mehr/')
      expect(links).toContain('https://www.hugo-blatt.de/posts/mit-bild/')
      // As the site shows them (THEMED_RSS): entities decoded, Hugo's typographer applied.
      const titles = hugo.map(([, , title]) => title)
      expect(titles).toContain('Von „Ich probier nur mal Jellyfin aus“ zum Server')
      expect(titles).toContain('Alfawise U50 – Unboxing')
      expect(titles).toContain('Und jetzt bloggt er auch noch…')
      expect(titles).toContain('Woanders — ganz')
      expect(kanal).toEqual(hugo)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)
})

describe.skipIf(!HUGO)("Hugo's slugs with underscores and capitals", () => {
  const pages = {
    'content/posts/programmieren/Termine_Aufbereiten.md':
      '---\ntitle: Termine aufbereiten\ndate: 2024-05-01T10:00:00+02:00\n---\nText.\n',
    'content/posts/eigener.md':
      '---\ntitle: Eigener Slug\ndate: 2024-05-02T10:00:00+02:00\nslug: Mein_Artikel\n---\nText.\n',
    'content/posts/Über uns.md': '---\ntitle: Über uns\ndate: 2024-05-03T10:00:00+02:00\n---\nText.\n',
    'content/posts/datei_name.md':
      '---\ntitle: Ganz anderer Titel\ndate: 2024-05-04T10:00:00+02:00\n---\nText.\n',
  }

  it('should accept them and publish the URLs Hugo publishes, without [permalinks]', async () => {
    const dir = await makeScenario({ ...site(), ...pages })
    try {
      const { built, hugo, kanal } = await compare(dir)
      const links = hugo.map(([link]) => link)
      expect(links).toContain('https://www.hugo-blatt.de/posts/programmieren/termine_aufbereiten/')
      expect(links).toContain('https://www.hugo-blatt.de/posts/mein_artikel/')
      expect(built.stderr).not.toContain('"slug" must use')
      expect(kanal).toEqual(hugo)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)

  it('should make :title and :slug of the title as written, entities and -- included, as Hugo does', async () => {
    const titled = {
      'content/posts/alfawise.md':
        '---\ntitle: "Alfawise U50 -- Unboxing &amp; mehr..."\ndate: 2024-05-05T10:00:00+02:00\n---\nText.\n',
      'content/posts/jellyfin.md':
        '---\ntitle: "Von &bdquo;Jellyfin&ldquo; zu Plex"\ndate: 2024-05-06T10:00:00+02:00\n---\nText.\n',
    }
    for (const pattern of ['/:year/:title/', '/:slug/']) {
      const dir = await makeScenario({ ...site(`[permalinks]\nposts = "${pattern}"\n`), ...titled })
      try {
        const { built, hugo, kanal } = await compare(dir)
        expect(built.code).toBe(0)
        const links = (items: unknown[][]) => items.map(([link]) => String(link))
        expect(links(hugo).join(' ')).toContain('alfawise-u50--unboxing-amp-mehr...')
        expect(links(kanal)).toEqual(links(hugo))
      } finally {
        await cleanup(dir)
      }
    }
  }, 120_000)

  it('should publish them as Hugo does with :slugorfilename, :filename, :slug and :title in [permalinks]', async () => {
    for (const pattern of [
      '/:year/:slugorfilename/',
      '/:year/:month/:filename/',
      '/:year/:slug/',
      '/:title/',
    ]) {
      const dir = await makeScenario({ ...site(`[permalinks]\nposts = "${pattern}"\n`), ...pages })
      try {
        const { built, hugo, kanal } = await compare(dir)
        expect(built.code).toBe(0)
        expect(hugo.map(([link]) => link).join(' ')).toMatch(/termine(_|-)aufbereiten\//)
        expect(kanal).toEqual(hugo)
        // The ids are tag URIs of the same slugs; every reader takes the feeds.
        const rss = await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')
        expect((await readWithRssParser(rss)).items).toHaveLength(8)
      } finally {
        await cleanup(dir)
      }
    }
  }, 180_000)
})

const TYPOGRAPHIC = {
  'content/posts/zeichen.md':
    '---\ntitle: \'Der "richtige" Weg -- so...\'\ndate: 2024-05-06T10:00:00+02:00\n---\nDer "richtige" Weg -- so...\n',
}

describe.skipIf(!HUGO)(
  'a Hugo site with its typographer turned off (Hugo 0.111: typographer = false)',
  () => {
    it("should keep titles and bodies as written, as Hugo's pages show them", async () => {
      const off = '[markup.goldmark.extensions]\ntypographer = false\n'
      const dir = await makeScenario({ ...site(off), ...THEMED_RSS, ...TYPOGRAPHIC })
      try {
        const { hugo, kanal } = await compare(dir)
        expect(hugo.map(([, , title]) => title)).toContain('Der "richtige" Weg -- so...')
        expect(kanal).toEqual(hugo)
        const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
        expect(config.typographer).toBe(false)
        const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
        const item = json.items.find((entry: { url: string }) => entry.url.endsWith('/zeichen/'))
        expect(item.content_html).toBe('<p>Der "richtige" Weg -- so...</p>')
      } finally {
        await cleanup(dir)
      }
    }, 60_000)
  },
)

describe("a Hugo site's own typographer marks (Hugo 0.112+)", () => {
  it('should write the German quotes the site sets, in titles and bodies, when init --from read them', async () => {
    const marks =
      '[markup.goldmark.extensions.typographer]\nleftDoubleQuote = "&bdquo;"\nrightDoubleQuote = "&ldquo;"\nellipsis = "..."\n'
    const dir = await makeScenario({ ...site(marks), ...TYPOGRAPHIC })
    try {
      expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config.typographer).toEqual({ leftDoubleQuote: '„', rightDoubleQuote: '“', ellipsis: '...' })
      expect((await run(['build', '--now', '2026-01-01T00:00:00Z'], dir)).code).toBe(0)
      const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
      const item = json.items.find((entry: { url: string }) => entry.url.endsWith('/zeichen/'))
      expect(item.title).toBe('Der „richtige“ Weg – so...')
      expect(item.content_html).toBe('<p>Der „richtige“ Weg – so...</p>')
    } finally {
      await cleanup(dir)
    }
  })
})

describe.runIf(!HUGO)('Hugo comparison', () => {
  it('is skipped: hugo is not installed (apt-get install hugo)', () => {
    console.warn('tests/sites/hugo.test.ts: hugo is not installed; the comparison with Hugo is skipped')
  })
})
