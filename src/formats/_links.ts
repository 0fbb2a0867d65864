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

/**
 * The browser view's script, or nothing: an XHTML `<script>` runs in any XML document a browser
 * opens (no XSLT needed). It sits in an XHTML `<div>`, the extension the W3C validator accepts in a
 * channel or feed without a warning; feed readers skip elements of namespaces they do not know.
 */
const _VIEW_COMMENT =
  '<!-- Dies ist ein Web-Feed. Zum Abonnieren kopieren Sie die Adresse dieser Seite in Ihren Feed-Reader. -->'

/**
 * A German note for browsers that show the feed as text: Chromium does so for feeds sent as
 * `application/rss+xml` or `application/atom+xml`, where no script can run. Nothing without a view.
 */
export function viewComment(model: FeedModel): string | undefined {
  return model.viewScript && _VIEW_COMMENT
}

export function viewScriptElement(model: FeedModel, indent: string): string | undefined {
  return (
    model.viewScript &&
    `${indent}<div xmlns="http://www.w3.org/1999/xhtml"><script src="${model.viewScript}"></script></div>`
  )
}

/** RFC 5005 namespace, declared only where `fh:archive` is used. */
export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0'
