import { execFile, execFileSync } from 'node:child_process'
import { access, readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseFeed } from 'feedsmith'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'

// The README's recipe for Hugo and Jekyll sites: run kanal after the generator, into its output
// folder, with `out` and `feedPath`. Both generators are Debian packages (hugo, jekyll).
const exec = promisify(execFile)
const has = (tool: string, versionFlag: string) => {
  try {
    execFileSync(tool, [versionFlag], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const hugo = has('hugo', 'version')
const jekyll = has('jekyll', '--version')
if (!hugo)
  console.warn('tests/e2e/hugo-jekyll.test.ts: hugo is not installed (apt-get install hugo); its test skips')
if (!jekyll)
  console.warn(
    'tests/e2e/hugo-jekyll.test.ts: jekyll is not installed (apt-get install jekyll); its test skips',
  )

/** Every article link of the RSS feed names a page the generator wrote, and the self link is at feedPath. */
async function expectFeedsInSite(output: string, site: string, count: number) {
  const rss = parseFeed(await readFile(path.join(output, 'feeds/rss.xml'), 'utf8'))
  if (rss.format !== 'rss') throw new Error('expected RSS')
  expect(rss.feed.atom?.links?.find((link) => link.rel === 'self')?.href).toBe(`${site}feeds/rss.xml`)
  const links = (rss.feed.items ?? []).map((item) => item.link ?? '')
  expect(links).toHaveLength(count)
  for (const link of links) {
    expect(link.startsWith(site)).toBe(true)
    await access(path.join(output, link.slice(site.length), 'index.html'))
  }
}

describe('kanal after a site generator', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it.skipIf(!hugo)(
    'should put the feeds into a Hugo site at feedPath, linking the pages Hugo wrote',
    async () => {
      dir = await makeScenario({
        'hugo.toml':
          "baseURL = 'https://www.hugoblatt.de/'\ntitle = 'Hugoblatt'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n",
        'layouts/_default/single.html': '<h1>{{ .Title }}</h1>{{ .Content }}\n',
        'layouts/_default/list.html': '<h1>{{ .Title }}</h1>\n',
        'content/posts/wahlabend.md':
          '---\ntitle: Wahlabend in der Stadthalle\ndate: 2024-10-25T20:15:00+02:00\ncategory: Politik\n---\n\nDie Auszählung dauerte.\n',
        'content/posts/rathaus.md':
          '---\ntitle: Neues Rathaus eröffnet\ndate: 2024-10-24T18:00:00+02:00\ncategory: Stadt\n---\n\nDrei Jahre Bauzeit.\n',
        'kanal.config.json': JSON.stringify({
          title: 'Hugoblatt',
          siteUrl: 'https://www.hugoblatt.de/',
          permalink: '/posts/:slug/',
          feedPath: '/feeds/',
          publicDir: 'public',
        }),
      })
      await exec('hugo', ['--quiet'], { cwd: dir })
      const built = await run(
        ['build', '--no-cache', '--content', 'content/posts', '--out', 'public/feeds'],
        dir,
      )
      expect(built.stderr).toContain('0 errors, 0 warnings')
      await expectFeedsInSite(path.join(dir, 'public'), 'https://www.hugoblatt.de/', 2)
    },
    60_000,
  )

  it.skipIf(!jekyll)(
    'should put the feeds into a Jekyll site at feedPath, linking the pages Jekyll wrote',
    async () => {
      dir = await makeScenario({
        '_config.yml':
          'url: https://www.jekyllblatt.de\ntimezone: Europe/Berlin\npermalink: /:year/:month/:day/:title/\nexclude: [kanal.config.json]\n',
        '_posts/2024-10-25-wahlabend.md':
          '---\ntitle: Wahlabend in der Stadthalle\ndate: 2024-10-25 20:15\nslug: wahlabend\ncategory: Politik\n---\n\nDie Auszählung dauerte.\n',
        '_posts/2024-10-24-rathaus.md':
          '---\ntitle: Neues Rathaus eröffnet\ndate: 2024-10-24 18:00\nslug: rathaus\ncategory: Stadt\n---\n\nDrei Jahre Bauzeit.\n',
        'kanal.config.json': JSON.stringify({
          title: 'Jekyllblatt',
          siteUrl: 'https://www.jekyllblatt.de/',
          permalink: '/:year/:month/:day/:slug/',
          feedPath: '/feeds/',
          publicDir: '_site',
        }),
      })
      await exec('jekyll', ['build', '--quiet'], { cwd: dir })
      const built = await run(['build', '--no-cache', '--content', '_posts', '--out', '_site/feeds'], dir)
      expect(built.stderr).toContain('0 errors, 0 warnings')
      await expectFeedsInSite(path.join(dir, '_site'), 'https://www.jekyllblatt.de/', 2)
    },
    60_000,
  )
})
