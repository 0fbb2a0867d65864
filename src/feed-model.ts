import type { Config } from './config.js'
import type { Article } from './content/article.js'
import type { ReadImages } from './media/image-files.js'
import type { FeedItem, FeedModel, FeedUrls, ItemImage, RenderedArticle } from './model.js'
import type { FeedSelection } from './select.js'

/** File names of a feed's three formats, inside its folder. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const

/** File names of the site-wide views, in the output root. */
export const VIEW_FILES = { script: 'feed-view.js', index: 'index.html', opml: 'feeds.opml' } as const

/** Builds the format-neutral model of one feed from its selection and the rendered bodies. */
export function toFeedModel(
  selection: FeedSelection,
  rendered: Map<Article, RenderedArticle>,
  config: Config,
  now: Date,
  images?: Pick<ReadImages, 'facts' | 'unreadable' | 'located'>,
): FeedModel {
  const items = selection.items.map((article) => _toItem(article, rendered, images))
  const newest = Math.max(...items.map((item) => item.updated.getTime()))
  const links = selection.archive
  return {
    title: selection.title,
    description: selection.description,
    language: config.language,
    timeZone: config.timeZone,
    homeUrl: config.siteUrl,
    urls: feedUrls(feedBaseUrl(config), selection.folder),
    updated: items.length > 0 ? new Date(newest) : (selection.updatedWhenEmpty ?? now),
    ...(config.author ? { author: config.author } : {}),
    items,
    hubs: config.hubs,
    ...(config.browserView
      ? { viewScript: `${'../'.repeat(_depth(selection.folder))}${VIEW_FILES.script}` }
      : {}),
    ...(links
      ? {
          archive: {
            isArchive: links.isArchive,
            ...(links.current !== undefined ? { current: feedUrls(feedBaseUrl(config), links.current) } : {}),
            ...(links.prev !== undefined ? { prev: feedUrls(feedBaseUrl(config), links.prev) } : {}),
            ...(links.next !== undefined ? { next: feedUrls(feedBaseUrl(config), links.next) } : {}),
          },
        }
      : {}),
  }
}

/**
 * The URL of the output folder as published: `feedPath` below the site URL. Every link to a feed or
 * view starts here; article links do not (they follow `permalink`).
 */
export function feedBaseUrl(config: Pick<Config, 'siteUrl' | 'feedPath'>): string {
  return new URL(`.${config.feedPath}`, config.siteUrl).href
}

/** Absolute URLs of a feed folder's three formats; `baseUrl` is the output folder's (`feedBaseUrl`). */
export function feedUrls(baseUrl: string, folder: string): FeedUrls {
  const base = new URL(folder, baseUrl).href
  return {
    rss: new URL(FEED_FILES.rss, base).href,
    atom: new URL(FEED_FILES.atom, base).href,
    json: new URL(FEED_FILES.json, base).href,
  }
}

function _depth(folder: string): number {
  return folder.split('/').filter(Boolean).length
}

function _toItem(
  article: Article,
  rendered: Map<Article, RenderedArticle>,
  images: Pick<ReadImages, 'facts' | 'unreadable' | 'located'> | undefined,
): FeedItem {
  const body = rendered.get(article)
  if (!body) throw new Error(`kanal bug: ${article.source.file} was selected but not rendered`)
  // A relative image found beside the article file is published at its own URL (see readImages).
  const image = images?.located.get(article) ?? article.image
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    summary: body.summary,
    html: body.html,
    published: article.date,
    updated: article.updated,
    categories: article.categories,
    tags: article.tags,
    ...(article.author ? { author: article.author } : {}),
    ...(image ? { image: _withFacts(toImage(image), images) } : {}),
  }
}

/** The image with what its published file told (size, pixels), or marked unreadable. */
function _withFacts(
  image: ItemImage,
  images: Pick<ReadImages, 'facts' | 'unreadable'> | undefined,
): ItemImage {
  if (images?.unreadable.has(image.url)) return { ...image, unreadable: true }
  return { ...image, ...images?.facts.get(image.url) }
}

const _IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

/** An image URL with the media type its extension tells (`.jpg` → `image/jpeg`, never `image/jpg`). */
export function toImage(url: string): ItemImage {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase()
  const type = extension ? _IMAGE_TYPES[extension] : undefined
  return type ? { url, type } : { url }
}
