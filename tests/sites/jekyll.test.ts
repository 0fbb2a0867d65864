import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'
import { readWithFeedsmith, readWithRssParser } from '../helpers/readers.js'
import { hasCommand, readMeta, runGenerator } from './_real.js'

// A German Jekyll site in the Minimal Mistakes style (theme keys, Liquid URL filters, a baseurl), built
// by Jekyll itself and by kanal from `init --from .`: the item URLs, instants and titles must be what
// Jekyll publishes. The layouts are one-line files that write what Jekyll made of each post.

const JEKYLL = hasCommand('jekyll', ['--version'])
const LAYOUT =
  '<meta name="kanal-url" content="{{ page.url | absolute_url }}"><meta name="kanal-date" content="{{ page.date | date_to_xmlschema }}"><meta name="kanal-title" content="{{ page.title }}">{{ content }}\n'

const SITE: Record<string, string> = {
  '_config.yml': `title: "Auf Linie"
description: "Notizen aus der Redaktion"
url: "https://www.auflinie.de"
baseurl: "/auflinie"
locale: de-DE
timezone: Europe/Berlin
permalink: /posts/:title/
author:
  name: Erika Muster
  email: erika@auflinie.de
defaults:
  - scope:
      path: ""
    values:
      layout: default
`,
  '_layouts/single.html': LAYOUT,
  '_layouts/default.html': LAYOUT,
  '_includes/gruss.html': '<p>Gruß aus dem Include</p>\n',
  '_posts/2025-03-04-blogbeitrag-erstellen.md': `---
layout: single
title: "Einen Blogbeitrag erstellen"
date: 2025-03-04 18:30:00 +0100
last_modified_at: 2025-03-05 09:00:00 +0100
categories: Anleitung Jekyll
tags: [markdown, liquid]
excerpt: "So entsteht ein neuer Beitrag."
author_profile: true
toc: true
toc_label: "Inhalt"
toc_icon: "cog"
toc_sticky: true
header:
  overlay_image: /assets/images/kopf.jpg
  overlay_filter: 0.5
  teaser: /assets/images/teaser.jpg
  caption: "Foto: Redaktion"
---

Siehe [den ersten Beitrag]({{ "/posts/erster-beitrag/" | relative_url }}) und
![Logo]({{ '/assets/images/logo.png' | absolute_url }}).

<a href="{{ site.url }}{{ site.baseurl }}/impressum/">Impressum</a> und <img src="{{ '/assets/js/karte.png' | relative_url }}" alt="Karte">

{% raw %}Liquid sieht so aus: {{ page.title }}{% endraw %}

{% highlight ruby %}
puts "Grüß Gott"
{% endhighlight %}

{% include gruss.html %}
`,
  '_posts/2025-02-01-erster-beitrag.markdown': `---
title: Erster Beitrag über Wahlen
classes: wide
share: true
related: true
comments: true
read_time: true
show_date: true
sidebar:
  nav: docs
---

Der erste Beitrag.
`,
  '_posts/2024-10-27-zeitumstellung.md': `---
title: "Zeitumstellung: eine Stunde mehr"
date: 2024-10-27 02:30:00 +0100
toc_collapse: true
header:
  image: /assets/images/uhr.jpg
---

Die Uhren werden zurückgestellt.
`,
  '_posts/2025-01-15-entwurf.md': `---
title: Nicht veröffentlicht
published: false
---

Geheim.
`,
}

