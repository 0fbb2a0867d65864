import { parseFeed as parseWithFeedParser } from '@rowanmanning/feed-parser'
import { parseFeed as parseWithFeedsmith } from 'feedsmith'
import Parser from 'rss-parser'
import { SaxesParser } from 'saxes'
import type { FeedFormat } from '../helpers/readers.js'

/** An attached image (RSS `enclosure`, Atom `link rel="enclosure"`, JSON `image`) as a reader sees it. */
export interface SeenImage {
  url: string
  type?: string | undefined
  length?: number | undefined
}

/** One entry as a reader library shows it: `undefined` or empty where the reader found nothing. */
export interface SeenEntry {
  title: string | undefined
  /** RSS `content:encoded`, Atom `content`, JSON `content_html`. */
  html: string | undefined
  /** RSS `description` (HTML), Atom `summary` (text), JSON `summary`. */
  summary: string | undefined
  /** `undefined` when the reader does not read categories of this format. */
  categories: string[] | undefined
  authors: string[]
  /** `undefined` when the reader does not read enclosures of this format. */
  images: SeenImage[] | undefined
}

/** A reader library that shows the entries of one format, with the fields the hostile tests look at. */
export interface EntryReader {
  name: string
  read: (text: string) => Promise<SeenEntry[]>
}

/** The three feed files of a feed folder. */
export const FEED_FILES: { file: string; format: FeedFormat }[] = [
  { file: 'rss.xml', format: 'rss' },
  { file: 'atom.xml', format: 'atom' },
  { file: 'feed.json', format: 'json' },
]

/**
 * Three independent readers per format: feedsmith, rss-parser and @rowanmanning/feed-parser for RSS and
 * Atom; feedsmith and plain `JSON.parse` for JSON Feed (the other two read XML only).
 */
export function entryReadersFor(format: FeedFormat): EntryReader[] {
  const feedsmith = { name: 'feedsmith', read: async (text: string) => _feedsmith(text, format) }
  if (format === 'json') return [feedsmith, { name: 'JSON.parse', read: async (text) => _json(text) }]
  return [
    feedsmith,
    { name: 'rss-parser', read: (text) => _rssParser(text, format) },
    { name: '@rowanmanning/feed-parser', read: async (text) => _feedParser(text) },
  ]
}

/** Every reader of every format, for `it.each` tables: `{ file, format, reader }`. */
export const READER_CASES = FEED_FILES.flatMap(({ file, format }) =>
  entryReadersFor(format).map((reader) => ({ file, format, reader, name: reader.name })),
)

/** Throws unless `xml` is well-formed, namespace-correct XML 1.0 (saxes, strict). */
export function parseXmlStrictly(xml: string): void {
  const parser = new SaxesParser({ xmlns: true })
  parser.on('error', (error) => {
    throw error
  })
  parser.write(xml).close()
}

/**
 * Decodes the character references an HTML serialiser writes in text (`&amp;`, `&lt;`, `&#x26;`, …):
 * what a reader shows of an HTML text node, for example inside a `<pre>`.
 */
export function decodeHtmlText(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|#39);/gi, (_match, name: string) => {
    const lower = name.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10))
    return _NAMED[lower] ?? ''
  })
}

const _NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function _feedsmith(text: string, format: FeedFormat): SeenEntry[] {
  const parsed = parseWithFeedsmith(text)
  if (parsed.format !== format) throw new Error(`feedsmith detected ${parsed.format}, expected ${format}`)
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        title: item.title,
        html: item.content?.encoded,
        summary: item.description,
        categories: (item.categories ?? []).map((category) => category.name ?? ''),
        authors: [
          ...(item.authors ?? []).map((person) => person.name ?? person.email ?? ''),
          ...(item.dc?.creators ?? []),
        ],
        images: (item.enclosures ?? []).map((enclosure) => ({
          url: enclosure.url ?? '',
          type: enclosure.type,
          length: enclosure.length,
        })),
      }))
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => ({
        title: entry.title?.value,
        html: entry.content?.value,
        summary: entry.summary?.value,
        categories: (entry.categories ?? []).map((category) => category.term ?? ''),
        authors: (entry.authors ?? []).map((person) => person.name ?? ''),
        images: (entry.links ?? [])
          .filter((link) => link.rel === 'enclosure')
          .map((link) => ({ url: link.href ?? '', type: link.type, length: link.length })),
      }))
    case 'json':
      return _jsonEntries(parsed.feed.items ?? [])
    default:
      throw new Error('feedsmith detected RDF, which kanal does not write')
  }
}

interface _JsonItem {
  title?: string
  content_html?: string
  summary?: string
  tags?: string[]
  authors?: { name?: string }[]
  image?: string
}

function _json(text: string): SeenEntry[] {
  const feed = JSON.parse(text) as { items?: _JsonItem[] }
  return _jsonEntries(feed.items ?? [])
}

/** What a JSON Feed item shows, the same whichever library parsed it. */
function _jsonEntries(items: _JsonItem[]): SeenEntry[] {
  return items.map((item) => ({
    title: item.title,
    html: item.content_html,
    summary: item.summary,
    categories: item.tags ?? [],
    authors: (item.authors ?? []).map((person) => person.name ?? ''),
    images: item.image === undefined ? [] : [{ url: item.image }],
  }))
}

type _RssParserItem = Record<string, unknown> & {
  title?: string
  content?: string
  summary?: string
  categories?: (string | { _?: string })[]
  creator?: string
  author?: string
  enclosure?: { url?: string; type?: string; length?: string }
}

// rss-parser reads no Atom categories or enclosures: those are `undefined` for Atom.
async function _rssParser(text: string, format: FeedFormat): Promise<SeenEntry[]> {
  const feed = await new Parser<Record<string, unknown>, _RssParserItem>().parseString(text)
  return feed.items.map((item) => {
    const enclosure = item.enclosure
    return {
      title: item.title,
      html: format === 'rss' ? (item['content:encoded'] as string | undefined) : item.content,
      summary: format === 'rss' ? item.content : item.summary,
      categories:
        format === 'atom'
          ? undefined
          : (item.categories ?? []).map((category) =>
              typeof category === 'string' ? category : (category._ ?? ''),
            ),
      authors: [item.creator ?? item.author].filter((name): name is string => name !== undefined),
      images:
        format === 'atom'
          ? undefined
          : enclosure?.url
            ? [{ url: enclosure.url, type: enclosure.type, length: Number(enclosure.length) }]
            : [],
    }
  })
}

function _feedParser(text: string): SeenEntry[] {
  const feed = parseWithFeedParser(text)
  return feed.items.map((item) => ({
    title: item.title ?? undefined,
    html: item.content ?? undefined,
    summary: item.description ?? undefined,
    categories: item.categories.map((category) => category.term ?? category.label ?? ''),
    authors: item.authors.map((person) => person.name ?? ''),
    images: item.media.map((media) => ({
      url: media.url,
      type: media.mimeType ?? undefined,
      length: media.length ?? undefined,
    })),
  }))
}
