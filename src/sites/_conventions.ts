import type { FrontMatter } from '../content/source.js'
import type { Generator } from './generator.js'

/**
 * How a generator's articles differ from kanal's own: which files are articles, which front-matter
 * keys it (and its common themes) uses, and how they map onto kanal's keys. Each generator has one
 * (src/sites/<generator>.ts); the content stage applies it before validating an article.
 */
export interface SiteConventions {
  name: Generator
  /** Front-matter keys the generator or its usual themes use that mean nothing to a feed: accepted silently. */
  knownKeys: ReadonlySet<string>
  /** Whether a file (path below the content folder, with `/`) can be an article at all (Hugo: not `_index.md`). */
  isArticleFile(relative: string): boolean
  /** The front matter in kanal's keys (`pubDate` → `date`, …), or undefined when the page is no article. */
  toKanal(frontMatter: FrontMatter, relative: string): FrontMatter | undefined
  /**
   * The generator's own slug rule, when it publishes slugs kanal's rule refuses: any text (a `slug` or a
   * file name) in the form it puts in the URL (Hugo: `Mein_Artikel` → `mein_artikel`); '' when none.
   */
  slugOf?(text: string): string
  /** The template language bodies may hold: Liquid (`{{ }}`, `{% %}`) or Hugo shortcodes (`{{< >}}`). */
  templates: 'liquid' | 'hugo' | 'none'
  /** `markdown`: titles are shown as inline Markdown (Hugo themes' `.Title | markdownify`). */
  titles?: 'markdown'
}

/** An editable copy of front matter, with helpers that move a generator's key onto kanal's. */
export class FrontMatterDraft {
  readonly data: Record<string, unknown>
  readonly positions: FrontMatter['positions']
  readonly notes: NonNullable<FrontMatter['notes']> = []

  constructor(frontMatter: FrontMatter) {
    this.data = { ...frontMatter.data }
    this.positions = [...frontMatter.positions]
  }

  has(key: string): boolean {
    const value = this.data[key]
    return value !== undefined && value !== null && value !== ''
  }

  /**
   * Gives kanal's `to` the value of `from` (changed by `convert`) when `to` is not set itself; messages
   * about `to` then point at `from`'s line. `from` is removed either way: it is a known key.
   */
  move(from: string, to: string, convert: (value: unknown) => unknown = (value) => value): void {
    if (!this.has(from)) return
    const value = convert(this.data[from])
    delete this.data[from]
    if (this.has(to) || value === undefined) return
    this.data[to] = value
    const position = this.positions.find(([key]) => key === from)
    if (position) this.positions.push([to, position[1], position[2]])
  }

  /** Sets a kanal key the file does not set (the date from a file name): messages point at the first line. */
  fill(key: string, value: unknown): void {
    if (!this.has(key)) this.data[key] = value
  }

  /** A problem of the page kanal reads around (template code it cannot evaluate): a warning at `key`. */
  warn(key: string, reason: string): void {
    this.notes.push({ key, reason })
  }

  done(): FrontMatter {
    return {
      data: this.data,
      positions: this.positions,
      ...(this.notes.length > 0 ? { notes: this.notes } : {}),
    }
  }
}

/** The first text of a list (Hugo `images: [...]`), or the text itself. */
export function firstText(value: unknown): unknown {
  return Array.isArray(value) ? value.find((item) => typeof item === 'string') : value
}

/** A string split at white space (Jekyll reads `categories: a b` as two), anything else unchanged. */
export function splitWords(value: unknown): unknown {
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value
}

/** A mapping's text value (`cover: {image: …}`), or the value when it is text itself. */
export function textIn(value: unknown, key: string): unknown {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = (value as Record<string, unknown>)[key]
    return typeof inner === 'string' ? inner : undefined
  }
  return undefined
}

/** True when a front-matter value is template code (`{{ … }}`, `{% … %}`) kanal cannot evaluate. */
export function isTemplateCode(value: unknown): value is string {
  return typeof value === 'string' && /\{\{|\{%/.test(value)
}
