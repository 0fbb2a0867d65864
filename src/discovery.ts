import { findArticles } from './content/find.js'
import { loadArticles } from './content/load.js'
import { byLocation, type ContentError } from './errors.js'
import { feedBaseUrl, feedUrls } from './feed-model.js'
import type { BuildOptions } from './options.js'
import { FeedSieve } from './select.js'
import { resolveSettings } from './settings.js'
import { renderDiscoveryLinks } from './views/discovery-links.js'

/** What to make discovery tags for: the build's inputs, and whether category feeds are wanted. */
export interface DiscoveryOptions
  extends Pick<BuildOptions, 'cwd' | 'config' | 'content' | 'siteUrl' | 'now' | 'drafts' | 'future'> {
  /** Also the category feeds the content has (reads the content's front matter). */
  categories?: boolean
}

/** The tags, one per line, and the content problems met on the way (only with `categories`). */
export interface DiscoveryResult {
  /** `<link rel="alternate" …>` lines: RSS, Atom and JSON Feed of the main feed, then of each category feed. */
  tags: string[]
  errors: ContentError[]
}

/**
 * The `<link rel="alternate">` tags of the site's feeds, for pasting into a layout's `<head>`. They
 * carry the URLs a build writes into the feeds (`siteUrl`, `feedPath`), and category feeds are the
 * ones a build of the same content would write. A bad config throws `UsageError`.
 */
export async function discoveryTags(options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const settings = await resolveSettings(options)
  const { config } = settings
  const base = feedBaseUrl(config)
  const main = { title: config.title, urls: feedUrls(base, '') }
  if (!options.categories) return { tags: renderDiscoveryLinks([main]), errors: [] }
  const sieve = new FeedSieve(config, {
    now: settings.now,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
  })
  // The articles the build reads: a generator's list pages and a multilingual site's translations are none.
  const site = { languages: config.languages, notes: [] }
  const files = await findArticles(settings.contentDir, settings.cwd, config.from, undefined, site)
  const input = { contentDir: settings.contentDir, files, config, cwd: settings.cwd }
  const content = await loadArticles(input, (article) => sieve.add(article))
  const selection = sieve.select()
  const categories = selection.feeds
    .filter((feed) => !feed.archive?.isArchive && feed.folder.startsWith(`${config.categoryPath}/`))
    .map((feed) => ({ title: feed.title, urls: feedUrls(base, feed.folder) }))
  return {
    tags: renderDiscoveryLinks([main, ...categories]),
    errors: [...content.errors, ...selection.errors].sort(byLocation),
  }
}
