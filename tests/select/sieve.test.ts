import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import type { Article } from '../../src/content/article.js'
import { keepNewest } from '../../src/select/newest.js'
import { FeedSieve } from '../../src/select.js'
import { toSlug } from '../../src/slug.js'

// The build selects while it reads: FeedSieve sees every article once, in file order, and keeps only
// those a feed could show. Whatever it keeps, it must give the feeds and errors that selecting from
// the whole list gives. The reference below is that selection written plainly: filter, sort (stably,
// so equally new articles stay in file order), group, cut.

const NOW = Date.UTC(2024, 10, 27, 12)
const DAY = 86_400_000
// Spellings that share a slug ("Wirtschaft & Finanzen" / "Wirtschaft und Finanzen", "Politik" /
// "politik") make one feed; names without one ("!!!") are errors.
const CATEGORIES = ['Politik', 'politik', 'Wirtschaft & Finanzen', 'Wirtschaft und Finanzen', 'Kultur', '!!!']
const TAGS = ['Berlin', 'berlin', 'Köln', 'EU', '???']

const articleArbitrary = fc.record({
  day: fc.integer({ min: -40, max: 5 }),
  hour: fc.constantFrom(0, 12),
  draft: fc.boolean(),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 3 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
  // Now and then a slug another article has too: with the same date, the two are equally new.
  sharedSlug: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 4 }),
})

type Drawn = {
  day: number
  hour: number
  draft: boolean
  categories: string[]
  tags: string[]
  sharedSlug?: number | null
}

function toArticles(drawn: Drawn[]): Article[] {
  return drawn.map((item, index) => {
    const date = new Date(NOW + item.day * DAY + item.hour * 3_600_000)
    const name = `datei-${String(index).padStart(3, '0')}`
    const slug = item.sharedSlug == null ? `artikel-${index}` : `gleich-${item.sharedSlug}`
    return {
      source: {
        file: `content/${name}.md`,
        path: `/site/content/${name}.md`,
        relative: `${name}.md`,
        frontMatterLine: 2,
        bodyOffset: 0,
        bodyLine: 1,
        size: 0,
        mtimeMs: 0,
      },
      slug,
      title: `Artikel ${index}`,
      date,
      updated: date,
      categories: item.categories,
      tags: item.tags,
      url: `https://example.de/${slug}/`,
      id: `tag:example.de,2024-11-27:${slug}`,
      draft: item.draft,
    }
  })
}

function newestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}

/** Selection from the whole list, as plainly as possible: [folder, title, item slugs][] and errors. */
function reference(
  articles: Article[],
  options: { limit: number; archive: boolean; categoryFeeds: boolean; tagFeeds: boolean },
  shownOptions: { drafts: boolean; future: boolean },
) {
  const shown = articles
    .filter((a) => (shownOptions.drafts || !a.draft) && (shownOptions.future || a.date.getTime() <= NOW))
    .sort(newestFirst)
  const feeds: [string, string, string[]][] = [
    ['', 'Blatt', shown.slice(0, options.limit).map((a) => a.source.file)],
  ]
  const pages: [string, string[]][] = []
  const archive = (folder: string, items: Article[]) => {
    if (!options.archive || items.length <= options.limit) return
    const oldest = [...items].reverse()
    const count = Math.floor(oldest.length / options.limit) + 1
    for (let page = 1; page <= count; page++) {
      const on = oldest.slice((page - 1) * options.limit, page * options.limit).reverse()
      pages.push([`${folder}archiv/${page}/`, on.map((a) => a.source.file)])
    }
  }
  archive('', shown)
  const errors: string[] = []
  const groupings: [boolean, string, (a: Article) => string[]][] = [
    [options.categoryFeeds, 'kategorie', (a) => a.categories],
    [options.tagFeeds, 'thema', (a) => a.tags],
  ]
  for (const [enabled, path, of] of groupings) {
    if (!enabled) continue
    // Every spelling of a slug makes one group, named by its most used spelling; in a tie, by the
    // spelling of the newest article (shown is newest first, equally new ones in file order).
    const groups = new Map<string, Article[]>()
    const counts = new Map<string, Map<string, number>>()
    for (const article of shown) {
      const slugs = new Set<string>()
      for (const name of of(article)) {
        const slug = toSlug(name)
        if (slug === '') {
          errors.push(`${article.source.file}: "${name}" has no letter`)
          continue
        }
        const named = counts.get(slug) ?? new Map<string, number>()
        named.set(name, (named.get(name) ?? 0) + 1)
        counts.set(slug, named)
        slugs.add(slug)
      }
      for (const slug of slugs) groups.set(slug, [...(groups.get(slug) ?? []), article])
    }
    for (const slug of [...groups.keys()].sort()) {
      const items = groups.get(slug) as Article[]
      const named = counts.get(slug) as Map<string, number>
      const most = Math.max(...named.values())
      const name = items
        .flatMap(of)
        .find((candidate) => toSlug(candidate) === slug && named.get(candidate) === most)
      feeds.push([
        `${path}/${slug}/`,
        `Blatt – ${name}`,
        items.slice(0, options.limit).map((a) => a.source.file),
      ])
      archive(`${path}/${slug}/`, items)
    }
  }
  return { feeds, pages, errors }
}

