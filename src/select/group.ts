import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import { toSlug } from '../slug.js'

/** Articles grouped by the slug of a category or tag, in slug order; spellings sharing a slug are an error. */
export function groupBySlug(articles: Article[], namesOf: (article: Article) => string[]) {
  const groups = new Map<string, { name: string; file: string; items: Article[] }>()
  const errors: ContentError[] = []
  const slugs = new Map<string, string>()
  for (const article of articles) {
    for (const name of namesOf(article)) {
      const slug = slugs.get(name) ?? toSlug(name)
      slugs.set(name, slug)
      const group = groups.get(slug)
      if (slug === '') {
        errors.push(
          new ContentError(
            { file: article.source.file },
            `"${name}" has no letter or digit to make a URL from: give it a name with letters`,
          ),
        )
      } else if (!group) {
        groups.set(slug, { name, file: article.source.file, items: [article] })
      } else if (group.name !== name) {
        errors.push(
          new ContentError(
            { file: article.source.file },
            `"${name}" has the same URL slug "${slug}" as "${group.name}" (in ${group.file}): use one spelling`,
          ),
        )
      } else {
        group.items.push(article)
      }
    }
  }
  return { groups: new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), errors }
}
