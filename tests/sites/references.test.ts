import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'
import { hasCommand, runGenerator } from './_real.js'

// Links between articles as real Jekyll and Hugo publish them: the same German site built by the
// generator and by kanal (from `init --from .`, `build --strict`) must link the same pages. Only links
// both resolve are in these sites: Jekyll and Hugo stop the build at a link to no page.

const JEKYLL = hasCommand('jekyll', ['--version'])
const HUGO = hasCommand('hugo', ['version'])

const created: string[] = []
afterAll(async () => {
  await Promise.all(created.map(cleanup))
})

const JEKYLL_SITE: Record<string, string> = {
  '_config.yml':
    'title: Auf Linie\nurl: "https://www.auflinie.de"\nbaseurl: "/auflinie"\ntimezone: Europe/Berlin\npermalink: /posts/:title/\ndefaults:\n  - scope: {path: ""}\n    values: {layout: default}\n',
  '_layouts/default.html': '{{ content }}\n',
  '_posts/2024-01-05-wahl-in-erfurt.md':
    '---\ntitle: Wahlabend in Erfurt\ndate: 2024-01-05 20:00:00 +0100\n---\n\nDie Stimmen sind ausgezählt.\n',
  '_posts/thueringen/2024-02-01-landtag.md':
    '---\ntitle: Der Landtag tagt\ndate: 2024-02-01 10:00:00 +0100\n---\n\nErste Sitzung.\n',
  '_posts/2024-03-01-verweise.md': `---
title: Verweise
date: 2024-03-01 09:00:00 +0100
---

Siehe [den Wahlabend]({% post_url 2024-01-05-wahl-in-erfurt %}) und
[den Landtag]({% post_url thueringen/2024-02-01-landtag %}).

<a href="{{ site.url }}{% link _posts/2024-01-05-wahl-in-erfurt.md %}#ergebnis">Ergebnis</a>
und der [Plan]({% link assets/plan.pdf %}).
`,
  'assets/plan.pdf': '%PDF-1.4 Plan',
}

const HUGO_SITE: Record<string, string> = {
  'hugo.toml':
    'baseURL = "https://www.hugo-blatt.de/"\ntitle = "Hugo-Blatt"\nlanguageCode = "de-de"\n[markup.goldmark.renderer]\nunsafe = true\n',
  'layouts/_default/single.html': '{{ .Content }}\n',
  'layouts/_default/list.html': '{{ .Title }}\n',
  'content/posts/technik/alfawise-u50-unboxing.md':
    '---\ntitle: Alfawise U50 – Unboxing\ndate: 2024-05-02T10:00:00+02:00\n---\n\n## Lieferumfang\n\nText.\n',
  'content/posts/reise/index.md':
    '---\ntitle: Reisebericht\ndate: 2024-05-03T10:00:00+02:00\n---\n\nUnterwegs.\n',
  'content/posts/wahl.md': '---\ntitle: Wahlabend\ndate: 2024-05-04T10:00:00+02:00\n---\n\nGezählt.\n',
  'content/posts/verweise.md': `---
title: Verweise
date: 2024-06-01T10:00:00+02:00
---

Erst [das Auspacken][1], dann [die Reise]({{< ref "posts/reise" >}}) und
[die Wahl]({{< relref "/posts/wahl.md" >}}), [der Lieferumfang]({{< ref "alfawise-u50-unboxing.md#lieferumfang" >}}).

<a href="{{< ref "wahl" >}}">Nochmals</a>.

[1]: {{< ref "alfawise-u50-unboxing.md" >}} "Alfawise U50 – Unboxing"
`,
}

/** The link targets of an HTML text, absolute (a generator writes site paths, kanal full URLs). */
function hrefsOf(html: string, base: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => new URL(match[1] as string, base).href)
}

async function kanalHrefs(dir: string): Promise<string[]> {
  expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
  const built = await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)
  expect(built.code, built.stderr).toBe(0)
  const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
  const verweise = json.items.find((item: { title: string }) => item.title === 'Verweise')
  return hrefsOf(verweise.content_html, verweise.url)
}

describe.skipIf(!JEKYLL)('post_url and link as Jekyll publishes them', () => {
  it('should link the pages Jekyll links', async () => {
    const dir = await makeScenario(JEKYLL_SITE)
    created.push(dir)
    const site = path.join(dir, '_site')
    runGenerator('jekyll', ['build', '--quiet', '--source', dir, '--destination', site], dir)
    const page = await readFile(path.join(site, 'posts/verweise/index.html'), 'utf8')
    const jekyll = hrefsOf(page, 'https://www.auflinie.de/auflinie/posts/verweise/')
    expect(jekyll).toHaveLength(4)
    expect(await kanalHrefs(dir)).toEqual(jekyll)
  }, 60_000)
})

describe.skipIf(!HUGO)('ref and relref as Hugo publishes them', () => {
  it('should link the pages Hugo links', async () => {
    const dir = await makeScenario(HUGO_SITE)
    created.push(dir)
    runGenerator('hugo', ['--quiet', '--source', dir], dir)
    const page = await readFile(path.join(dir, 'public/posts/verweise/index.html'), 'utf8')
    const hugo = hrefsOf(page, 'https://www.hugo-blatt.de/posts/verweise/')
    expect(hugo).toHaveLength(5)
    expect(await kanalHrefs(dir)).toEqual(hugo)
  }, 60_000)
})

describe.runIf(!JEKYLL || !HUGO)('real generators for links between articles', () => {
  it('is skipped in part: jekyll or hugo is not installed (apt-get install jekyll hugo)', () => {
    console.warn(
      'tests/sites/references.test.ts: jekyll or hugo is not installed; that comparison is skipped',
    )
  })
})
