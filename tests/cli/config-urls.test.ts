import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run } from './_scenario.js'

const ARTICLE = '---\ntitle: Wahlabend\ndate: 2024-10-25\n---\n\nText.\n'
const config = (extra: Record<string, unknown>) =>
  JSON.stringify({ title: 'URL-Test', siteUrl: 'https://www.zeitung.de/', ...extra })

describe('permalink and siteUrl', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it.each([
    ['a javascript: URL', 'javascript:alert(1)//:slug'],
    ['another host', 'https://evil.example/:slug/'],
    ['a protocol-relative URL', '//evil.example/:slug/'],
    ['a .. segment', '/../:slug/'],
    ['a query', '/artikel/:slug/?x=1'],
  ])('should refuse a permalink that is %s (exit 2)', async (_, permalink) => {
    dir = await makeScenario({ 'kanal.config.json': config({ permalink }), 'content/wahl.md': ARTICLE })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'kanal: kanal.config.json: "permalink" must be a path below siteUrl containing :slug',
    )
  })

  it('should keep accepting site paths with placeholders', async () => {
    dir = await makeScenario({
      'kanal.config.json': config({ permalink: '/archiv/:year/:month/:day/:slug/' }),
      'content/wahl.md': ARTICLE,
    })
    expect((await run(['build', '--no-cache'], dir)).code).toBe(0)
    const feed = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(feed.items[0].url).toBe('https://www.zeitung.de/archiv/2024/10/25/wahl/')
  })

  it.each([
    ['the config', { siteUrl: 'https://redaktion:geheim@www.zeitung.de/' }, []],
    ['--site-url', {}, ['--site-url', 'https://redaktion:geheim@www.zeitung.de/']],
  ])(
    'should refuse credentials in the site URL from %s (exit 2), never printing a link with them',
    async (_, extra, args) => {
      dir = await makeScenario({ 'kanal.config.json': config(extra), 'content/wahl.md': ARTICLE })
      const result = await run(['build', '--no-cache', ...args], dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('"siteUrl" must not hold a user name or password')
    },
  )
})

describe('feedPath', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it.each([
    ['another host', '//evil.example/feeds/'],
    ['a URL', 'https://cdn.example.de/feeds/'],
    ['a .. segment', '/../feeds/'],
    ['no leading slash', 'feeds/'],
  ])('should refuse a feedPath that is %s (exit 2)', async (_, feedPath) => {
    dir = await makeScenario({ 'kanal.config.json': config({ feedPath }), 'content/wahl.md': ARTICLE })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('kanal: kanal.config.json: "feedPath" must be a site path below siteUrl')
  })

  it('should suggest feedPath for a misspelt key (exit 2)', async () => {
    dir = await makeScenario({
      'kanal.config.json': config({ feedpath: '/feeds/' }),
      'content/wahl.md': ARTICLE,
    })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('did you mean "feedPath"?')
  })
})
