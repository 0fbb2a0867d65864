import type { Article } from '../content/article.js'
import { ContentError, type Location } from '../errors.js'
import { byNewest } from './newest.js'

/** One spelling of a slug: how many articles use it, the newest of them, and where it was first used. */
interface _Use {
  name: string
  count: number
  newest: Article
  /** When the newest was seen: of equally new articles the first in file order decides a tie. */
  newestOrder: number
  order: number
  first: Location
}

/** What the spellings of category (or tag) names come to: each slug's name, and what was merged. */
export interface Spellings {
  /** The name of each slug's category: its most used spelling (a tie: the newest article's). */
  names: Map<string, string>
  /** Names without a letter or digit, at the line of the key. */
  errors: ContentError[]
  /** Different words merged because they share a slug, one per word, at its first use. */
  warnings: ContentError[]
  /** Spellings of one word merged (case, white space, Unicode normalisation), one per category. */
  notes: ContentError[]
}

/**
 * Collects the spellings of category (or tag) names per URL slug, over articles given one at a time.
 * Every spelling of a slug makes one category: spellings of one word (`FOSSGIS`, `fossgis`) quietly,
 * with a note; different words that happen to share a slug (`Wirtschaft & Finanzen`, `Wirtschaft und
 * Finanzen`) with a warning naming both. It keeps counts and one article per spelling, not the articles.
 */
export class SpellingCheck {
  readonly #kind: 'category' | 'tag'
  readonly #slugs = new Map<string, Map<string, _Use>>()
  readonly #empty: ContentError[] = []
  #seen = 0

  constructor(kind: 'category' | 'tag' = 'category') {
    this.#kind = kind
  }

  /** Notes that `article` uses `name`, whose slug is `slug` (articles in file order, names in their order). */
  add(article: Article, name: string, slug: string): void {
    const order = this.#seen++
    const line = article.keyLines?.[this.#kind === 'category' ? 'categories' : 'tags']
    const where: Location = { file: article.source.file, ...(line === undefined ? {} : { line }) }
    if (slug === '') {
      const reason = `"${name}" has no letter or digit to make a URL from: give it a name with letters`
      this.#empty.push(new ContentError(where, reason))
      return
    }
    let uses = this.#slugs.get(slug)
    if (!uses) {
      uses = new Map()
      this.#slugs.set(slug, uses)
    }
    const use = uses.get(name)
    if (!use) uses.set(name, { name, count: 1, newest: article, newestOrder: order, order, first: where })
    else {
      use.count++
      // Articles come in file order: of two equally new ones, the first stays the newest.
      if (byNewest(article, use.newest) < 0) {
        use.newest = article
        use.newestOrder = order
      }
    }
  }

  /** Each slug's name, and the errors, warnings and notes about its spellings. */
  spellings(): Spellings {
    const result: Spellings = { names: new Map(), errors: [...this.#empty], warnings: [], notes: [] }
    for (const [slug, uses] of this.#slugs) {
      const ranked = [...uses.values()].sort(
        (a, b) => b.count - a.count || byNewest(a.newest, b.newest) || a.newestOrder - b.newestOrder,
      )
      const chosen = ranked[0] as _Use
      result.names.set(slug, chosen.name)
      const families = new Map<string, _Use[]>()
      for (const use of ranked) {
        const key = foldSpelling(use.name)
        const family = families.get(key)
        if (family) family.push(use)
        else families.set(key, [use])
      }
      for (const [key, family] of families) {
        const first = family.reduce((a, b) => (b.order < a.order ? b : a))
        if (key !== foldSpelling(chosen.name)) {
          result.warnings.push(new ContentError(first.first, this.#differentWords(family, chosen, slug)))
        } else if (family.length > 1) {
          const others = family.filter((use) => use !== chosen)
          const from = others.reduce((a, b) => (b.order < a.order ? b : a))
          result.notes.push(new ContentError(from.first, this.#oneWord(family, chosen)))
        }
      }
    }
    return result
  }

  #oneWord(family: _Use[], chosen: _Use): string {
    return `${this.#kind} spellings ${_counted(family)} differ only in case, white space or Unicode normalisation: one ${this.#kind}, named "${chosen.name}" (the most used; in a tie, the newest article's)`
  }

  #differentWords(family: _Use[], chosen: _Use, slug: string): string {
    const where = `${chosen.first.file}${chosen.first.line === undefined ? '' : `:${chosen.first.line}`}`
    return `${this.#kind} ${_counted(family)} has the same URL slug "${slug}" as "${chosen.name}" (${_articles(chosen.count)}, first in ${where}): both are shown as one ${this.#kind}, "${chosen.name}"; rename one to keep them apart`
  }
}

/**
 * The form in which spellings of one word are equal: Unicode NFC (composed `ü` = `u` + combining
 * diaeresis), lower case, runs of white space as one space, none at the ends.
 */
export function foldSpelling(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
}

function _counted(uses: _Use[]): string {
  return uses.map((use) => `"${use.name}" (${_articles(use.count)})`).join(', ')
}

function _articles(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`
}
