import { formatRfc822 } from '../dates/format.js'
import type { FeedItem, FeedModel, ItemImage } from '../model.js'
import { viewComment, viewScriptElement } from './_browser-view.js'
import { FEED_HISTORY_NS, feedLinks } from './_links.js'
import { element, escapeTextAsHtml, escapeXml, escapeText as plain } from './xml.js'

/** Serialises a feed as RSS 2.0 with the content, Dublin Core and Atom (self link) modules. */
export function serializeRss(model: FeedModel): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    viewComment(model),
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"${model.archive ? ` xmlns:fh="${FEED_HISTORY_NS}"` : ''}${model.items.some((item) => item.image) ? ` xmlns:media="${_MEDIA_NS}"` : ''}>`,
    '  <channel>',
    viewScriptElement(model, '    '),
    `    ${element('title', model.title, plain)}`,
    `    ${element('link', model.homeUrl)}`,
    `    ${element('description', model.description, plain)}`,
    `    ${element('language', model.language)}`,
    `    ${element('lastBuildDate', formatRfc822(model.updated, model.timeZone))}`,
    '    <generator>kanal</generator>',
    `    <atom:link href="${escapeXml(model.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...feedLinks(model, 'rss').map(
      (link) => `    <atom:link href="${escapeXml(link.href)}" rel="${link.rel}"/>`,
    ),
    model.archive?.isArchive && '    <fh:archive/>',
    ...model.items.map((item) => _item(item, model.timeZone)),
    '  </channel>',
    '</rss>',
    '',
  ]
  return lines.filter(Boolean).join('\n')
}

function _item(item: FeedItem, timeZone: string): string {
  const permalink = item.id === item.url
  const lines = [
    '    <item>',
    `      ${element('title', item.title, plain)}`,
    `      ${element('link', item.url)}`,
    `      ${element('guid', item.id, escapeXml, permalink ? '' : ' isPermaLink="false"')}`,
    `      ${element('pubDate', formatRfc822(item.published, timeZone))}`,
    `      ${element('description', item.summary, escapeTextAsHtml)}`,
    // An empty body gets no content element: readers then show the description.
    item.html && `      ${element('content:encoded', item.html)}`,
    ...item.categories.map((category) => `      ${element('category', category, plain)}`),
    // RSS <author> must hold an e-mail address; a name alone goes to dc:creator.
    item.author?.email
      ? `      ${element('author', `${item.author.email} (${item.author.name})`, plain)}`
      : item.author && `      ${element('dc:creator', item.author.name, plain)}`,
    ...(item.image ? _image(item.image) : []),
    '    </item>',
  ]
  return lines.filter(Boolean).join('\n')
}

/** Media RSS, declared only in feeds with an image (https://www.rssboard.org/media-rss). */
const _MEDIA_NS = 'http://search.yahoo.com/mrss/'

/**
 * An article image: the enclosure (with the published file's real size, or 0 for an image kanal does
 * not read, as the RSS Advisory Board advises), and Media RSS for aggregators that pick the picture
 * from there. A local image whose file could not be read gets no enclosure, which needs a size.
 */
function _image(image: ItemImage): string[] {
  const url = escapeXml(image.url)
  const type = image.type ?? 'image/jpeg'
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  return [
    image.unreadable ? '' : `      <enclosure url="${url}" length="${image.length ?? 0}" type="${type}"/>`,
    `      <media:content url="${url}" medium="image" type="${type}"${image.length !== undefined ? ` fileSize="${image.length}"` : ''}${size}/>`,
    `      <media:thumbnail url="${url}"${size}/>`,
  ]
}
