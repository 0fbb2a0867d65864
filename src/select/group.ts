import type { Article } from '../content/article.js'
import { toSlug } from '../slug.js'

/**
 * Articles (newest first) grouped by the slug of a category or tag, in slug order. A group is named
 * by its first article's spelling and holds the articles that spell it so; other spellings of the
 * slug, and names without one, are errors that `SpellingCheck` reports.
 */
export function groupBySlug(articles: Article[], namesOf: (article: Article) => string[]) {
  const groups = new Map<string, { name: string; items: Article[] }>()
  const slugs = new Map<string, string>()
  for (const article of articles) {
    for (const name of namesOf(article)) {
      const slug = slugs.get(name) ?? toSlug(name)
      slugs.set(name, slug)
      if (slug === '') continue
      const group = groups.get(slug)
      if (!group) groups.set(slug, { name, items: [article] })
      else if (group.name === name) group.items.push(article)
    }
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
