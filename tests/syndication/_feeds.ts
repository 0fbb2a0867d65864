import { ATOM_NS, childNamed, childrenNamed, FH_NS, parseXml, type XmlElement } from './_xml.js'

/** The three feed files of a folder, by format. */
export const FORMATS = [
  { format: 'rss', file: 'rss.xml' },
  { format: 'atom', file: 'atom.xml' },
  { format: 'json', file: 'feed.json' },
] as const

/** One of kanal's feed formats. */
export type Format = (typeof FORMATS)[number]['format']

/** What the syndication tests look at in a feed of any format. */
export interface FeedView {
  title: string
  /** The feed's own URL (`rel="self"`, JSON `feed_url`). */
  self: string | undefined
  /** Item ids (RSS `guid`, Atom `id`, JSON `id`), in document order. */
  ids: string[]
  /** Feed-level links other than `self` and `alternate`: `hub`, `current`, `prev-archive`, `next-archive`. */
  links: { rel: string; href: string }[]
  /** Has `<fh:archive/>` (RSS and Atom; always false for JSON, which has no such marker). */
  isArchive: boolean
}

/** Reads a feed file's text as the format its name says. */
export function viewFeed(file: string, text: string): FeedView {
  if (file.endsWith('rss.xml')) return _viewXml(childNamed(parseXml(text), 'channel'), 'guid', '')
  if (file.endsWith('atom.xml')) return _viewXml(parseXml(text), 'id', ATOM_NS, 'entry')
  if (file.endsWith('feed.json')) return _viewJson(text)
  throw new Error(`not a feed file: ${file}`)
}

/** The href of the one link with `rel`, or undefined. */
export function linkOf(view: FeedView, rel: string): string | undefined {
  const found = view.links.filter((link) => link.rel === rel)
  if (found.length > 1) throw new Error(`more than one rel="${rel}" link`)
  return found[0]?.href
}

function _viewXml(container: XmlElement, idName: string, itemNs: string, itemName = 'item'): FeedView {
  const links = childrenNamed(container, 'link', ATOM_NS).map((link) => ({
    rel: link.attributes.rel ?? 'alternate',
    href: link.attributes.href ?? '',
  }))
  return {
    title: childNamed(container, 'title', itemNs).text,
    self: links.find((link) => link.rel === 'self')?.href,
    ids: childrenNamed(container, itemName, itemNs).map((item) => childNamed(item, idName, itemNs).text),
    links: links.filter((link) => link.rel !== 'self' && link.rel !== 'alternate'),
    isArchive: childrenNamed(container, 'archive', FH_NS).length > 0,
  }
}

function _viewJson(text: string): FeedView {
  const feed = JSON.parse(text) as {
    title: string
    feed_url?: string
    next_url?: string
    hubs?: { type: string; url: string }[]
    items: { id: string }[]
  }
  return {
    title: feed.title,
    self: feed.feed_url,
    ids: feed.items.map((item) => item.id),
    // JSON Feed's next_url leads to older items: the RFC 5005 prev-archive.
    links: [
      ...(feed.hubs ?? []).map((hub) => ({ rel: 'hub', href: hub.url })),
      ...(feed.next_url ? [{ rel: 'prev-archive', href: feed.next_url }] : []),
    ],
    isArchive: false,
  }
}
