import { ContentError } from '../errors.js'
import type { Article } from './article.js'

/**
 * Finds articles whose URL or id equals an earlier one's, over articles given one at a time in file
 * order. Slugs alone may repeat: with a permalink like `/:year/:month/:day/:slug/` or an own `url`, two
 * articles with one slug still get different URLs and ids, and only equal URLs or ids clash (in a
 * reader or on the site). It keeps each claimed value and the file that claimed it, not the articles.
 */
export class DuplicateCheck {
  readonly #ids = new Map<string, string>()
  readonly #urls = new Map<string, string>()
  // Claimed values map to `file:line` of the key that claimed them.

  /** The error for `article` when it takes a URL or id an earlier article has; otherwise it claims them. */
  add(article: Article): ContentError | undefined {
    // A URL made from the slug usually comes with an id made from it: one message per article is enough.
    return _taken(article, 'url', article.url, this.#urls) ?? _taken(article, 'id', article.id, this.#ids)
  }
}

/** An error when `value` is already used by an earlier article; otherwise it is claimed for this one. */
function _taken(
  article: Article,
  key: 'id' | 'url',
  value: string,
  seen: Map<string, string>,
): ContentError | undefined {
  const first = seen.get(value)
  const line = article.keyLines?.[key]
  if (first === undefined) {
    seen.set(value, line === undefined ? article.source.file : `${article.source.file}:${line}`)
    return undefined
  }
  return new ContentError(
    { file: article.source.file, ...(line === undefined ? {} : { line }) },
    `${key} "${value}" is already used by ${first}: give one of them its own ${key === 'url' ? 'url or slug' : 'id'}`,
  )
}
