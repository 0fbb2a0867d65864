import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, symlink } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { toKanalPermalink } from '../../src/sites/_eleventy-permalink.js'
import { cleanup, makeScenario, run } from '../cli/_scenario.js'
import { generatorsDir } from '../helpers/generators.js'
import { readWithFeedsmith } from '../helpers/readers.js'

// An Eleventy site that computes its URLs in a directory data file with a filter of its own
// (`{{ date | dateToPath }}`): init --from says kanal cannot evaluate it, names the plugin, and proposes
// the equivalent kanal permalink; at build time, template code in a permalink never becomes a URL.

const PERMALINK = '/{{ locale }}/blog/post/{{ date | dateToPath }}/{{ page.fileSlug }}/index.html'

function site(data: Record<string, string>): Record<string, string> {
  return {
    'eleventy.config.js': `import { DateTime } from "luxon"
export default function (eleventyConfig) {
  eleventyConfig.addFilter("dateToPath", (dateObj) => DateTime.fromJSDate(dateObj, { zone: "utc" }).toFormat("yyyy/LL/dd"))
}
`,
    '_data/metadata.json': JSON.stringify({ title: 'Elfblatt', url: 'https://elfblatt.de/', language: 'de' }),
    'posts/wahl.md': '---\ntitle: Wahlabend in Jena\ndate: 2024-03-01\n---\nDie Stimmen sind gezählt.\n',
    'posts/haushalt.md': '---\ntitle: Haushalt beschlossen\ndate: 2024-04-02\n---\nDer Rat stimmt zu.\n',
    ...data,
  }
}

const JSON_DATA = {
  'posts/posts.json': JSON.stringify({ locale: 'de', tags: ['posts'], permalink: PERMALINK }),
}

async function urls(dir: string): Promise<string[]> {
  const feed = await readWithFeedsmith(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'), 'rss')
  return feed.items.map((item) => item.link as string).sort()
}

describe('toKanalPermalink', () => {
  const context = {
    lookup: (name: string) => (name === 'locale' ? { value: 'de', from: 'posts/posts.json' } : undefined),
    filterFormat: (name: string) =>
      name === 'dateToPath' ? { format: 'yyyy/LL/dd', from: 'eleventy.config.js' } : undefined,
    contentPath: 'posts',
  }

  it('should translate locale, a date filter and page.fileSlug when it recognises each part', () => {
    const translated = toKanalPermalink(PERMALINK, context)
    expect(translated.pattern).toBe('/de/blog/post/:year/:month/:day/:slug/')
    expect(translated.customFilters).toEqual(['dateToPath'])
  })

  it("should read Liquid's date format and page.filePathStem", () => {
    expect(toKanalPermalink('{{ page.filePathStem }}/', context).pattern).toBe('/posts/:path/')
    expect(
      toKanalPermalink('/{{ page.date | date: "%Y/%m" }}/{{ page.fileSlug | slugify }}/', context).pattern,
    ).toBe('/:year/:month/:slug/')
  })

  it("should read a Nunjucks filter's format argument", () => {
    const translated = toKanalPermalink(
      '/{{ page.date | formatDate("yyyy-MM") }}/{{ page.fileSlug }}/',
      context,
    )
    expect(translated.pattern).toBe('/:year-:month/:slug/')
    expect(translated.customFilters).toEqual(['formatDate'])
  })

  it('should not take a plain path for all articles as a pattern', () => {
    expect(toKanalPermalink('/blog/', context).problems).toEqual([
      'it names no part of the article file (page.fileSlug, page.filePathStem)',
    ])
    expect(toKanalPermalink('blog/{{ page.fileSlug }}/index.html', context).pattern).toBe('/blog/:slug/')
  })

  it('should give the problems when a part is not recognised', () => {
    const translated = toKanalPermalink('/{{ title | slugify }}/{{ date | wochentag }}/', context)
    expect(translated.pattern).toBeUndefined()
    expect(translated.problems).toEqual([
      '{{ title | slugify }}: "title" is no plain value in the site\'s data',
      '{{ date | wochentag }}: kanal does not know which date parts the filter "wochentag" writes',
    ])
  })
})

describe('init --from with a permalink computed in a directory data file', () => {
  it('should name the file and the filter, the plugin, and write the equivalent kanal permalink', async () => {
    const dir = await makeScenario(site(JSON_DATA))
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.code).toBe(0)
      expect(init.stderr).toContain(
        'note     posts/posts.json: the permalink uses the site\'s own filter "dateToPath", which kanal cannot evaluate; for Eleventy\'s own URLs, build the feeds inside Eleventy with the plugin "kanal/eleventy" (see README)',
      )
      expect(init.stderr).toContain(
        'assumed  permalink: "/de/blog/post/:year/:month/:day/:slug/" (kanal\'s equivalent of posts/posts.json\'s',
      )
      expect(init.stderr).toContain('{{ locale }} as "de" (posts/posts.json)')
      expect(init.stderr).toContain('dateToPath formats yyyy/LL/dd in eleventy.config.js')
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config.permalink).toBe('/de/blog/post/:year/:month/:day/:slug/')
      const built = await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(built.code, built.stderr).toBe(0)
      expect(await urls(dir)).toEqual([
        'https://elfblatt.de/de/blog/post/2024/03/01/wahl/',
        'https://elfblatt.de/de/blog/post/2024/04/02/haushalt/',
      ])
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should read a .11tydata.js data file as text and never run it', async () => {
    const dir = await makeScenario(
      site({
        'posts/posts.11tydata.js': `import { writeFileSync } from "node:fs"
writeFileSync(new URL("./ran.txt", import.meta.url), "ran")
export default {
  locale: "de",
  permalink: "${PERMALINK}",
}
`,
      }),
    )
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.code).toBe(0)
      expect(existsSync(path.join(dir, 'posts/ran.txt'))).toBe(false)
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config.permalink).toBe('/de/blog/post/:year/:month/:day/:slug/')
      expect(init.stderr).toContain('{{ locale }} as "de" (posts/posts.11tydata.js)')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it("should keep Eleventy's folder URLs and say which may differ when it does not recognise the permalink", async () => {
    const dir = await makeScenario(
      site({
        'posts/posts.json': JSON.stringify({ permalink: '/{{ title | slugify }}/{{ date | wochentag }}/' }),
        'posts/archiv/archiv.11tydata.json': JSON.stringify({ permalink: '/alt/{{ page.fileSlug }}/' }),
        'posts/archiv/alt.md': '---\ntitle: Alt\ndate: 2020-01-01\n---\nText.\n',
        // Dependencies are no pages of the site.
        'posts/node_modules/paket/paket.json': JSON.stringify({ permalink: '/{{ x }}/' }),
      }),
    )
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.stderr).toContain(
        'note     posts/posts.json: kanal cannot translate the permalink "/{{ title | slugify }}/{{ date | wochentag }}/"',
      )
      expect(init.stderr).toContain(
        'kept Eleventy\'s folder-based URLs ("/posts/:path/"), so the URLs of the articles in posts/ may differ from the site\'s',
      )
      expect(init.stderr).toContain(
        'note     posts/archiv/archiv.11tydata.json computes the permalink of the articles in posts/archiv/: kanal gives them the URLs of "permalink" in kanal.config.json, which may differ from the site\'s',
      )
      expect(init.stderr).not.toContain('paket.json')
      const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
      expect(config.permalink).toBe('/posts/:path/')
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})

