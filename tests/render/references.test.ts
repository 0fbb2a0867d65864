import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildOptions } from '../../src/options.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'
import { ensureCompiledCli, spawnCli } from '../helpers/cli.js'
import { FIXED_NOW } from '../helpers/fixture.js'
import { readWithFeedsmith } from '../helpers/readers.js'
import { HUGO_SITE, JEKYLL_SITE } from './_references-sites.js'

// Links from one article to another in the site's template language (`{% post_url %}`, `{% link %}`,
// `{{< ref >}}`) become the linked article's URL in every feed, as the generator would publish it; a
// link to no published article keeps its text, with a warning at its line. The linking articles alone
// are in the category Politik: that feed's output must change when only the linked article changes.

const created: string[] = []
afterAll(async () => {
  await Promise.all(created.map(cleanup))
})

async function scenario(files: Record<string, string>): Promise<string> {
  const dir = await makeScenario(files)
  created.push(dir)
  return dir
}

async function feedOf(dir: string) {
  const rss = await readWithFeedsmith(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'), 'rss')
  const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
  const linkOf = (title: string) => rss.items.find((item) => item.title === title)?.link as string
  const item = (title: string) => json.items.find((entry: { title: string }) => entry.title === title)
  return { linkOf, item }
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => (match[1] as string).replace(/&amp;/g, '&'))
}

function warningsOf(result: { warnings: { message: string }[] }): string[] {
  return result.warnings.map((warning) => warning.message)
}

