/** One item of a feed as it was published: what a subscriber's reader remembers it by. */
export interface PublishedItem {
  /** RSS `guid` (else `link`), Atom `id`, JSON Feed `id`. */
  id: string
  /** Absolute link to the article, when the feed gives one. */
  link?: string
  title?: string
  /** RSS `pubDate`, Atom `published`, JSON `date_published`. */
  published?: Date
  /** Atom `updated`, JSON `date_modified`. */
  updated?: Date
  /** The full content or, without one, the summary, as the feed holds it. */
  content?: string
}

/** A feed as it was published: where it was read, its format and its items. */
export interface PublishedFeed {
  /** What was read: a file path or URL, for messages. */
  source: string
  format: 'rss' | 'atom' | 'json'
  items: PublishedItem[]
}
