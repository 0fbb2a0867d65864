import path from 'node:path'
import type { Config } from '../config.js'
import type { Article } from '../content/article.js'
import { withoutLanguage } from '../content/languages.js'
import { conventionsFor } from '../sites/conventions-for.js'

/** An article another one may link to by its file: where the file is, and the article's URL. */
export interface LinkTarget {
  /** The file's path with `/` (as read: absolute when the content folder is). */
  path: string
  /** Path for messages. */
  file: string
  url: string
}

/**
 * Every valid article of the build by its file, for the links between articles that a site's template
 * code writes by file (`{% post_url %}`, `{{< ref >}}`). Filled in file order while the articles are
 * loaded, before the sieve drops those no feed shows: a link may name any article of the site. Only a
 * site whose bodies hold template code needs it; for any other the lists stay empty.
 */
export class LinkTargets {
  readonly #wanted: boolean
  readonly #languages: readonly string[] | undefined
  /** By lower-cased path without the extension (Hugo finds pages case-insensitively). */
  readonly #byStem = new Map<string, LinkTarget[]>()
  /** By lower-cased file name without extension; an `index` file by its folder's name (a page bundle). */
  readonly #byName = new Map<string, LinkTarget[]>()
  readonly #all: LinkTarget[] = []

  constructor(config: Config) {
    const templates = conventionsFor(config.from)?.templates
    this.#wanted = templates !== undefined && templates !== 'none'
    this.#languages = config.languages
  }

  /** Whether the site's bodies may link articles by file (it has template code): else none is kept. */
  get wanted(): boolean {
    return this.#wanted
  }

  /** Every target taken, in order (none unless `wanted`). */
  get all(): readonly LinkTarget[] {
    return this.#all
  }

  /** Takes the next article. */
  add(article: Article): void {
    if (!this.#wanted) return
    const file = article.source.path.split(path.sep).join('/')
    this.addTarget({ path: file, file: article.source.file, url: article.url })
  }

  /** Takes a target as `add` makes it from an article (a rebuild that takes the last selection gives them back). */
  addTarget(target: LinkTarget): void {
    if (!this.#wanted) return
    this.#all.push(target)
    const file = target.path
    // A multilingual site's `x.de.md` is linked as `x.md` too, as Hugo finds a page in its own language.
    const page = withoutLanguage(file, this.#languages)
    for (const named of page === file ? [file] : [file, page]) {
      const stem = stemOf(named).toLowerCase()
      _push(this.#byStem, stem, target)
      const name = path.posix.basename(stem)
      _push(this.#byName, name === 'index' ? path.posix.basename(path.posix.dirname(stem)) : name, target)
    }
  }

  /** The articles whose file is at `stem` (a path with `/`, without the extension), in any case. */
  atStem(stem: string): LinkTarget[] {
    return this.#byStem.get(stem.toLowerCase()) ?? []
  }

  /** The articles whose file (or page bundle folder) has this name, without extension, in any case. */
  named(name: string): LinkTarget[] {
    return this.#byName.get(name.toLowerCase()) ?? []
  }
}

/** A path without its file extension (`a/b.md` → `a/b`; `a/.x` stays). */
export function stemOf(file: string): string {
  const extension = path.posix.extname(file)
  return extension === '' ? file : file.slice(0, -extension.length)
}

function _push(map: Map<string, LinkTarget[]>, key: string, target: LinkTarget): void {
  const list = map.get(key)
  if (list) list.push(target)
  else map.set(key, [target])
}