describe('resolveReferences (through build())', () => {
  it("should link Jekyll's post_url and link to the target item's URL, without doubling the site URL", async () => {
    const dir = await scenario(JEKYLL_SITE)
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
    expect(result.errors).toEqual([])
    const { linkOf, item } = await feedOf(dir)
    const wahl = linkOf('Wahlabend in Erfurt')
    expect(wahl).toBe('https://www.auflinie.de/auflinie/posts/wahl-in-erfurt/')
    const verweise = item('Verweise')
    expect(hrefsOf(verweise.content_html)).toEqual([
      wahl,
      linkOf('Der Landtag tagt'),
      `${wahl}#ergebnis`,
      'https://www.auflinie.de/auflinie/assets/plan.pdf',
    ])
    expect(verweise.content_html).toContain('<p>Der Entwurf und das Fehlende.</p>')
    expect(verweise.content_html).not.toContain('kanal.invalid')
    expect(verweise.summary).toBe('Siehe den Wahlabend und den Landtag.')
    const adresse = item('Adresse')
    expect(adresse.content_html).toContain(`Zum Nachlesen: ${wahl} – dort steht alles.`)
    expect(adresse.summary).toBe(`Zum Nachlesen: ${wahl} – dort steht alles.`)
  })

  it('should warn at the line of a link to an unpublished or missing post, and fail --strict', async () => {
    const dir = await scenario(JEKYLL_SITE)
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, strict: true })
    expect(result.ok).toBe(false)
    expect(warningsOf(result)).toEqual([
      '_posts/2024-03-01-verweise.md:13: left out the link {% post_url 2024-01-10-entwurf %}: _posts/2024-01-10-entwurf.md is a draft, so it is not published; publish it, or remove the link; the link keeps only its text',
      "_posts/2024-03-01-verweise.md:13: left out the link {% post_url 2024-01-11-gibt-es-nicht %}: no post in _posts/ is named 2024-01-11-gibt-es-nicht (with any extension); correct the name, or write the article's URL; the link keeps only its text",
    ])
  })

  it('should link Hugo ref and relref by file name, path, bundle folder and in reference definitions, keeping #anchors', async () => {
    const dir = await scenario(HUGO_SITE)
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
    expect(result.errors).toEqual([])
    const { linkOf, item } = await feedOf(dir)
    const unboxing = linkOf('Alfawise U50 – Unboxing')
    expect(unboxing).toBe('https://www.hugo-blatt.de/posts/technik/alfawise-u50-unboxing/')
    const verweise = item('Verweise')
    expect(hrefsOf(verweise.content_html)).toEqual([
      unboxing,
      linkOf('Reisebericht'),
      linkOf('Wahlabend'),
      `${unboxing}#lieferumfang`,
      linkOf('Wahlabend'),
    ])
    expect(verweise.content_html).toContain(
      `<a href="${unboxing}" title="Alfawise U50 – Unboxing">das Auspacken</a>`,
    )
    expect(verweise.content_html).toContain('der Entwurf und nichts.')
    expect(verweise.content_html).not.toContain('[1]')
    expect(verweise.summary).toBe('Erst das Auspacken, dann die Reise und die Wahl, der Lieferumfang.')
    expect(warningsOf(result)).toEqual([
      'content/posts/verweise.md:10: left out the link {{< ref "entwurf.md" >}}: content/posts/entwurf.md is a draft, so it is not published; publish it, or remove the link; the link keeps only its text',
      'content/posts/verweise.md:10: left out the link {{< ref "fehlt.md" >}}: no article below the content folder is at "fehlt.md"; correct the path (below the content folder, or the file name), or write the URL; the link keeps only its text',
    ])
  })

  it('should link an article dated later only from the build after its date', async () => {
    const dir = await scenario({
      ...HUGO_SITE,
      'content/posts/spaeter.md': '---\ntitle: Später\ndate: 2026-03-01T10:00:00+01:00\n---\n\nBald.\n',
      'content/posts/vorschau.md':
        '---\ntitle: Vorschau\ndate: 2025-12-01T10:00:00+01:00\ncategories: [Politik]\n---\n\nBald [mehr]({{< ref "spaeter" >}}).\n',
    })
    const cache = path.join(dir, '.cache')
    const before = await build({ cwd: dir, now: FIXED_NOW, cache })
    expect(warningsOf(before)).toContain(
      'content/posts/vorschau.md:7: left out the link {{< ref "spaeter" >}}: content/posts/spaeter.md is dated after now, so it is not published yet; the link comes with the first build after its date; the link keeps only its text',
    )
    let feed = await feedOf(dir)
    expect(feed.item('Vorschau').content_html).toBe('<p>Bald mehr.</p>')
    await build({ cwd: dir, now: new Date('2026-03-02T00:00:00Z'), cache })
    feed = await feedOf(dir)
    expect(hrefsOf(feed.item('Vorschau').content_html)).toEqual([feed.linkOf('Später')])
  })

  it('should keep a summary cut inside a long reference free of the marker', async () => {
    const name = `2024-01-05-${'sehr-lang-'.repeat(16)}ende`
    const dir = await scenario({
      ...JEKYLL_SITE,
      [`_posts/${name}.md`]: '---\ntitle: Lang\n---\n\nText.\n',
      '_posts/2024-03-03-lang.md': `---\ntitle: Langer Verweis\n---\n\n${'Wort '.repeat(20)}{% post_url ${name} %}\n`,
    })
    await build({ cwd: dir, now: FIXED_NOW, cache: false })
    const { item, linkOf } = await feedOf(dir)
    expect(item('Langer Verweis').content_html).toContain(linkOf('Lang'))
    expect(item('Langer Verweis').summary).toBe(`${'Wort '.repeat(19)}Wort…`)
  })

  it("should link a multilingual Hugo site's ref to the page of the default language, not its translation", async () => {
    const dir = await scenario({
      'kanal.config.json': JSON.stringify({
        title: 'Mehrsprachig',
        siteUrl: 'https://www.mehrsprachig.de/',
        from: 'hugo',
        content: 'content',
        languages: ['de', 'en'],
        permalink: '/:filepath/',
      }),
      'content/posts/termine_aufbereiten.de.md':
        '---\ntitle: Termine aufbereiten\ndate: 2024-05-02T10:00:00+02:00\n---\n\nText.\n',
      'content/posts/termine_aufbereiten.en.md':
        '---\ntitle: Preparing dates\ndate: 2024-05-02T10:00:00+02:00\n---\n\nText.\n',
      'content/posts/verweis.de.md':
        '---\ntitle: Verweis\ndate: 2024-06-01T10:00:00+02:00\n---\n\nSiehe [die Termine]({{< ref "termine_aufbereiten.md" >}}) und [hier]({{< ref "posts/termine_aufbereiten" >}}).\n',
    })
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, strict: true })
    expect(warningsOf(result)).toEqual([])
    expect(result.errors).toEqual([])
    const { linkOf, item } = await feedOf(dir)
    const target = linkOf('Termine aufbereiten')
    expect(target).toBe('https://www.mehrsprachig.de/posts/termine_aufbereiten/')
    expect(hrefsOf(item('Verweis').content_html)).toEqual([target, target])
  })

  it('should link a draft when the build takes drafts', async () => {
    const dir = await scenario(HUGO_SITE)
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, drafts: true })
    const { linkOf, item } = await feedOf(dir)
    expect(hrefsOf(item('Verweise').content_html)).toContain(linkOf('Entwurf'))
    expect(warningsOf(result)).toHaveLength(1)
  })
})

