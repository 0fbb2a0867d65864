import { childrenNamed, parseXml, type XmlElement } from '../check/xml-tree.js'
import { UsageError } from '../errors.js'
import type { PublishedFeed, PublishedItem } from './published.js'

const _ATOM = 'http://www.w3.org/2005/Atom'
const _CONTENT = 'http://purl.org/rss/1.0/modules/content/'
const _RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
const _RSS1 = 'http://purl.org/rss/1.0/'
const _DC = 'http://purl.org/dc/elements/1.1/'

/**
 * Reads a feed of any generator: RSS 2.0 (and RSS 1.0), Atom 1.0 or JSON Feed, told apart by its
 * content, not its name. What cannot be compared (no feed, items without ids, two items with one id)
 * is a `UsageError` naming `source`.
 */
export function readFeed(text: string, source: string): PublishedFeed {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  const feed = start.startsWith('{') ? _readJson(start, source) : _readXml(start, source)
  _checkIds(feed)
  return feed
}

function _readJson(text: string, source: string): PublishedFeed {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${source}: not a feed: the JSON does not parse (${(error as Error).message})`)
  }
  const feed = data as { version?: unknown; items?: unknown }
  if (typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/'))
    throw new UsageError(`${source}: not a feed: JSON without a JSON Feed "version"`)
  if (!Array.isArray(feed.items)) throw new UsageError(`${source}: not a feed: JSON Feed without "items"`)
  const items = feed.items.map((raw: Record<string, unknown>, index): PublishedItem => {
    const id = raw.id === undefined || raw.id === null ? undefined : String(raw.id)
    if (!id) throw new UsageError(`${source}: item ${index + 1} has no "id"; it cannot be compared`)
    return _item({
      id,
      link: _string(raw.url),
      title: _string(raw.title),
      published: _date(raw.date_published),
      updated: _date(raw.date_modified),
      content: _string(raw.content_html) ?? _string(raw.content_text) ?? _string(raw.summary),
    })
  })
  return { source, format: 'json', items }
}

function _readXml(text: string, source: string): PublishedFeed {
  let root: XmlElement
  try {
    root = parseXml(text)
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]
    throw new UsageError(`${source}: not a feed: the XML does not parse (${reason})`)
  }
  if (root.name === `${_ATOM} feed`) return { source, format: 'atom', items: _atomItems(root, source) }
  if (root.local === 'rss' && root.uri === '') {
    const channel = childrenNamed(root, 'channel')[0]
    if (!channel) throw new UsageError(`${source}: not a feed: <rss> without <channel>`)
    return { source, format: 'rss', items: _rssItems(childrenNamed(channel, 'item'), '', source) }
  }
  if (root.name === `${_RDF} RDF`)
    return { source, format: 'rss', items: _rssItems(childrenNamed(root, `${_RSS1} item`), _RSS1, source) }
  throw new UsageError(`${source}: not a feed: the root element is <${root.local}>, not <rss> or <feed>`)
}

function _atomItems(feed: XmlElement, source: string): PublishedItem[] {
  return childrenNamed(feed, `${_ATOM} entry`).map((entry, index) => {
    const text = (local: string) => _text(entry, `${_ATOM} ${local}`)
    const id = text('id')
    if (!id) throw new UsageError(`${source}: entry ${index + 1} has no <id>; it cannot be compared`)
    const links = childrenNamed(entry, `${_ATOM} link`)
    const alternate = links.find((link) => (link.attributes.rel ?? 'alternate') === 'alternate')
    return _item({
      id,
      link: alternate?.attributes.href,
      title: _atomText(childrenNamed(entry, `${_ATOM} title`)[0]),
      published: _date(text('published')),
      updated: _date(text('updated')),
      content: text('content') ?? text('summary'),
    })
  })
}

/** RSS 2.0 items (`uri` ''), or RSS 1.0 items (their own namespace); without a guid, the link is the id. */
function _rssItems(items: XmlElement[], uri: string, source: string): PublishedItem[] {
  const name = (local: string) => (uri ? `${uri} ${local}` : local)
  return items.map((item, index) => {
    const link = _text(item, name('link'))
    const id = _text(item, 'guid') ?? item.attributes[`${_RDF} about`] ?? item.attributes.about ?? link
    if (!id)
      throw new UsageError(
        `${source}: item ${index + 1} has neither <guid> nor <link>; it cannot be compared`,
      )
    return _item({
      id,
      link,
      title: _text(item, name('title')),
      published: _date(_text(item, 'pubDate') ?? _text(item, `${_DC} date`)),
      updated: undefined,
      content: _text(item, `${_CONTENT} encoded`) ?? _text(item, name('description')),
    })
  })
}

/** Two items with one id: a reader keeps only one of them, so the feed cannot be compared item by item. */
function _checkIds(feed: PublishedFeed): void {
  const seen = new Map<string, PublishedItem>()
  for (const item of feed.items) {
    const first = seen.get(item.id)
    if (first) {
      const titles = [first.title, item.title].map((title) => JSON.stringify(title ?? '')).join(' and ')
      throw new UsageError(
        `${feed.source}: two items share the id ${JSON.stringify(item.id)} (${titles}); readers show only one of them, so this feed cannot be compared — fix the feed or compare against another`,
      )
    }
    seen.set(item.id, item)
  }
}

interface _Fields {
  id: string
  link: string | undefined
  title: string | undefined
  published: Date | undefined
  updated: Date | undefined
  content: string | undefined
}

function _item(fields: _Fields): PublishedItem {
  const item: PublishedItem = { id: fields.id }
  for (const key of ['link', 'title', 'published', 'updated', 'content'] as const) {
    const value = fields[key]
    if (value !== undefined) (item as unknown as Record<string, unknown>)[key] = value
  }
  return item
}

/** An Atom text construct as plain text: `type="html"` (jekyll-feed's titles) is markup to strip. */
function _atomText(element: XmlElement | undefined): string | undefined {
  const text = element?.text.trim()
  if (!text) return undefined
  if (element?.attributes.type !== 'html') return text
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => _ENTITIES[name] as string)
}

const _ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }

function _text(element: XmlElement, name: string): string | undefined {
  const text = childrenNamed(element, name)[0]?.text.trim()
  return text ? text : undefined
}

function _string(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function _date(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  const date = new Date(value.trim())
  return Number.isNaN(date.getTime()) ? undefined : date
}
