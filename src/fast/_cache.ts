import type { StateError } from '../errors.js'
import { removeAbandoned } from './_abandoned.js'
import { ArticleIndex } from './_article-index.js'
import { HtmlStore } from './_html-store.js'

/**
 * The persistent cache in its own folder: validated articles per file (`ArticleIndex`) and rendered
 * bodies per render key (`HtmlStore`). A damaged or foreign cache is ignored with a warning.
 */
export class ArticleCache {
  /** Problems reading the cache (warnings: the build goes on without it). */
  readonly warnings: StateError[] = []
  readonly index: ArticleIndex
  readonly html: HtmlStore
  readonly #dir: string | undefined

  /** The cache in `dir` for a build with `config`; `undefined` gives one that keeps nothing (`--no-cache`). */
  constructor(dir: string | undefined, config: unknown) {
    this.#dir = dir
    this.index = new ArticleIndex(dir, config, this.warnings)
    this.html = new HtmlStore(dir)
  }

  /** Writes what this build learned; entries and bodies this build did not use are dropped. */
  async save(): Promise<void> {
    if (!this.#dir) return
    await this.html.settle()
    // A rebuild that changed nothing writes nothing. Entries validated again with a changed config
    // may read the same: then the header's config key must still move.
    if (!this.index.changed && this.html.added === 0 && this.index.sameConfig) return
    this.html.removeUnused()
    removeAbandoned(this.#dir)
    this.index.save()
  }

  /** Removes a first build's half-written index when the build does not save it (it failed). */
  discard(): void {
    this.index.discard()
  }
}
