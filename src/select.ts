import type { Config } from './config.js'
import type { Article } from './content/article.js'
import type { ContentError } from './errors.js'
import { archivePages } from './select/archive.js'
import { groupBySlug } from './select/group.js'

/** How a feed page links to the rest of its archive (RFC 5005). Folders below the output root. */
export interface ArchiveLinks {
  /** This page is an archive page (`fh:archive`), not the subscription feed. */
  isArchive: boolean
  /** The subscription feed's folder (`rel="current"`), on archive pages. */
  current?: string
  /** The next older archive page. */
  prev?: string
  /** The next newer archive page. */
  next?: string
}

/** One feed to write (in every format): which articles it shows, newest first. */
export interface FeedSelection {
  /** Output folder below the output root: '' for the main feed, `kategorie/politik/` for a category. */
  folder: string
  /** Feed title. */
  title: string
  /** Feed description. */
  description: string
  /** The articles shown, newest first. */
  items: Article[]
  /** Archive links, when archives are on. */
  archive?: ArchiveLinks
}

/** What is left out of feeds. */
export interface SelectOptions {
  /** Articles dated after this are left out unless `future`. */
  now: Date
  /** Include `draft: true` articles. */
  drafts: boolean
  /** Include articles dated after `now`. */
  future: boolean
}

/** Decides which articles each feed (and archive page) shows, before anything is rendered. */
export function selectFeeds(
  articles: Article[],
  config: Config,
  options: SelectOptions,
): { feeds: FeedSelection[]; errors: ContentError[] } {
  const shown = articles
    .filter(
      (article) => (options.drafts || !article.draft) && (options.future || article.date <= options.now),
    )
    .sort(byNewest)
  const feeds = _feedSet(config, '', config.title, config.description, shown)
  const errors: ContentError[] = []
  const groupings = [
    {
      enabled: config.categoryFeeds,
      path: config.categoryPath,
      of: (article: Article) => article.categories,
    },
    { enabled: config.tagFeeds, path: config.tagPath, of: (article: Article) => article.tags },
  ]
  for (const grouping of groupings) {
    if (!grouping.enabled) continue
    const groups = groupBySlug(shown, grouping.of)
    errors.push(...groups.errors)
    for (const [slug, group] of groups.groups) {
      const title = `${config.title} – ${group.name}`
      const description = `${config.description} – ${group.name}`
      feeds.push(..._feedSet(config, `${grouping.path}/${slug}/`, title, description, group.items))
    }
  }
  return { feeds, errors }
}

/** The subscription feed of a folder and, with archives on, its archive pages. */
function _feedSet(config: Config, folder: string, title: string, description: string, items: Article[]) {
  const feed: FeedSelection = { folder, title, description, items: items.slice(0, config.limit) }
  if (!config.archive) return [feed]
  const pages = archivePages(items, config.limit, folder)
  feed.archive = { isArchive: false, ...(pages.length > 0 ? { prev: pages.at(-1)?.folder } : {}) }
  return [feed, ...pages.map((page) => ({ ...page, title, description }))]
}

/** Newest first; ties by slug, so the order never depends on the file system. */
export function byNewest(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}