describe('resolveReferences with the cache and threads', () => {
  async function outputOf(dir: string, options: BuildOptions) {
    const result = await build({ cwd: dir, now: FIXED_NOW, ...options })
    expect(result.errors).toEqual([])
    return { snapshot: await snapshotFolder(path.join(dir, 'dist')), warnings: warningsOf(result) }
  }

  it.each<[string, Record<string, string>, (dir: string) => Promise<void>]>([
    [
      'a Jekyll target is renamed',
      JEKYLL_SITE,
      (dir) =>
        rename(
          path.join(dir, '_posts/thueringen/2024-02-01-landtag.md'),
          path.join(dir, '_posts/thueringen/2024-02-01-landtag-neu.md'),
        ),
    ],
    [
      'a Jekyll target gets a permalink',
      JEKYLL_SITE,
      (dir) =>
        writeFile(
          path.join(dir, '_posts/2024-01-05-wahl-in-erfurt.md'),
          '---\ntitle: Wahlabend in Erfurt\ndate: 2024-01-05 20:00:00 +0100\npermalink: /wahl/2024/\n---\n\n## Ergebnis\n\nDie Stimmen sind ausgezählt.\n',
        ),
    ],
    [
      'a Hugo target gets a slug',
      HUGO_SITE,
      (dir) =>
        writeFile(
          path.join(dir, 'content/posts/wahl.md'),
          '---\ntitle: Wahlabend\ndate: 2024-05-04T10:00:00+02:00\nslug: wahlabend-2024\n---\n\nGezählt.\n',
        ),
    ],
    ['a Hugo target is removed', HUGO_SITE, (dir) => rm(path.join(dir, 'content/posts/reise/index.md'))],
  ])('should write what a build without cache writes when %s', async (_name, site, change) => {
    const cached = await scenario(site)
    const cache = path.join(cached, '.cache')
    const first = await outputOf(cached, { cache })
    await change(cached)
    const second = await outputOf(cached, { cache })
    const plain = await scenario(site)
    await change(plain)
    const expected = await outputOf(plain, { cache: false })
    expect(second).toEqual(expected)
    expect(second.snapshot).not.toEqual(first.snapshot)
  })
})

// Helper threads exist only in the compiled CLI (lib/worker.js), so these builds run the CLI.
describe('resolveReferences on helper threads', { timeout: 120_000 }, () => {
  beforeAll(ensureCompiledCli, 120_000)

  it.each([
    ['Jekyll', JEKYLL_SITE, 'href="https://www.auflinie.de/auflinie/posts/landtag/"'],
    ['Hugo', HUGO_SITE, 'href="https://www.hugo-blatt.de/posts/reise/"'],
  ])('should write the same bytes with 1 and 3 threads for a %s site', async (_name, site, href) => {
    const dir = await scenario(site)
    const common = ['build', '--no-cache', '--now', '2026-01-01T00:00:00Z']
    const one = await spawnCli([...common, '--threads', '1', '--out', 'eins'], { cwd: dir })
    const three = await spawnCli([...common, '--threads', '3', '--out', 'drei'], { cwd: dir })
    expect([one.code, three.code]).toEqual([0, 0])
    const expected = await snapshotFolder(path.join(dir, 'eins'))
    expect(await snapshotFolder(path.join(dir, 'drei'))).toEqual(expected)
    const { items } = JSON.parse(await readFile(path.join(dir, 'drei/feed.json'), 'utf8'))
    const html = items.find((item: { title: string }) => item.title === 'Verweise').content_html
    expect(html).toContain(href)
    expect(html).not.toContain('kanal.invalid')
  })
})
