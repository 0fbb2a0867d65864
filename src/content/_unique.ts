import { ContentError } from '../errors.js'
import type { Article } from './article.js'

/**
 * Finds articles that share a slug, an id or a URL with an earlier one, over articles given one at a
 * time in file order. It keeps each claimed value and the file that claimed it, not the articles.
 */
export class DuplicateCheck {
  readonly #slugs = new Map<string, string>()
  readonly #ids = new Map<string, string>()
  readonly #urls = new Map<string, string>()
  // Claimed values map to `file:line` of the key that claimed them.

  /** The error for `article` when it takes a value an earlier article has; otherwise it claims them. */
  add(article: Article): ContentError | undefined {
    // The slug decides the default id and URL: one message per article is enough.
    return (
      _taken(article, 'slug', article.slug, this.#slugs) ??
      _taken(article, 'id', article.id, this.#ids) ??
      _taken(article, 'url', article.url, this.#urls)
    )
  }
}

/** An error when `value` is already used by an earlier article; otherwise it is claimed for this one. */
function _taken(
  article: Article,
  key: 'slug' | 'id' | 'url',
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
    `${key} "${value}" is already used by ${first}: give one of them its own ${key === 'url' ? 'url or slug' : key}`,
  )
}
