import { isUriText } from '../uri.js'
import { childrenNamed as all, type XmlElement } from './xml-tree.js'

const _ATOM = 'http://www.w3.org/2005/Atom'
const _RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/
const _RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/

/** Checks an RSS 2.0 document: channel elements, item titles, dates, absolute links, unique guids. */
export function checkRss(root: XmlElement): string[] {
  const problems: string[] = []
  if (root.name !== 'rss' || root.attributes.version !== '2.0')
    return ['the root element is not <rss version="2.0">']
  const channel = all(root, 'channel')[0]
  if (!channel) return ['<channel> is missing']
  _require(channel, ['title', 'link', 'description'], 'channel', problems)
  _url(_text(channel, 'link'), 'channel link', problems)
  const guids = new Set<string>()
  for (const [index, item] of all(channel, 'item').entries()) {
    const where = `item ${index + 1}`
    _require(item, ['title', 'link', 'guid', 'pubDate'], where, problems)
    _url(_text(item, 'link'), `${where} link`, problems)
    for (const enclosure of all(item, 'enclosure'))
      _url(enclosure.attributes.url, `${where} enclosure`, problems)
    _date(_text(item, 'pubDate'), _RFC822, `${where} pubDate`, problems)
    _unique(_text(item, 'guid'), guids, where, problems)
  }
  _date(_text(channel, 'lastBuildDate'), _RFC822, 'lastBuildDate', problems)
  return problems
}

/** Checks an Atom 1.0 document: required feed and entry elements, dates, absolute links, unique ids. */
export function checkAtom(root: XmlElement): string[] {
  const problems: string[] = []
  if (root.name !== `${_ATOM} feed`) return ['the root element is not an Atom <feed>']
  _require(root, [`${_ATOM} id`, `${_ATOM} title`, `${_ATOM} updated`], 'feed', problems)
  _date(_text(root, `${_ATOM} updated`), _RFC3339, 'feed updated', problems)
  const ids = new Set<string>()
  for (const [index, entry] of all(root, `${_ATOM} entry`).entries()) {
    const where = `entry ${index + 1}`
    _require(entry, [`${_ATOM} id`, `${_ATOM} title`, `${_ATOM} updated`], where, problems)
    _date(_text(entry, `${_ATOM} updated`), _RFC3339, `${where} updated`, problems)
    _date(_text(entry, `${_ATOM} published`), _RFC3339, `${where} published`, problems)
    _unique(_text(entry, `${_ATOM} id`), ids, where, problems)
    _iri(_text(entry, `${_ATOM} id`), `${where} id`, problems)
    for (const link of all(entry, `${_ATOM} link`)) _url(link.attributes.href, `${where} link`, problems)
  }
  for (const link of all(root, `${_ATOM} link`)) _url(link.attributes.href, 'feed link', problems)
  return problems
}

/** Checks a JSON Feed 1.1 document: version, title, items with unique ids, dates and absolute URLs. */
export function checkJsonFeed(value: unknown): string[] {
  const problems: string[] = []
  const feed = value as Record<string, unknown>
  if (feed?.version !== 'https://jsonfeed.org/version/1.1') problems.push('version is not JSON Feed 1.1')
  if (typeof feed?.title !== 'string' || !feed.title) problems.push('title is missing')
  if (!Array.isArray(feed?.items)) return [...problems, 'items is not a list']
  _url(feed.home_page_url as string | undefined, 'home_page_url', problems)
  _url(feed.feed_url as string | undefined, 'feed_url', problems)
  const ids = new Set<string>()
  for (const [index, raw] of feed.items.entries()) {
    const item = raw as Record<string, unknown>
    const where = `item ${index + 1}`
    if (typeof item.id !== 'string' || !item.id) problems.push(`${where}: id is missing`)
    else _unique(item.id, ids, where, problems)
    _url(item.url as string | undefined, `${where} url`, problems)
    _url(item.image as string | undefined, `${where} image`, problems)
    _date(item.date_published as string | undefined, _RFC3339, `${where} date_published`, problems)
    _date(item.date_modified as string | undefined, _RFC3339, `${where} date_modified`, problems)
  }
  return problems
}

function _text(parent: XmlElement, name: string): string | undefined {
  return all(parent, name)[0]?.text
}

function _require(parent: XmlElement, names: string[], where: string, problems: string[]): void {
  for (const name of names) {
    if (!_text(parent, name)?.trim())
      problems.push(`${where}: <${name.split(' ').at(-1)}> is missing or empty`)
  }
}

function _date(value: string | undefined, syntax: RegExp, where: string, problems: string[]): void {
  if (value === undefined) return
  if (!syntax.test(value) || Number.isNaN(Date.parse(value)))
    problems.push(`${where}: "${value}" is not a valid date`)
}

function _url(value: string | undefined, where: string, problems: string[]): void {
  if (value === undefined) return
  if (!/^https?:\/\//.test(value) || !URL.canParse(value))
    problems.push(`${where}: "${value}" is not an absolute URL`)
  // What the URL parser accepts, RFC 3986 (and so the W3C validator and the JSON Feed schema) may not.
  else if (!isUriText(value)) problems.push(`${where}: "${value}" holds characters a URL must percent-encode`)
}

function _iri(value: string | undefined, where: string, problems: string[]): void {
  if (value !== undefined && !isUriText(value, 'iri'))
    problems.push(`${where}: "${value}" holds characters an IRI must percent-encode`)
}

function _unique(value: string | undefined, seen: Set<string>, where: string, problems: string[]): void {
  if (value === undefined) return
  if (seen.has(value)) problems.push(`${where}: id "${value}" appears twice`)
  seen.add(value)
}
