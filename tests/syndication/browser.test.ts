import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { problemsOf } from '../../src/cli/_watch-loop.js'
import { type RunningServer, serveOutput } from '../../src/serve/serve.js'
import { type Browser, CHROMIUM, launchChromium, type PageVisit } from '../helpers/chromium.js'
import { buildFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'

/**
 * Serves the output folder the way a static host would: `.xml` as `xmlType` (GitHub Pages and most
 * hosts send application/xml or text/xml), `.js` as JavaScript.
 */
async function serveStatic(root: string, xmlType: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.xml': xmlType,
    '.js': 'text/javascript',
    '.html': 'text/html; charset=utf-8',
    '.json': 'application/json',
  }
  const server = createServer(async (request, response) => {
    const file = path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    const bytes = file.startsWith(root) ? await readFile(file).catch(() => undefined) : undefined
    if (!bytes) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    response.end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

// The page is ready once the view replaced the feed with XHTML (or, for index.html, once loaded).
const _READY =
  'document.readyState === "complete" && document.documentElement.namespaceURI === "http://www.w3.org/1999/xhtml" && document.querySelector("h1") !== null'

const _FEEDS = [
  { page: 'rss.xml', title: 'Testblatt', description: 'Nachrichten für Tests' },
  { page: 'atom.xml', title: 'Testblatt', description: 'Nachrichten für Tests' },
  {
    page: 'kategorie/aussenpolitik/rss.xml',
    title: 'Testblatt – Außenpolitik',
    description: 'Nachrichten für Tests – Außenpolitik',
  },
]

const _HOSTS = ['kanal serve', 'static application/xml', 'static text/xml'] as const
const _MODES = [
  { mode: 'XSLT on', args: [] },
  { mode: 'XSLT off', args: ['--disable-blink-features=XSLT'] },
] as const

/** The German dates of the main feed's items, newest first (the feed says `Fri, 25 Oct 2024 …`). */
const _DATES = [
  '25. Oktober 2024',
  '24. Oktober 2024',
  '23. Oktober 2024',
  '22. Oktober 2024',
  '20. Oktober 2024',
  '1. September 2024',
]

if (CHROMIUM === undefined && process.env.CI) {
  describe('browser view in headless Chromium', () => {
    it('should find chromium on the PATH when CI is set', () => {
      expect.fail('chromium is not installed; .ci/run installs the Debian package "chromium"')
    })
  })
}

describe.skipIf(CHROMIUM === undefined)(
  `browser view in headless Chromium${CHROMIUM === undefined ? ' (skipped: chromium is not installed)' : ''}`,
  () => {
    const servers: Server[] = []
    let preview: RunningServer | undefined
    const browsers = new Map<string, Browser>()
    const urls = new Map<string, string>()
    let rssSource = ''
    let siteDir = ''
    // Each visit once, in parallel per browser; the tests read the results.
    const visits = new Map<string, PageVisit>()
    const key = (mode: string, host: string, page: string) => `${mode} | ${host} | ${page}`

    beforeAll(async () => {
      const built = await buildFixture('syndication/categories', { cache: false })
      expect(built.result.ok).toBe(true)
      rssSource = built.read('rss.xml')
      const root = path.join(built.dir, 'dist')
      siteDir = built.dir
      // As kanal serve runs it: watching the content, rebuilding for real, live reload on.
      preview = await serveOutput({
        root,
        watch: {
          dir: path.join(built.dir, 'content'),
          onChange: async () =>
            problemsOf(await build({ cwd: built.dir, now: FIXED_NOW, cache: false }), false),
        },
      })
      urls.set('kanal serve', preview.url)
      // Without a charset, Chromium reads a feed it shows as text as windows-1252.
      for (const type of ['application/xml', 'text/xml', 'application/rss+xml; charset=utf-8']) {
        const served = await serveStatic(root, type)
        servers.push(served.server)
        urls.set(`static ${type.replace(/;.*/, '')}`, served.url)
      }
      const chromium = CHROMIUM ?? 'chromium'
      await Promise.all(
        _MODES.map(async ({ mode, args }) => browsers.set(mode, await launchChromium(chromium, [...args]))),
      )
      await Promise.all(
        _MODES.map(async ({ mode }) => {
          const browser = browsers.get(mode) as Browser
          const pages = _HOSTS.flatMap((host) =>
            [..._FEEDS, { page: 'index.html' }].map(({ page }) => ({ host, page })),
          )
          // Tabs load side by side; one Chromium per mode serves them all.
          await Promise.all(
            pages.map(async ({ host, page }) => {
              const url = new URL(page, urls.get(host)).href
              visits.set(
                key(mode, host, page),
                await browser.visit(url, page.endsWith('.html') ? undefined : _READY),
              )
            }),
          )
          const raw = new URL('rss.xml', urls.get('static application/rss+xml')).href
          visits.set(key(mode, 'static application/rss+xml', 'rss.xml'), await browser.visit(raw))
        }),
      )
    }, 60_000)

    afterAll(async () => {
      await Promise.all([...browsers.values()].map((browser) => browser.close()))
      await preview?.close()
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
      await removeTempDirs()
    })

    const cases = _MODES.flatMap(({ mode }) =>
      _HOSTS.flatMap((host) => _FEEDS.map((feed) => ({ mode, host, ...feed }))),
    )

    it.each(cases)(
      'should show title, description and the German explanation when $page is opened ($host, $mode)',
      ({ mode, host, page, title, description }) => {
        const value = visits.get(key(mode, host, page))

        expect(value?.html).toContain(`<h1>${title}</h1>`)
        expect(value?.html).toContain(`<header><h1>${title}</h1><p>${description}</p></header>`)
        expect(value?.text).toContain('Dies ist ein Web-Feed.')
        expect(value?.text).toContain('kopieren Sie diese Adresse in Ihren Feed-Reader')
      },
    )

    it.each(cases)(
      "should offer the feed's own address with a copy button when $page is opened ($host, $mode)",
      ({ mode, host, page }) => {
        const value = visits.get(key(mode, host, page))?.html ?? ''

        expect(value).toMatch(
          new RegExp(
            `<input type="text" readonly="readonly" value="https://www\\.testblatt\\.de/${page.replaceAll('.', '\\.')}"`,
          ),
        )
        expect(value).toContain('<button type="button">Adresse kopieren</button>')
      },
    )

    it.each(cases.filter(({ page }) => page !== 'kategorie/aussenpolitik/rss.xml'))(
      'should show every item with its link, German date and summary when $page is opened ($host, $mode)',
      ({ mode, host, page }) => {
        const value = visits.get(key(mode, host, page))?.html ?? ''
        const items = [
          ...value.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><time>([^<]+)<\/time><p>([^<]+)<\/p><\/li>/g),
        ]

        // The same titles, links and summaries the RSS feed has, in its order, with German dates.
        const source = [
          ...rssSource.matchAll(
            /<item>\s*<title>([^<]*)<\/title>\s*<link>([^<]+)<\/link>[\s\S]*?<description>([^<]*)<\/description>/g,
          ),
        ]
        expect(source).toHaveLength(6)
        expect(items.map((item) => [item[1], item[2], item[3], item[4]])).toEqual(
          source.map((match, index) => [match[2], match[1], _DATES[index], match[3]]),
        )
        expect(value).not.toMatch(/2024-10-25T|Fri, 25 Oct 2024/)
      },
    )

    it.each(
      _MODES.flatMap(({ mode }) =>
        _HOSTS.flatMap((host) =>
          [..._FEEDS, { page: 'index.html' }].map(({ page }) => ({ mode, host, page })),
        ),
      ),
    )(
      'should log no error, ask no other host and show no XSLT banner when $page is opened ($host, $mode)',
      ({ mode, host, page }) => {
        const value = visits.get(key(mode, host, page))
        const origin = new URL(urls.get(host) ?? '').origin

        expect(value?.errors).toEqual([])
        expect(value?.requests.filter((url) => new URL(url).origin !== origin)).toEqual([])
        expect(value?.text).not.toMatch(/XSLT|cannot be formatted|does not appear to have any style/)
      },
    )

    it.each(_MODES)(
      'should show the feed as text with a German note when it is sent as application/rss+xml ($mode)',
      ({ mode }) => {
        const value = visits.get(key(mode, 'static application/rss+xml', 'rss.xml'))

        // Chromium shows feeds sent with their own type as plain text, where no script runs.
        expect(value?.text).toContain('Dies ist ein Web-Feed. Zum Abonnieren kopieren Sie die Adresse')
        expect(value?.text).toContain('Gipfel in Brüssel endet ohne Einigung')
        // Only the site's missing favicon: a text view has no head to say there is none.
        expect(value?.errors.filter((error) => !error.includes('/favicon.ico'))).toEqual([])
        expect(value?.text).not.toMatch(/XSLT/)
      },
    )

    it('should copy the address or select it for the reader when the copy button is clicked', async () => {
      const browser = browsers.get('XSLT off') as Browser
      const url = new URL('atom.xml', urls.get('static application/xml')).href
      let status: unknown
      let selected: unknown
      const value = await browser.visit(url, _READY, async (tab) => {
        await tab.evaluate('document.querySelector("button").click()')
        await tab.waitFor('document.querySelector(".status").textContent !== ""')
        status = await tab.evaluate('document.querySelector(".status").textContent')
        selected = await tab.evaluate('String(getSelection()) || document.activeElement?.value')
      })

      expect(['Adresse kopiert.', 'Adresse markiert: mit Strg+C kopieren.']).toContain(status)
      if (status !== 'Adresse kopiert.') expect(selected).toBe('https://www.testblatt.de/atom.xml')
      expect(value.errors).toEqual([])
    }, 30_000)

    it('should reload an open feed view after a rebuild, show build errors, and the page again once fixed', async () => {
      const browser = browsers.get('XSLT off') as Browser
      const article = path.join(siteDir, 'content', 'wetter.md')
      const good = await readFile(article, 'utf8')
      const seen: string[] = []
      const value = await browser.visit(new URL('rss.xml', preview?.url).href, _READY, async (tab) => {
        await writeFile(article, good.replace('Erster Frost im Oktober', 'Zweiter Frost im Oktober'))
        await tab.waitFor('document.body.innerText.includes("Zweiter Frost im Oktober")')
        seen.push('reloaded')
        await writeFile(article, good.replace('date: 2024-10-24 07:00', 'date: gestern'))
        await tab.waitFor('document.title === "Build fehlgeschlagen – kanal serve"')
        seen.push(String(await tab.evaluate('document.querySelector("code").textContent')))
        await writeFile(article, good)
        await tab.waitFor('document.body.innerText.includes("Erster Frost im Oktober")')
        seen.push(String(await tab.evaluate('document.querySelector("h1").textContent')))
      })

      expect(seen[0]).toBe('reloaded')
      expect(seen[1]).toMatch(/^content\/wetter\.md:3:7: /)
      expect(seen[2]).toBe('Testblatt')
      // Only the error page's own 500 is logged; no script error.
      expect(value.errors.filter((error) => !error.includes('status of 500'))).toEqual([])
    }, 30_000)
  },
)
