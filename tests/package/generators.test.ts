import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFiles } from '../cli/_scenario.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { ensureGenerators, makeSite, packKanal, runBin } from '../helpers/generators.js'

// The packed kanal inside a real Eleventy 3 site and a real Astro 5 site, built by the generators'
// own command lines. Eleventy and Astro come from the npm registry, installed once into a cache
// folder outside the repository (tests/helpers/generators.ts); without the registry these tests skip.
const generators = await ensureGenerators()
if ('skip' in generators) console.warn(`tests/package/generators.test.ts skipped: ${generators.skip}`)
const describeWithGenerators = 'skip' in generators ? describe.skip : describe

const selfLink = (text: string) => {
  const feed = parseFeed(text)
  if (feed.format === 'rss') return feed.feed.atom?.links?.find((link) => link.rel === 'self')?.href
  if (feed.format === 'atom') return feed.feed.links?.find((link) => link.rel === 'self')?.href
  if (feed.format === 'json') return feed.feed.feed_url
  return undefined
}

const POST = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\ncategory: Politik\n${extra}---\n\nEin Bericht über „${title}“ aus der Redaktion.\n`

describeWithGenerators('kanal/eleventy in a real Eleventy 3 site', () => {
  let site = ''
  let tarball = ''
  const FEEDS = 'https://www.elfblatt.de/feeds/'

  beforeAll(async () => {
    if ('skip' in generators) return
    tarball = await packKanal()
    site = await makeSite(generators.dir, tarball)
    await writeFiles(site, {
      'package.json': JSON.stringify({ name: 'elfblatt', private: true, type: 'module' }),
      'eleventy.config.js': [
        "import kanal from 'kanal/eleventy'",
        'export default function (eleventyConfig) {',
        "  eleventyConfig.addPlugin(kanal, { title: 'Elfblatt', content: 'content/posts', feedPath: '/feeds/' })",
        '}',
        "export const config = { dir: { input: 'content', output: '_site' } }",
        '',
      ].join('\n'),
      'content/_data/metadata.json': JSON.stringify({ url: 'https://www.elfblatt.de/' }),
      'content/index.md': '---\ntitle: Startseite\n---\n\nWillkommen beim Elfblatt.\n',
      'content/posts/wahl.md': POST('Wahlabend in der Stadthalle', "'2024-10-25T20:15'"),
      'content/posts/rathaus.md': POST(
        'Neues Rathaus eröffnet',
        "'2024-10-24T18:00'",
        'permalink: /stadt/neues-rathaus/\n',
      ),
      'content/posts/intern.md': POST(
        'Nur intern',
        "'2024-10-26T09:00'",
        'eleventyExcludeFromCollections: true\n',
      ),
    })
  }, 300_000)
  afterAll(removeTempDirs)

  it("should write the feeds at feedPath in Eleventy's output with the URLs Eleventy gave the pages", async () => {
    const run = await runBin(site, '@11ty/eleventy/cmd.cjs', [], { SOURCE_DATE_EPOCH: '1767225600' })
    // No error, and no warning about Eleventy's own front matter keys (permalink, eleventyExcludeFromCollections).
    expect('failed' in run ? run.stderr : '').toBe('')
    expect(run.stderr).not.toContain('[kanal]')
    const read = (file: string) => readFile(path.join(site, '_site/feeds', file), 'utf8')
    expect(selfLink(await read('rss.xml'))).toBe(`${FEEDS}rss.xml`)
    expect(selfLink(await read('atom.xml'))).toBe(`${FEEDS}atom.xml`)
    expect(selfLink(await read('feed.json'))).toBe(`${FEEDS}feed.json`)
    const feed = await new Parser().parseString(await read('rss.xml'))
    expect(feed.items.map((item) => [item.title, item.link])).toEqual([
      ['Wahlabend in der Stadthalle', 'https://www.elfblatt.de/posts/wahl/'],
      ['Neues Rathaus eröffnet', 'https://www.elfblatt.de/stadt/neues-rathaus/'],
    ])
    // Eleventy's own pages stay as Eleventy wrote them.
    expect(await readFile(path.join(site, '_site/index.html'), 'utf8')).toContain('Willkommen beim Elfblatt')
    expect(await readFile(path.join(site, '_site/stadt/neues-rathaus/index.html'), 'utf8')).toContain(
      'Rathaus',
    )
  }, 240_000)

  it('should fail the Eleventy build with did-you-mean when an option is misspelt', async () => {
    await writeFile(
      path.join(site, 'eleventy.config.js'),
      [
        "import kanal from 'kanal/eleventy'",
        "export default (eleventyConfig) => eleventyConfig.addPlugin(kanal, { title: 'Elfblatt', content: 'content/posts', feedpath: '/feeds/' })",
        "export const config = { dir: { input: 'content', output: '_site' } }",
        '',
      ].join('\n'),
    )
    const run = await runBin(site, '@11ty/eleventy/cmd.cjs', [])
    expect('failed' in run).toBe(true)
    expect(run.stderr).toContain('unknown key "feedpath"; did you mean "feedPath"?')
  }, 240_000)
})

describeWithGenerators('kanal/astro in a real Astro 5 site', () => {
  let site = ''
  const FEEDS = 'https://www.sternblatt.de/feeds/'

  beforeAll(async () => {
    if ('skip' in generators) return
    site = await makeSite(generators.dir, await packKanal())
    await writeFiles(site, {
      'package.json': JSON.stringify({ name: 'sternblatt', private: true, type: 'module' }),
      'astro.config.mjs': [
        "import kanal from 'kanal/astro'",
        'export default {',
        "  site: 'https://www.sternblatt.de',",
        "  integrations: [kanal({ title: 'Sternblatt', content: 'posts', feedPath: '/feeds/' })],",
        '}',
        '',
      ].join('\n'),
      'src/pages/index.astro': '<html lang="de"><body><h1>Sternblatt</h1></body></html>\n',
      'posts/wahl.md': POST('Wahlabend in der Stadthalle', '25.10.2024, 20:15 Uhr'),
      'posts/rathaus.md': POST('Neues Rathaus eröffnet', '24.10.2024, 18:00 Uhr'),
    })
  }, 300_000)
  afterAll(removeTempDirs)

  it("should write the feeds at feedPath in Astro's output with Astro's site as the site URL", async () => {
    const run = await runBin(site, 'astro/astro.js', ['build'], {
      ASTRO_TELEMETRY_DISABLED: '1',
      SOURCE_DATE_EPOCH: '1767225600',
    })
    expect('failed' in run ? run.stderr : '').toBe('')
    const read = (file: string) => readFile(path.join(site, 'dist/feeds', file), 'utf8')
    expect(selfLink(await read('rss.xml'))).toBe(`${FEEDS}rss.xml`)
    expect(selfLink(await read('kategorie/politik/atom.xml'))).toBe(`${FEEDS}kategorie/politik/atom.xml`)
    const feed = await new Parser().parseString(await read('rss.xml'))
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://www.sternblatt.de/wahl/',
      'https://www.sternblatt.de/rathaus/',
    ])
    expect(await readFile(path.join(site, 'dist/index.html'), 'utf8')).toContain('<h1>Sternblatt</h1>')
  }, 240_000)

  it('should serve the feeds from astro dev and build them again when an article changes', async () => {
    const port = await _freePort()
    const child = spawn(
      process.execPath,
      [path.join(site, 'node_modules/astro/astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
      {
        cwd: site,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: 'ignore',
      },
    )
    try {
      const url = `http://127.0.0.1:${port}/feeds/rss.xml`
      const first = await _poll(url, (text) => text.includes('Wahlabend in der Stadthalle'))
      expect(selfLink(first)).toBe(`${FEEDS}rss.xml`)
      // Saved again every 5 s while the feed is old: under load the dev server's file watcher may
      // still be starting when the first save comes, and would miss it (as it would an editor's).
      const save = () =>
        writeFile(path.join(site, 'posts/wahl.md'), POST('Wahlnacht im Rathaus', '25.10.2024, 23:30 Uhr'))
      await save()
      const second = await _poll(url, (text) => text.includes('Wahlnacht im Rathaus'), save)
      const feed = await new Parser().parseString(second)
      expect(feed.items[0]?.title).toBe('Wahlnacht im Rathaus')
    } finally {
      child.kill()
    }
  }, 120_000)

  it('should fail astro build with did-you-mean when an option is misspelt', async () => {
    await writeFile(
      path.join(site, 'astro.config.mjs'),
      "import kanal from 'kanal/astro'\nexport default { site: 'https://www.sternblatt.de', integrations: [kanal({ title: 'Sternblatt', content: 'posts', limt: 5 })] }\n",
    )
    const run = await runBin(site, 'astro/astro.js', ['build'], { ASTRO_TELEMETRY_DISABLED: '1' })
    expect('failed' in run).toBe(true)
    expect(`${run.stdout}${run.stderr}`).toContain('unknown key "limt"; did you mean "limit"?')
  }, 240_000)
})

/** A TCP port nothing listens on now. */
function _freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/**
 * Fetches `url` until its text passes `ready` (the dev server starting, or rebuilding), for up to 60 s;
 * `nudge` runs every 5 s meanwhile.
 */
async function _poll(
  url: string,
  ready: (text: string) => boolean,
  nudge?: () => Promise<void>,
): Promise<string> {
  let last = ''
  for (let attempt = 0; attempt < 240; attempt++) {
    if (nudge && attempt > 0 && attempt % 20 === 0) await nudge()
    const text = await fetch(url).then(
      (response) => (response.ok ? response.text() : ''),
      () => '',
    )
    if (ready(text)) return text
    last = text
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} never became ready; last answer: ${last.slice(0, 200)}`)
}
