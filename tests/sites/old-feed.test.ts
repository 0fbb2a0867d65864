import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run, snapshotFolder } from '../cli/_scenario.js'
import { readWithFeedsmith } from '../helpers/readers.js'
import { hasCommand, runGenerator } from './_real.js'

// `init --from` finds the feed a site publishes today and offers `kanal adopt` of it: after running the
// printed command, `build --against` that feed finds no identity break, so subscribers see nothing again.

// What jekyll-feed publishes: Atom, ids without the `.html` of the links.
const JEKYLL_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Stadtblatt</title>
  <id>https://www.stadtblatt.de/feed.xml</id>
  <updated>2024-04-02T10:00:00+02:00</updated>
  <link href="https://www.stadtblatt.de/feed.xml" rel="self" type="application/atom+xml"/>
  <entry>
    <title type="html">Haushalt beschlossen</title>
    <link href="https://www.stadtblatt.de/politik/2024/04/02/haushalt.html" rel="alternate" type="text/html"/>
    <published>2024-04-02T10:00:00+02:00</published>
    <updated>2024-04-02T10:00:00+02:00</updated>
    <id>https://www.stadtblatt.de/politik/2024/04/02/haushalt</id>
    <content type="html">Der Rat stimmt zu.</content>
  </entry>
  <entry>
    <title type="html">Wahlabend im Rathaus</title>
    <link href="https://www.stadtblatt.de/politik/2024/03/01/wahl.html" rel="alternate" type="text/html"/>
    <published>2024-03-01T19:30:00+01:00</published>
    <updated>2024-03-01T19:30:00+01:00</updated>
    <id>https://www.stadtblatt.de/politik/2024/03/01/wahl</id>
    <content type="html">Die Stimmen sind gezählt.</content>
  </entry>
