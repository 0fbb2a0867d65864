import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import { byNewest } from './newest.js'

/** A slug's spellings: which one the newest article uses, and where each is used, in the order seen. */
interface _Slug {
  newest: { article: Article; name: string }
  uses: Map<string, { files: string[]; order: number[] }>
}

/**
 * Finds category (or tag) names that share a URL slug, over articles given one at a time: the spelling
 * of the newest article is the slug's name, every other spelling is an error at the articles using it.
 * It keeps the files that use each spelling, not the articles.
 */
export class SpellingCheck {
  readonly #slugs = new Map<string, _Slug>()
  /** Names without a letter or digit, where they are used. */
  readonly #empty: { order: number; error: ContentError }[] = []
  #seen = 0

  /** Notes that `article` uses `name`, whose slug is `slug` (articles in file order, names in their order). */
  add(article: Article, name: string, slug: string): void {
    const order = this.#seen++
    const file = article.source.file
    if (slug === '') {
      const reason = `"${name}" has no letter or digit to make a URL from: give it a name with letters`
      this.#empty.push({ order, error: new ContentError({ file }, reason) })
      return
    }
    const known = this.#slugs.get(slug)
    if (!known) {
      const uses = new Map([[name, { files: [file], order: [order] }]])
      this.#slugs.set(slug, { newest: { article, name }, uses })
      return
    }
    // Articles come in file order: of two equally new ones, the first keeps the slug's spelling.
    if (byNewest(article, known.newest.article) < 0) known.newest = { article, name }
    const use = known.uses.get(name)
    if (use) {
      use.files.push(file)
      use.order.push(order)
    } else known.uses.set(name, { files: [file], order: [order] })
  }

  /** One error per use of a name that is not its slug's spelling, and per name without a slug, as seen. */
  errors(): ContentError[] {
    const found = [...this.#empty]
    for (const [slug, { newest, uses }] of this.#slugs) {
      for (const [name, { files, order }] of uses) {
        if (name === newest.name) continue
        const reason = `"${name}" has the same URL slug "${slug}" as "${newest.name}" (in ${newest.article.source.file}): use one spelling`
        for (const [index, file] of files.entries()) {
          found.push({ order: order[index] ?? 0, error: new ContentError({ file }, reason) })
        }
      }
    }
    return found.sort((a, b) => a.order - b.order).map((use) => use.error)
  }
}