describe.skipIf(!JEKYLL)('a Minimal Mistakes–style Jekyll site, from init --from . to build --strict', () => {
  let dir: string
  let jekyll: Map<string, Record<string, string>>
  let built: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    dir = await makeScenario(SITE)
    runGenerator(
      'jekyll',
      ['build', '--quiet', '--source', dir, '--destination', path.join(dir, '_site')],
      dir,
    )
    jekyll = new Map()
    for (const file of await readdir(path.join(dir, '_site'), { recursive: true })) {
      if (!String(file).endsWith('.html')) continue
      const meta = readMeta(await readFile(path.join(dir, '_site', String(file)), 'utf8'))
      if (meta.url) jekyll.set(meta.url, meta)
    }
    expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
    built = await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)
  }, 60_000)
  afterAll(async () => cleanup(dir))

  it('should build the untouched site with --strict and no warnings', () => {
    expect(built.stderr).not.toMatch(/warning:|error:/)
    expect(built.code).toBe(0)
  })

  it('should publish the same item URLs, instants and titles as Jekyll', async () => {
    const feed = await readWithFeedsmith(await readFile(path.join(dir, 'dist/atom.xml'), 'utf8'), 'atom')
    const kanal = feed.items.map((item) => [item.link, item.instant, item.title]).sort()
    const published = [...jekyll.values()]
      .map((meta) => [meta.url, new Date(meta.date as string).getTime(), meta.title?.replace(/&quot;/g, '"')])
      .sort()
    expect(published).toHaveLength(3)
    expect(kanal).toEqual(published)
  })

  it('should evaluate the URL filters, raw, highlight and include as Jekyll does, and keep theme keys out', async () => {
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    const post = json.items.find((item: { url: string }) => item.url.endsWith('/blogbeitrag-erstellen/'))
    expect(post.content_html).toContain('href="https://www.auflinie.de/auflinie/posts/erster-beitrag/"')
    expect(post.content_html).toContain('src="https://www.auflinie.de/auflinie/assets/images/logo.png"')
    expect(post.content_html).toContain('href="https://www.auflinie.de/auflinie/impressum/"')
    expect(post.content_html).toContain('src="https://www.auflinie.de/auflinie/assets/js/karte.png"')
    expect(post.content_html).toContain('Liquid sieht so aus: {{ page.title }}')
    expect(post.content_html).toMatch(/<code class="language-ruby">puts (&quot;|")Grüß Gott/)
    expect(post.content_html).toContain('<p>Gruß aus dem Include</p>')
    expect(post.content_html).not.toMatch(/\{%|relative_url|absolute_url|site\.baseurl/)
    expect(post.summary).toBe('So entsteht ein neuer Beitrag.')
    expect(post.tags).toEqual(['Anleitung', 'Jekyll', 'markdown', 'liquid'])
    expect(post.image).toBe('https://www.auflinie.de/auflinie/assets/images/teaser.jpg')
    expect(post.date_modified).toBe('2025-03-05T09:00:00+01:00')
    const clock = json.items.find((item: { url: string }) => item.url.endsWith('/zeitumstellung/'))
    expect(clock.image).toBe('https://www.auflinie.de/auflinie/assets/images/uhr.jpg')
  })

  it('should leave the unpublished post out, as Jekyll does', async () => {
    const rss = await readWithRssParser(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'))
    expect(rss.items.map((item) => item.title)).not.toContain('Nicht veröffentlicht')
    expect([...jekyll.keys()].some((url) => url.includes('entwurf'))).toBe(false)
  })

  it('should write the config from the site settings', async () => {
    const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
    expect(config).toMatchObject({
      from: 'jekyll',
      title: 'Auf Linie',
      siteUrl: 'https://www.auflinie.de/auflinie/',
      content: '_posts',
      permalink: '/posts/:slug/',
      timeZone: 'Europe/Berlin',
      language: 'de-DE',
      author: { name: 'Erika Muster', email: 'erika@auflinie.de' },
    })
    expect(config.ignoreKeys).toBeUndefined()
  })
})

describe.skipIf(!JEKYLL)("Jekyll's permalink styles", () => {
  it.each<[string | undefined]>([['pretty'], ['date'], [undefined], ['/:categories/:year/:title/']])(
    'should give the URLs Jekyll gives with permalink %s',
    async (permalink) => {
      const dir = await makeScenario({
        '_config.yml': `title: Stile\nurl: https://stile.example.de\ntimezone: Europe/Berlin\n${permalink ? `permalink: ${permalink}\n` : ''}defaults:\n  - scope: {path: ""}\n    values: {layout: default}\n`,
        '_layouts/default.html': LAYOUT,
        '_posts/2024-12-31-silvester.md':
          '---\ntitle: Silvester\ndate: 2024-12-31 23:30:00\ncategories: [Politik, Wahl 2025]\n---\n\nText.\n',
        '_posts/2024-06-01-ohne-kategorie.md': '---\ntitle: Ohne\n---\n\nText.\n',
      })
      try {
        runGenerator(
          'jekyll',
          ['build', '--quiet', '--source', dir, '--destination', path.join(dir, '_site')],
          dir,
        )
        const published: string[] = []
        for (const file of await readdir(path.join(dir, '_site'), { recursive: true })) {
          if (String(file).endsWith('.html')) {
            const meta = readMeta(await readFile(path.join(dir, '_site', String(file)), 'utf8'))
            if (meta.url) published.push(`${meta.url} ${new Date(meta.date as string).toISOString()}`)
          }
        }
        expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
        const built = await run(['build', '--strict', '--site-url', 'https://stile.example.de/'], dir)
        expect(built.code, built.stderr).toBe(0)
        const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
        const kanal = json.items.map(
          (item: { url: string; date_published: string }) =>
            `${item.url} ${new Date(item.date_published).toISOString()}`,
        )
        expect(kanal.sort()).toEqual(published.sort())
      } finally {
        await cleanup(dir)
      }
    },
    60_000,
  )
})

describe.runIf(!JEKYLL)('Jekyll comparison', () => {
  it('is skipped: jekyll is not installed (apt-get install jekyll)', () => {
    console.warn('tests/sites/jekyll.test.ts: jekyll is not installed; the comparison with Jekyll is skipped')
  })
})