</feed>
`

function jekyllSite(extra: Record<string, string> = {}): Record<string, string> {
  return {
    '_config.yml':
      'title: Stadtblatt\nurl: https://www.stadtblatt.de\nlang: de\ntimezone: Europe/Berlin\nplugins:\n  - jekyll-feed\n',
    '_posts/2024-03-01-wahl.md':
      '---\ntitle: Wahlabend im Rathaus\ndate: 2024-03-01 19:30:00 +0100\ncategories: Politik\n---\nDie Stimmen sind gezählt.\n',
    '_posts/2024-04-02-haushalt.md':
      '---\ntitle: Haushalt beschlossen\ndate: 2024-04-02 10:00:00 +0200\ncategories: Politik\n---\nDer Rat stimmt zu.\n',
    ...extra,
  }
}

/** The command lines `init --from` printed (`    npx kanal …`), as argv without `npx kanal`. */
function printedCommands(stderr: string): string[][] {
  return [...stderr.matchAll(/^ {4}npx kanal (.+)$/gm)].map((match) => (match[1] as string).split(' '))
}

describe('init --from with the site feed in the build output', () => {
  it('should offer kanal adopt of it, after which build --against finds no identity break', async () => {
    const dir = await makeScenario(jekyllSite({ '_site/feed.xml': JEKYLL_FEED }))
    try {
      const posts = await snapshotFolder(path.join(dir, '_posts'))
      const init = await run(['init', '--from', '.'], dir)
      expect(init.code).toBe(0)
      expect(init.stderr).toContain("kanal init: the site's current feed is _site/feed.xml (2 items).")
      expect(init.stderr).toContain('\n    npx kanal adopt _site/feed.xml\n')
      expect(init.stderr).toContain('npx kanal build --against _site/feed.xml')
      // init changed no article.
      expect(await snapshotFolder(path.join(dir, '_posts'))).toEqual(posts)
      // Without the old ids, the first publish would deliver both articles again.
      const before = await run(['build', '--against', '_site/feed.xml', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(before.code).toBe(1)
      expect(before.stderr).toContain('_posts/2024-03-01-wahl.md')
      const [adopt] = printedCommands(init.stderr)
      const adopted = await run(adopt as string[], dir)
      expect(adopted.code, adopted.stderr).toBe(0)
      expect(adopted.stderr).toContain('kanal adopt: adopted 2 ids')
      expect(await readFile(path.join(dir, '_posts/2024-03-01-wahl.md'), 'utf8')).toContain(
        'id: "https://www.stadtblatt.de/politik/2024/03/01/wahl"\n---\n',
      )
      const after = await run(['build', '--against', '_site/feed.xml', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(after.code, after.stderr).toBe(0)
      expect(after.stderr).toContain('0 new, 0 updated, 0 left, 0 identity breaks, 2 unchanged')
      const feed = await readWithFeedsmith(await readFile(path.join(dir, 'dist/atom.xml'), 'utf8'), 'atom')
      expect(feed.items.map((item) => item.id).sort()).toEqual([
        'https://www.stadtblatt.de/politik/2024/03/01/wahl',
        'https://www.stadtblatt.de/politik/2024/04/02/haushalt',
      ])
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it("should offer the live feed's URL without fetching it when the build output was a local preview", async () => {
    const preview = JEKYLL_FEED.replaceAll('https://www.stadtblatt.de', 'http://localhost:4000')
    const dir = await makeScenario(jekyllSite({ '_site/feed.xml': preview }))
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.stderr).toContain("It was built for http://localhost:4000, not for the site's address")
      expect(init.stderr).toContain('\n    npx kanal adopt https://www.stadtblatt.de/feed.xml\n')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should print the URL command, and fetch nothing, when only the settings name the feed', async () => {
    const site = await makeScenario(jekyllSite())
    try {
      const init = await run(['init', '--from', '.'], site)
      expect(init.stderr).toContain(
        "the site's current feed is probably https://www.stadtblatt.de/feed.xml (the site's settings name it; kanal init reads nothing from the network)",
      )
      expect(init.stderr).toContain('\n    npx kanal adopt https://www.stadtblatt.de/feed.xml\n')
    } finally {
      await cleanup(site)
    }
  }, 30_000)

  it("should offer the default language's feed below its folder when a Hugo site puts the language in the path", async () => {
    const site = await makeScenario({
      'hugo.toml':
        'baseURL = "https://www.hugo-blatt.de/"\ntitle = "Hugo-Blatt"\ndefaultContentLanguage = "de"\ndefaultContentLanguageInSubdir = true\n[languages.de]\nweight = 1\n[languages.en]\nweight = 2\n',
      'content/posts/wahl.md': '---\ntitle: Wahlabend\ndate: 2024-05-04T10:00:00+02:00\n---\nGezählt.\n',
    })
    try {
      const init = await run(['init', '--from', '.'], site)
      expect(init.code).toBe(0)
      expect(init.stderr).toContain('\n    npx kanal adopt https://www.hugo-blatt.de/de/index.xml\n')
    } finally {
      await cleanup(site)
    }
  }, 30_000)

  it('should name the site folder in the printed commands when init runs elsewhere', async () => {
    const dir = await makeScenario(
      Object.fromEntries(
        Object.entries(jekyllSite({ '_site/feed.xml': JEKYLL_FEED })).map(([file, text]) => [
          `mein blog/${file}`,
          text,
        ]),
      ),
    )
    try {
      const init = await run(['init', '--from', 'mein blog'], dir)
      expect(init.stderr).toContain("\n    cd 'mein blog' && npx kanal adopt _site/feed.xml\n")
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should say nothing about a feed when the site has none', async () => {
    const dir = await makeScenario({
      ...jekyllSite(),
      '_config.yml': 'title: Stadtblatt\nurl: https://www.stadtblatt.de\n',
      // A committed feed.xml that is jekyll-feed's template, not a feed.
      'feed.xml': '---\nlayout: null\n---\n<feed>{% for post in site.posts %}{% endfor %}</feed>\n',
    })
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.code).toBe(0)
      expect(init.stderr).not.toContain('kanal adopt')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})

const HUGO = hasCommand('hugo', ['version'])

describe.skipIf(!HUGO)("init --from with a Hugo site's own public/index.xml", () => {
  it("should keep Hugo's URL ids with idFrom url, so build --against finds no identity break", async () => {
    const dir = await makeScenario({
      'hugo.toml': 'baseURL = "https://www.hugo-blatt.de/"\ntitle = "Hugo-Blatt"\nlanguageCode = "de-de"\n',
      'content/posts/programmieren/termine_aufbereiten.md':
        '+++\ntitle = "Termine aufbereiten"\ndate = 2024-05-01T10:00:00+02:00\n+++\nText.\n',
      'content/posts/wahl.md': '---\ntitle: Wahlabend\ndate: 2024-09-01T18:00:00+02:00\n---\nText.\n',
    })
    try {
      runGenerator('hugo', ['--quiet', '--source', dir], dir)
      const init = await run(['init', '--from', '.'], dir)
      expect(init.stderr).toContain('idFrom: "url" (public/index.xml: its ids are the articles\' URLs)')
      expect(init.stderr).toContain('\n    npx kanal adopt public/index.xml\n')
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config.idFrom).toBe('url')
      const [adopt] = printedCommands(init.stderr)
      const adopted = await run(adopt as string[], dir)
      // The ids already are kanal's: nothing to write (the TOML front matter is left as it is).
      expect(adopted.stderr).toContain('kanal adopt: adopted 0 ids, 2 already in place')
      const after = await run(
        ['build', '--against', 'public/index.xml', '--now', '2026-01-01T00:00:00Z'],
        dir,
      )
      expect(after.code, after.stderr).toBe(0)
      expect(after.stderr).toContain('0 new, 0 updated, 0 left, 0 identity breaks, 2 unchanged')
    } finally {
      await cleanup(dir)
    }
  }, 60_000)
})

describe.runIf(!HUGO)('init --from with a Hugo feed', () => {
  it('is skipped: hugo is not installed (apt-get install hugo)', () => {
    console.warn('tests/sites/old-feed.test.ts: hugo is not installed; the Hugo feed test is skipped')
  })
})
