import type { Person } from '../person.js'
import type { SourceFile } from './source.js'

/** A validated article: every field checked and normalised, the body not yet read. */
export interface Article {
  /** Where it came from; the body is read from here only if a feed shows the article. */
  source: SourceFile
  /** URL path segment, unique in the site. */
  slug: string
  /** Plain-text title. */
  title: string
  /** Publication instant. */
  date: Date
  /** Last change; equals `date` unless the front matter says otherwise. */
  updated: Date
  /** The front matter's summary (inline Markdown, rendered only if a feed shows the article). */
  summary?: string
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
  /** File lines of the `slug`, `id`, `url` and `date` keys (or, where a key is absent, of the line to add it), for clash and publish-guard errors. */
  keyLines?: { slug?: number; id?: number; url?: number; date?: number }
}
