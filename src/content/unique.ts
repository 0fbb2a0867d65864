import { ContentError } from '../errors.js'
import type { Article } from './article.js'

/** Reports articles that share a slug, an id or a URL with an earlier one. */
export function findDuplicates(articles: Article[]): ContentError[] {
  const errors: ContentError[] = []
  const seen = {
    slug: new Map<string, string>(),
    id: new Map<string, string>(),
    url: new Map<string, string>(),
  }
  for (const article of articles) {
    for (const key of ['slug', 'id', 'url'] as const) {
      const first = seen[key].get(article[key])
      if (first === undefined) {
        seen[key].set(article[key], article.source.file)
        continue
      }
      errors.push(
        new ContentError(
          { file: article.source.file },
          `${key} "${article[key]}" is already used by ${first}: give one of them its own ${key === 'url' ? 'url or slug' : key}`,
        ),
      )
      break // the slug decides the default id and URL: one message per article is enough
    }
  }
  return errors
}
