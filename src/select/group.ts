import type { Article } from '../content/article.js'

/**
 * Articles (newest first) grouped by the slug (`slugOf`) of a category or tag, in slug order: every
 * spelling of a slug makes one group, named `nameOf(slug)` (see `SpellingCheck`), and an article that
 * uses two spellings of it is in the group once. Names without a slug make no group.
 */
export function groupBySlug(
  articles: Article[],
  namesOf: (article: Article) => string[],
  slugOf: (name: string) => string,
  nameOf: (slug: string) => string,
) {
  const groups = new Map<string, { name: string; items: Article[] }>()
  for (const article of articles) {
    for (const slug of new Set(namesOf(article).map(slugOf))) {
      if (slug === '') continue
      const group = groups.get(slug)
      if (!group) groups.set(slug, { name: nameOf(slug), items: [article] })
      else group.items.push(article)
    }
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
