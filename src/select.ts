import type { Config } from './config.js'
import type { Article } from './content/article.js'
import { ContentError } from './errors.js'
import { toSlug } from './slug.js'

/** One feed to write (in every format): which articles it shows, newest first. */
export interface FeedSelection {
  /** Output folder below the output root: '' for the main feed, `kategorie/politik/` for a category. */
  folder: string
  /** Feed title. */
  title: string
  /** Feed description. */
  description: string
  /** The articles shown, newest first, at most `limit`. */
  items: Article[]
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

/** Decides which articles each feed shows, before anything is rendered. */
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
  const feeds: FeedSelection[] = [
    { folder: '', title: config.title, description: config.description, items: shown.slice(0, config.limit) },
  ]
  if (!config.categoryFeeds) return { feeds, errors: [] }
  const { groups, errors } = _groupByCategory(shown)
  for (const [slug, group] of groups) {
    feeds.push({
      folder: `${config.categoryPath}/${slug}/`,
      title: `${config.title} – ${group.name}`,
      description: `${config.description} – ${group.name}`,
      items: group.items.slice(0, config.limit),
    })
  }
  return { feeds, errors }
}

/** Newest first; ties by slug, so the order never depends on the file system. */
export function byNewest(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}

/** Groups articles by category slug; two spellings that share a slug are an error. */
function _groupByCategory(articles: Article[]) {
  const groups = new Map<string, { name: string; file: string; items: Article[] }>()
  const errors: ContentError[] = []
  for (const article of articles) {
    for (const name of article.categories) {
      const slug = toSlug(name)
      const group = groups.get(slug)
      if (!group) {
        groups.set(slug, { name, file: article.source.file, items: [article] })
      } else if (group.name !== name) {
        errors.push(
          new ContentError(
            { file: article.source.file },
            `category "${name}" has the same URL slug "${slug}" as "${group.name}" (in ${group.file}): use one spelling`,
          ),
        )
      } else {
        group.items.push(article)
      }
    }
  }
  return { groups: new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), errors }
}
