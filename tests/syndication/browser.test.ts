import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildFixture, makeTempDir, removeTempDirs } from '../helpers/fixture.js'

/** Debian's `chromium` on the PATH (CI installs it, see `.ci/run`), or undefined. */
const CHROMIUM = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter(Boolean)
  .map((folder) => path.join(folder, 'chromium'))
  .find((file) => existsSync(file))

// Types by extension as static hosts (GitHub Pages, nginx) send them: `.xml` is application/xml, which
// browsers parse as XML and style with the <?xml-stylesheet?> (application/rss+xml they show as text).
const _TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.xsl': 'text/xml',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
}

/** Serves the output folder of a build the way a static host would, plus the harness page. */
async function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    if (request.url === `/${HARNESS}`) {
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(harnessPage())
    }
    const file = path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    if (!file.startsWith(root)) return response.writeHead(403).end()
    const bytes = await readFile(file).catch(() => undefined)
    if (!bytes) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': _TYPES[path.extname(file)] ?? 'application/octet-stream' })
    response.end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

/** The DOM Chromium renders for `url` (after XSLT), from `--dump-dom`; each run gets its own profile. */
async function dumpDom(chromium: string, url: string): Promise<string> {
  const profile = await makeTempDir()
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--dump-dom',
    url,
  ]
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chromium failed for ${url}: ${error.message}\n${stderr.slice(-2000)}`))
      else resolve(stdout)
    })
  })
}

/** The visible text of an HTML dump: tags dropped, entities that matter here decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** The harness's name in the output root, where the pages' relative URLs resolve as they would for a reader. */
const HARNESS = '_browser-test.html'

/**
 * One Chromium start costs seconds, so one page loads every page in an iframe: each renders natively
 * (a feed through its own <?xml-stylesheet?>), and on load the harness copies each frame's rendered DOM
 * into its own, where `--dump-dom` sees it. Frames are same-origin, so their documents are readable.
 */
function harnessPage(): string {
  const frames = PAGES.map(({ page }) => `<iframe src="${page}"></iframe>`).join('\n')
  const script = `addEventListener('load', () => {
  for (const frame of document.querySelectorAll('iframe')) {
    const copy = document.createElement('section')
    copy.dataset.page = frame.getAttribute('src')
    copy.innerHTML = frame.contentDocument?.documentElement?.outerHTML ?? 'not readable'
    document.body.append(copy)
  }
})`
  return `<!DOCTYPE html>\n<html><body>\n${frames}\n<script>${script}</script>\n</body></html>\n`
}

/** The rendered DOM of each page, cut out of the harness's dump. */
function splitHarness(dump: string): Map<string, string> {
  const parts = dump.split(/<section data-page="/).slice(1)
  return new Map(parts.map((part) => [part.slice(0, part.indexOf('"')), part]))
}

const PAGES = [
  { page: 'rss.xml', heading: 'Testblatt' },
  { page: 'atom.xml', heading: 'Testblatt' },
  { page: 'index.html', heading: 'Testblatt' },
  { page: 'kategorie/aussenpolitik/rss.xml', heading: 'Testblatt – Außenpolitik' },
]

if (CHROMIUM === undefined && process.env.CI) {
  describe('browser view in headless Chromium', () => {
    it('should find chromium on the PATH when CI is set', () => {
      expect.fail('chromium is not installed; .ci/run installs the Debian package "chromium"')
    })
  })
}

/** Every rendered page the assertions look at: the harness's frames, and rss.xml opened on its own. */
const VIEWS = [
  ...PAGES.map((page) => ({ ...page, view: page.page })),
  { page: 'rss.xml', heading: 'Testblatt', view: 'rss.xml opened directly' },
]

describe.skipIf(CHROMIUM === undefined)(
  `browser view in headless Chromium${CHROMIUM === undefined ? ' (skipped: chromium is not installed)' : ''}`,
  () => {
    let server: Server | undefined
    let doms = new Map<string, string>()

    beforeAll(async () => {
      const built = await buildFixture('syndication/categories', { cache: false })
      expect(built.result.ok).toBe(true)
      const served = await serveStatic(path.join(built.dir, 'dist'))
      server = served.server
      const chromium = CHROMIUM ?? 'chromium'
      // The harness for every page, and rss.xml opened directly as a reader would, side by side.
      const [harness, direct] = await Promise.all([
        dumpDom(chromium, new URL(HARNESS, served.url).href),
        dumpDom(chromium, new URL('rss.xml', served.url).href),
      ])
      doms = splitHarness(harness)
      doms.set('rss.xml opened directly', direct)
    }, 60_000)

    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve))
      await removeTempDirs()
    })

    it.each(VIEWS)('should show the heading "$heading" when $view is rendered', ({ view, heading }) => {
      const value = doms.get(view) ?? ''

      expect(value).toContain(`<h1>${heading}</h1>`)
    })

    it.each(VIEWS)(
      'should show an article title and "25. Oktober 2024" when $view is rendered',
      ({ view }) => {
        const value = textOf(doms.get(view) ?? '')

        expect(value).toContain('Gipfel in Brüssel endet ohne Einigung')
        expect(value).toContain('25. Oktober 2024')
      },
    )

    it.each(VIEWS.filter(({ page }) => page.endsWith('.xml')))(
      'should render $view through feed.xsl instead of showing its XML',
      ({ view }) => {
        const value = doms.get(view) ?? ''

        expect(value).toContain('Dies ist ein Web-Feed.')
        expect(value).not.toContain('&lt;?xml')
        expect(value).not.toMatch(/2024-10-25T|Fri, 25 Oct 2024/)
      },
    )

    it('should show a German date for every article when index.html is rendered', () => {
      const value = [
        ...(doms.get('index.html') ?? '').matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/g),
      ].map((match) => match[1])

      expect(value).toEqual([
        '25. Oktober 2024',
        '24. Oktober 2024',
        '23. Oktober 2024',
        '22. Oktober 2024',
        '20. Oktober 2024',
        '1. September 2024',
      ])
    })
  },
)
