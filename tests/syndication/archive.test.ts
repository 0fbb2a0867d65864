import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BuildResult } from '../../src/build.js'
import { copyFixture, removeTempDirs } from '../helpers/fixture.js'
import { type FeedView, FORMATS, linkOf, viewFeed } from './_feeds.js'
import { readerFor, rebuild, type Site } from './_site.js'

const SITE = 'https://archiv.example.de/'
const LIMIT = 3

/** `syndication/archive` holds articles 1…11, dated 2024-01-01 … 2024-01-11; every third is Sport. */
const categoryOf = (number: number) => (number % 3 === 0 ? 'Sport' : 'Politik')
const idOf = (number: number) => `tag:archiv.example.de,2024-01-${_two(number)}:artikel-${_two(number)}`
const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

/** The subscription feeds and the articles (by number) each holds in a site of `count` articles. */
function expectedFeeds(count: number) {
  return [
    { folder: '', articles: numbers(count) },
    { folder: 'kategorie/politik/', articles: numbers(count).filter((n) => categoryOf(n) === 'Politik') },
    { folder: 'kategorie/sport/', articles: numbers(count).filter((n) => categoryOf(n) === 'Sport') },
  ]
}

/** A copy of the fixture with articles 1…count, built once. */
async function makeSite(count: number): Promise<Site> {
  const dir = await copyFixture('syndication/archive')
  for (let number = count + 1; number <= 11; number++) {
    await rm(path.join(dir, `content/artikel-${_two(number)}.md`))
  }
  for (let number = 12; number <= count; number++) await addArticle(dir, number)
  return { dir, result: await rebuild(dir), read: readerFor(dir) }
}

/** Writes article `number`, newer than every article before it. */
function addArticle(dir: string, number: number): Promise<void> {
  return writeFile(
    path.join(dir, `content/artikel-${_two(number)}.md`),
    `---\ntitle: Meldung ${number}\ndate: 2024-01-${_two(number)} 12:00\ncategory: ${categoryOf(number)}\n---\n\nText der Meldung ${number}.\n`,
  )
}

function _two(number: number): string {
  return String(number).padStart(2, '0')
}

/** A link's target as a path below the output folder. */
function toPath(url: string): string {
  expect(url.startsWith(SITE), `${url} is below ${SITE}`).toBe(true)
  return url.slice(SITE.length)
}

/** Follows prev-archive links (JSON: next_url) from a subscription feed; the pages met, newest first. */
async function walkArchive(site: Site, start: string): Promise<{ file: string; view: FeedView }[]> {
  const pages: { file: string; view: FeedView }[] = []
  let next = linkOf(viewFeed(start, await site.read(start)), 'prev-archive')
  while (next !== undefined) {
    const file = toPath(next)
    expect(
      pages.map((page) => page.file),
      'no page twice',
    ).not.toContain(file)
    const view = viewFeed(file, await site.read(file))
    pages.push({ file, view })
    next = linkOf(view, 'prev-archive')
  }
  return pages
}

let eleven: Site
let nine: Site

beforeAll(async () => {
  ;[eleven, nine] = await Promise.all([makeSite(11), makeSite(9)])
})

afterAll(removeTempDirs)