describe('an article whose front matter permalink is template code', () => {
  it('should warn at file:line and give the URL of the pattern, never the template code', async () => {
    const dir = await makeScenario(
      site({
        'posts/eigen.md':
          '---\ntitle: Eigener Link\ndate: 2024-05-03\npermalink: "/{{ page.fileSlug | eigenerFilter }}/"\n---\nText.\n',
      }),
    )
    try {
      const init = await run(['init', '--from', '.'], dir)
      expect(init.code).toBe(0)
      expect(init.stderr).toContain(
        'note     an article computes its permalink in front matter with template code kanal cannot evaluate (first posts/eigen.md:4:12: "/{{ page.fileSlug | eigenerFilter }}/" is template code kanal cannot evaluate): they get the URL of "permalink" in kanal.config.json',
      )
      const built = await run(['build', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(built.code).toBe(0)
      expect(built.stderr).toContain(
        'posts/eigen.md:4:12: warning: the permalink "/{{ page.fileSlug | eigenerFilter }}/" is template code kanal cannot evaluate; the article gets the URL of "permalink" in kanal.config.json instead',
      )
      expect(await urls(dir)).toContain('https://elfblatt.de/posts/eigen/')
      const rss = await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')
      expect(rss).not.toMatch(/\{\{|%7B%7B/)
      expect((await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)).code).toBe(1)
    } finally {
      await cleanup(dir)
    }
  }, 30_000)

  it('should do the same for a Jekyll page permalink with Liquid in it', async () => {
    const dir = await makeScenario({
      '_config.yml': 'title: Blatt\nurl: https://blatt.de\n',
      '_posts/2024-03-01-wahl.md': '---\ntitle: Wahl\npermalink: /{{ page.title }}/\n---\nText.\n',
    })
    try {
      expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
      const built = await run(['build', '--now', '2026-01-01T00:00:00Z'], dir)
      expect(built.stderr).toContain(
        '_posts/2024-03-01-wahl.md:3:12: warning: the permalink "/{{ page.title }}/" holds template code',
      )
      expect(await urls(dir)).toEqual(['https://blatt.de/2024/03/01/wahl.html'])
    } finally {
      await cleanup(dir)
    }
  }, 30_000)
})

const ELEVENTY = path.join(generatorsDir(), 'node_modules/@11ty/eleventy/cmd.cjs')

describe.skipIf(!existsSync(ELEVENTY))('the proposed permalink against real Eleventy 3', () => {
  it('should give the URLs Eleventy publishes for the computed permalink', async () => {
    const dir = await makeScenario(site(JSON_DATA))
    try {
      await symlink(path.join(generatorsDir(), 'node_modules'), path.join(dir, 'node_modules'))
      await promisify(execFile)(process.execPath, [ELEVENTY, '--quiet'], { cwd: dir, timeout: 120_000 })
      expect(existsSync(path.join(dir, '_site/de/blog/post/2024/03/01/wahl/index.html'))).toBe(true)
      expect(existsSync(path.join(dir, '_site/de/blog/post/2024/04/02/haushalt/index.html'))).toBe(true)
      expect((await run(['init', '--from', '.'], dir)).code).toBe(0)
      expect((await run(['build', '--strict', '--now', '2026-01-01T00:00:00Z'], dir)).code).toBe(0)
      expect(await urls(dir)).toEqual([
        'https://elfblatt.de/de/blog/post/2024/03/01/wahl/',
        'https://elfblatt.de/de/blog/post/2024/04/02/haushalt/',
      ])
    } finally {
      await cleanup(dir)
    }
  }, 180_000)
})

describe.runIf(!existsSync(ELEVENTY))('Eleventy comparison', () => {
  it('is skipped: Eleventy 3 is not installed in $KANAL_GENERATORS_DIR (see .ci/run)', () => {
    console.warn(
      'tests/sites/eleventy-permalink.test.ts: Eleventy 3 is not installed; the comparison is skipped',
    )
  })
})
