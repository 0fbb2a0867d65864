import { ContentError } from '../errors.js'
import type { Article } from './article.js'

/** Reports articles that share a slug, an id or a URL with an earlier one. */
export function findDuplicates(articles: Article[]): ContentError[] {
  const errors: ContentError[] = []
  const slugs = new Map<string, string>()
  const ids = new Map<string, string>()
  const urls = new Map<string, string>()
  for (const article of articles) {
    // The slug decides the default id and URL: one message per article is enough.
    const problem =
      _taken(article, 'slug', article.slug, slugs) ??
      _taken(article, 'id', article.id, ids) ??
      _taken(article, 'url', article.url, urls)
    if (problem) errors.push(problem)
  }
  return errors
}

/** An error when `value` is already used by an earlier article; otherwise it is claimed for this one. */
function _taken(
  article: Article,
  key: 'slug' | 'id' | 'url',
  value: string,
  seen: Map<string, string>,
): ContentError | undefined {
  const first = seen.get(value)
  if (first === undefined) {
    seen.set(value, article.source.file)
    return undefined
  }
  return new ContentError(
    { file: article.source.file },
    `${key} "${value}" is already used by ${first}: give one of them its own ${key === 'url' ? 'url or slug' : key}`,
  )
}
