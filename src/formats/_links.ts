import type { FeedModel, FeedUrls } from '../model.js'

/** Extra feed-level links of a model: WebSub hubs and RFC 5005 archive links, in one format's URLs. */
export function feedLinks(model: FeedModel, format: keyof FeedUrls): { rel: string; href: string }[] {
  const links = model.hubs.map((href) => ({ rel: 'hub', href }))
  const archive = model.archive
  if (archive?.current) links.push({ rel: 'current', href: archive.current[format] })
  if (archive?.prev) links.push({ rel: 'prev-archive', href: archive.prev[format] })
  if (archive?.next) links.push({ rel: 'next-archive', href: archive.next[format] })
  return links
}

/** RFC 5005 namespace, declared only where `fh:archive` is used. */
export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0'
