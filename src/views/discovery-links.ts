import { escapeXml as html } from '../formats/xml.js'
import type { FeedUrls } from '../model.js'

const _FORMATS = [
  { key: 'rss', label: 'RSS', type: 'application/rss+xml' },
  { key: 'atom', label: 'Atom', type: 'application/atom+xml' },
  { key: 'json', label: 'JSON Feed', type: 'application/feed+json' },
] as const

/** The three formats a feed comes in, with their labels and media types, in the order pages list them. */
export const FEED_FORMATS = _FORMATS

/**
 * `<link rel="alternate">` tags for the `<head>` of a page, one per feed and format, so browsers and
 * readers find the feeds from the page (the same in `index.html` and `kanal discovery`).
 */
export function renderDiscoveryLinks(feeds: { title: string; urls: FeedUrls }[]): string[] {
  return feeds.flatMap((feed) =>
    _FORMATS.map(
      (format) =>
        `<link rel="alternate" type="${format.type}" title="${html(`${feed.title} (${format.label})`)}" href="${html(feed.urls[format.key])}">`,
    ),
  )
}
