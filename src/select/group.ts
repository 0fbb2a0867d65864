import type { Article } from '../content/article.js'

/**
 * Articles (newest first) grouped by the slug (`slugOf`) of a category or tag, in slug order. A group
 * is named by its first article's spelling and holds the articles that spell it so; other spellings
 * of the slug, and names without one, are errors that `SpellingCheck` reports.
 */
export function groupBySlug(
  articles: Article[],
  namesOf: (article: Article) => string[],
  slugOf: (name: string) => string,
) {
  const groups = new Map<string, { name: string; items: Article[] }>()
  for (const article of articles) {
    for (const name of namesOf(article)) {
      const slug = slugOf(name)
      if (slug === '') continue
      const group = groups.get(slug)
      if (!group) groups.set(slug, { name, items: [article] })
      else if (group.name === name) group.items.push(article)
    }
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