function sieved(
  articles: Article[],
  config: ReturnType<typeof parseConfig>,
  shownOptions: { drafts: boolean; future: boolean },
) {
  const sieve = new FeedSieve(config, { now: new Date(NOW), ...shownOptions })
  for (const article of articles) sieve.add(article)
  const { feeds, errors } = sieve.select()
  return {
    feeds: feeds
      .filter((feed) => !feed.archive?.isArchive)
      .map((feed): [string, string, string[]] => [
        feed.folder,
        feed.title,
        feed.items.map((a) => a.source.file),
      ]),
    pages: feeds
      .filter((feed) => feed.archive?.isArchive)
      .map((feed): [string, string[]] => [feed.folder, feed.items.map((a) => a.source.file)]),
    errors: errors.map((error) => {
      const name = /^"(.+)" has no letter/.exec(error.reason)
      return `${error.location.file}: "${name?.[1]}" has no letter`
    }),
    due: sieve.due,
  }
}

describe('FeedSieve', () => {
  it('should select the same feeds, archive pages and errors as selecting from the whole list', () => {
    fc.assert(
      fc.property(
        fc.array(articleArbitrary, { maxLength: 60 }),
        fc.record({
          limit: fc.integer({ min: 1, max: 6 }),
          archive: fc.boolean(),
          categoryFeeds: fc.boolean(),
          tagFeeds: fc.boolean(),
        }),
        fc.record({ drafts: fc.boolean(), future: fc.boolean() }),
        (drawn, options, shownOptions) => {
          // In file order, their dates in any order.
          const articles = toArticles(drawn)
          const config = parseConfig(
            { title: 'Blatt', siteUrl: 'https://example.de/', ...options },
            'kanal.config.json',
          )
          const expected = reference(articles, options, shownOptions)
          const actual = sieved(articles, config, shownOptions)
          expect(actual.feeds).toEqual(expected.feeds)
          expect(actual.pages).toEqual(expected.pages)
          // The build sorts errors by file (stably); per file they must come in the same order.
          const byFile = (list: string[]) =>
            [...list].sort((a, b) => a.split(':')[0]?.localeCompare(b.split(':')[0] ?? '') ?? 0)
          expect(byFile(actual.errors)).toEqual(byFile(expected.errors))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('should bound "now" by the dates of every article, drafts and future ones too', () => {
    const articles = toArticles([
      { day: -3, hour: 0, draft: false, categories: [], tags: [] },
      { day: -1, hour: 12, draft: true, categories: [], tags: [] },
      { day: 2, hour: 0, draft: false, categories: [], tags: [] },
      { day: 1, hour: 12, draft: true, categories: [], tags: [] },
    ])
    const config = parseConfig({ title: 'Blatt', siteUrl: 'https://example.de/' }, 'kanal.config.json')
    const sieve = new FeedSieve(config, { now: new Date(NOW), drafts: false, future: false })
    for (const article of articles) sieve.add(article)
    expect(sieve.due).toEqual({ latest: NOW - DAY + 12 * 3_600_000, next: NOW + DAY + 12 * 3_600_000 })
  })
})

describe('keepNewest', () => {
  it('should keep the newest `cap` articles, newest first, the first come of equally new ones', () => {
    fc.assert(
      fc.property(
        fc.array(articleArbitrary, { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (drawn, cap) => {
          const arriving = toArticles(drawn).reverse()
          const list: Article[] = []
          for (const article of arriving) keepNewest(list, article, cap)
          expect(list.map((a) => a.source.file)).toEqual(
            [...arriving]
              .sort(newestFirst)
              .slice(0, cap)
              .map((a) => a.source.file),
          )
        },
      ),
    )
  })
})