describe.each([
  { count: 11, pages: { '': 4, 'kategorie/politik/': 3, 'kategorie/sport/': 0 } },
  { count: 9, pages: { '': 4, 'kategorie/politik/': 3, 'kategorie/sport/': 0 } },
])('archive pages when $count articles and limit 3', ({ count, pages }) => {
  const site = () => (count === 11 ? eleven : nine)
  const cases = expectedFeeds(count).flatMap((feed) =>
    FORMATS.map(({ format, file }) => ({
      ...feed,
      format,
      file: `${feed.folder}${file}`,
      pageCount: pages[feed.folder as keyof typeof pages],
    })),
  )

  it('should build without errors or warnings when archives are on', () => {
    const value = site().result

    expect(value.errors).toEqual([])
    expect(value.warnings).toEqual([])
    expect(value.ok).toBe(true)
  })

  it.each(cases)(
    'should hold the newest 3 of its articles in $file when it is the subscription feed',
    async ({ file, articles }) => {
      const value = viewFeed(file, await site().read(file))

      const expected = articles.slice(-LIMIT).reverse().map(idOf)
      expect(value.ids).toEqual(expected)
      expect(value.isArchive).toBe(false)
      expect(linkOf(value, 'current')).toBeUndefined()
    },
  )

  it.each(cases)(
    'should reach each article exactly once on $pageCount page(s) when following prev-archive from $file',
    async ({ file, articles, pageCount }) => {
      const value = await walkArchive(site(), file)

      expect(value).toHaveLength(pageCount)
      const ids = value.flatMap((page) => page.view.ids)
      const expected = pageCount === 0 ? [] : articles.map(idOf)
      expect([...ids].sort()).toEqual([...expected].sort())
      expect(value.every((page) => page.view.ids.length <= LIMIT)).toBe(true)
    },
  )

  it.each(cases)(
    'should fill the pages from $file oldest first when walking the archive',
    async ({ file, articles, pageCount }) => {
      const value = (await walkArchive(site(), file)).map((page) => page.file).reverse()

      const expected = numbers(pageCount).map((number) => file.replace(/([^/]+)$/, `archiv/${number}/$1`))
      expect(value).toEqual(expected)
      if (pageCount > 0) {
        const oldest = viewFeed(expected[0] ?? '', await site().read(expected[0] ?? ''))
        expect(oldest.ids).toEqual(articles.slice(0, LIMIT).reverse().map(idOf))
      }
    },
  )

  it.each(cases.filter((item) => item.format !== 'json' && item.pageCount > 0))(
    'should mark every archive page of $file fh:archive with rel="current" back to it',
    async ({ file }) => {
      const value = await walkArchive(site(), file)

      for (const page of value) {
        expect({
          page: page.file,
          isArchive: page.view.isArchive,
          current: linkOf(page.view, 'current'),
        }).toEqual({ page: page.file, isArchive: true, current: `${SITE}${file}` })
      }
    },
  )

  it.each(cases.filter((item) => item.format !== 'json' && item.pageCount > 0))(
    'should link the archive pages of $file prev and next consistently both ways',
    async ({ file }) => {
      const value = await walkArchive(site(), file)

      const urls = value.map((page) => `${SITE}${page.file}`)
      value.forEach((page, index) => {
        // Newest first: the next newer page comes before this one, the next older one after it.
        expect({ page: page.file, next: linkOf(page.view, 'next-archive') }).toEqual({
          page: page.file,
          next: urls[index - 1],
        })
        expect({ page: page.file, prev: linkOf(page.view, 'prev-archive') }).toEqual({
          page: page.file,
          prev: urls[index + 1],
        })
      })
    },
  )
})

/** Every archive page file (all formats, all feeds) with its bytes, and whether it is full: not its feed's newest page. */
async function archiveSnapshot(site: { dir: string; result: BuildResult }) {
  const pages = site.result.files.filter((file) => /(^|\/)archiv\/\d+\//.test(file.path))
  const newest = new Map<string, number>()
  for (const page of pages) {
    const [, folder = '', number = '0'] = /^(.*?)archiv\/(\d+)\//.exec(page.path) ?? []
    newest.set(folder, Math.max(newest.get(folder) ?? 0, Number(number)))
  }
  return Promise.all(
    pages.map(async (page) => {
      const [, folder = '', number = '0'] = /^(.*?)archiv\/(\d+)\//.exec(page.path) ?? []
      return {
        path: page.path,
        full: Number(number) < (newest.get(folder) ?? 0),
        bytes: await readFile(path.join(site.dir, 'dist', page.path)),
      }
    }),
  )
}

describe.each([
  { start: 11, additions: 2, note: 'the first addition fills the newest page and starts a new one' },
  { start: 9, additions: 2, note: 'every page was full and the newest page was empty' },
])('archive stability when articles are added to $start ($note)', ({ start, additions }) => {
  it('should keep every full archive page byte-identical when a newer article is added, build after build', async () => {
    const site = await makeSite(start)
    let before = await archiveSnapshot(site)

    for (let number = start + 1; number <= start + additions; number++) {
      await addArticle(site.dir, number)
      const result = await rebuild(site.dir)
      expect(result.ok).toBe(true)
      const after = new Map(
        (await archiveSnapshot({ dir: site.dir, result })).map((page) => [page.path, page]),
      )
      const changedFlags = new Map(result.files.map((file) => [file.path, file.changed]))

      const full = before.filter((page) => page.full)
      expect(full.length).toBeGreaterThan(0)
      for (const page of full) {
        expect({ page: page.path, same: after.get(page.path)?.bytes.equals(page.bytes) }).toEqual({
          page: page.path,
          same: true,
        })
        expect({ page: page.path, changed: changedFlags.get(page.path) }).toEqual({
          page: page.path,
          changed: false,
        })
      }
      before = [...after.values()]
    }
  })
})

describe('archive pages when a feed has no more articles than the limit', () => {
  it.each(FORMATS)(
    'should write no archive page and no prev-archive link in $file of a 3-article category',
    async ({ file }) => {
      const value = viewFeed(file, await eleven.read(`kategorie/sport/${file}`))

      expect(value.ids).toEqual([9, 6, 3].map(idOf))
      expect(linkOf(value, 'prev-archive')).toBeUndefined()
      expect(eleven.result.files.some((written) => written.path.startsWith('kategorie/sport/archiv/'))).toBe(
        false,
      )
    },
  )
})
