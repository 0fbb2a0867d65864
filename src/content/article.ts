import type { Person } from '../person.js'
import type { SourceFile } from './source.js'

/** A validated article: every field checked and normalised, the body not yet read. */
export interface Article {
  /** Where it came from; the body is read from here only if a feed shows the article. */
  source: SourceFile
  /** URL path segment; it may repeat when the URLs and ids differ (dated permalinks, own `url`s). */
  slug: string
  /** Plain-text title. */
  title: string
  /** Publication instant. */
  date: Date
  /** Last change; equals `date` unless the front matter says otherwise. */
  updated: Date
  /** The front matter's summary (inline Markdown, rendered only if a feed shows the article). */
  summary?: string
  /** Text that ends the summary in the body (Jekyll's per-post `excerpt_separator`), if the file sets one. */
  excerptSeparator?: string
  /** Categories in the order the author gave them. */
  categories: string[]
  /** Tags in the order the author gave them. */
  tags: string[]
  /** The article's author, or the site's. */
  author?: Person
  /** Absolute canonical URL. */
  url: string
  /** Item id: stable across http/https and `www.`. */
  id: string
  /** Left out of feeds unless drafts are asked for. */
  draft: boolean
  /** Absolute URL of the lead image. */
  image?: string
  /** The lead image as written when it is a relative path: looked for beside the article file (`readImages`). */
  imageReference?: string
  /**
   * File lines of the keys, for clash and publish-guard messages: `slug`, `id`, `url` (an id or URL made
   * from the slug: the slug's), `categories` (`category` or `categories`), `tags`, `image`, `date`; a
   * key that is absent: the line to add it.
   */
  keyLines?: {
    slug?: number
    id?: number
    url?: number
    categories?: number
    tags?: number
    image?: number
    date?: number
  }
}
