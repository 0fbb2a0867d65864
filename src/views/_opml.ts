import { formatRfc822 } from '../dates/format.js'
import { escapeXml } from '../formats/xml.js'
import type { FeedModel } from '../model.js'

/**
 * `feeds.opml`: every subscription feed (main, categories, tags) once, by its RSS URL, so "import
 * OPML" in a reader subscribes to each exactly once. Archive pages are not subscriptions and are left out.
 */
export function renderOpml(feeds: FeedModel[], title: string): string {
  const newest = new Date(Math.max(0, ...feeds.map((feed) => feed.updated.getTime())))
  const outlines = feeds.map(
    (feed) =>
      `    <outline type="rss" text="${escapeXml(feed.title)}" title="${escapeXml(feed.title)}" xmlUrl="${escapeXml(feed.urls.rss)}" htmlUrl="${escapeXml(feed.homeUrl)}"/>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateModified>${formatRfc822(newest, feeds[0]?.timeZone ?? 'UTC')}</dateModified>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n')
}
