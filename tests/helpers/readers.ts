import { parseFeed as parseWithFeedParser } from '@rowanmanning/feed-parser'
import { parseFeed as parseWithFeedsmith } from 'feedsmith'
import Parser from 'rss-parser'

/** The three formats kanal writes. */
export type FeedFormat = 'rss' | 'atom' | 'json'

/** One item as a reader shows it; `undefined` where the reader found nothing. */
export interface SeenItem {
  title: string | undefined
  link: string | undefined
  id: string | undefined
  /** Publication time in ms since 1970 (NaN when the reader could not read the date). */
  instant: number | undefined
}

/** What a reader shows of a feed. */
export interface SeenFeed {
  title: string | undefined
  items: SeenItem[]
}

/** A feed reader library, reduced to what the tests compare. */
export interface Reader {
  name: string
  read: (text: string) => Promise<SeenFeed>
}

/** The format of an output file, from its name (`rss.xml`, `atom.xml`, `feed.json`). */
export function formatOf(file: string): FeedFormat {
  if (file.endsWith('rss.xml')) return 'rss'
  if (file.endsWith('atom.xml')) return 'atom'
  if (file.endsWith('feed.json')) return 'json'
  throw new Error(`not a feed file kanal writes: ${file}`)
}

/**
 * Every independent reader that understands the format: feedsmith, rss-parser and
 * @rowanmanning/feed-parser for RSS and Atom; feedsmith and plain `JSON.parse` for JSON Feed
 * (rss-parser and @rowanmanning/feed-parser read only XML feeds).
 */
export function readersFor(format: FeedFormat): Reader[] {
  const feedsmith = { name: 'feedsmith', read: (text: string) => readWithFeedsmith(text, format) }
  if (format === 'json') return [feedsmith, { name: 'JSON.parse', read: readWithJsonParse }]
  return [
    feedsmith,
    { name: 'rss-parser', read: readWithRssParser },
    { name: '@rowanmanning/feed-parser', read: readWithFeedParser },
  ]
}

/** Reads a feed with feedsmith, which must detect the expected format. */
export async function readWithFeedsmith(text: string, format: FeedFormat): Promise<SeenFeed> {
  const parsed = parseWithFeedsmith(text)
  if (parsed.format !== format) throw new Error(`feedsmith detected ${parsed.format}, expected ${format}`)
  switch (parsed.format) {
    case 'rss':
      return {
        title: parsed.feed.title,
        items: (parsed.feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.link,
          id: item.guid?.value,
          instant: _instant(item.pubDate),
        })),
      }
    case 'atom':
      return {
        title: parsed.feed.title?.value,
        items: (parsed.feed.entries ?? []).map((entry) => ({
          title: entry.title?.value,
          link: entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href,
          id: entry.id,
          instant: _instant(entry.published),
        })),
      }
    case 'json':
      return {
        title: parsed.feed.title,
        items: (parsed.feed.items ?? []).map((item) => ({
          title: item.title,
          link: item.url,
          id: item.id,
          instant: _instant(item.date_published),
        })),
      }
    default:
      throw new Error('feedsmith detected RDF, which kanal does not write')
  }
}

/** Reads an RSS or Atom feed with rss-parser (Atom ids come as `id`, RSS ids as `guid`). */
export async function readWithRssParser(text: string): Promise<SeenFeed> {
  const feed = await new Parser<Record<string, unknown>, { id?: string }>().parseString(text)
  return {
    title: feed.title,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.link,
      id: item.guid ?? item.id,
      instant: _instant(item.isoDate),
    })),
  }
}

/** Reads an RSS or Atom feed with @rowanmanning/feed-parser. */
export async function readWithFeedParser(text: string): Promise<SeenFeed> {
  const feed = parseWithFeedParser(text)
  return {
    title: feed.title ?? undefined,
    items: feed.items.map((item) => ({
      title: item.title ?? undefined,
      link: item.url ?? undefined,
      id: item.id ?? undefined,
      instant: item.published?.getTime(),
    })),
  }
}

/** Reads a JSON Feed as plain JSON, the way most JSON Feed readers do. */
export async function readWithJsonParse(text: string): Promise<SeenFeed> {
  const feed = JSON.parse(text) as { title?: string; items?: Record<string, string | undefined>[] }
  return {
    title: feed.title,
    items: (feed.items ?? []).map((item) => ({
      title: item.title,
      link: item.url,
      id: item.id,
      instant: _instant(item.date_published),
    })),
  }
}

function _instant(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Date.parse(value)
}
