import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { StateError } from '../errors.js'
import { removeAbandoned } from './_abandoned.js'
import { ArticleIndex } from './_article-index.js'
import { HtmlStore } from './_html-store.js'
import type { KnownEntries } from './_index-file.js'
import { readSecret } from './_seal.js'

/** A cache folder kanal can use, and its secret (`readSecret`). */
export interface CacheFolder {
  dir: string
  secret: Buffer | undefined
  /** False for a build that writes nothing (`kanal check`): the cache is only read. */
  writes: boolean
}

/**
 * The cache folder `dir` when kanal can use it: made for a build that writes. A folder kanal cannot make or write (a file in its place, no permission, a read-only disk)
 * is the environment's matter, not the content's: a warning, and the build goes on without a cache.
 * A build that writes nothing only reads a cache that is there, and makes nothing.
 */
export function openCacheFolder(
  dir: string | undefined,
  writes: boolean,
  warnings: StateError[],
): CacheFolder | undefined {
  if (dir === undefined) return undefined
  try {
    if (!writes) {
      return statSync(dir, { throwIfNoEntry: false })?.isDirectory()
        ? { dir, secret: readSecret(dir, false), writes }
        : undefined
    }
    mkdirSync(dir, { recursive: true })
    return { dir, secret: readSecret(dir, true), writes }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === undefined) throw error
    const where = { file: path.relative(process.cwd(), dir) || dir }
    const reason = `cannot use the cache folder (${code}: ${_why(code)}); building without the cache. Pass --cache-dir <folder> or --no-cache`
    warnings.push(new StateError(where, reason, { cause: error }))
    return undefined
  }
}

function _why(code: string): string {
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file stands where a folder must be'
  if (code === 'EACCES' || code === 'EPERM') return 'no permission'
  if (code === 'EROFS') return 'the disk is read-only'
  return 'the file system refused'
}

/**
 * The persistent cache in its own folder: validated articles per file (`ArticleIndex`) and rendered
 * bodies per render key (`HtmlStore`). A damaged or foreign cache is ignored with a warning.
 */
export class ArticleCache {
  /** Problems reading the cache (warnings: the build goes on without it). */
  readonly warnings: StateError[] = []
  readonly index: ArticleIndex
  readonly html: HtmlStore
  readonly #folder: CacheFolder | undefined

  /**
   * The cache in `folder` for a build with `config`; `undefined` gives one that keeps nothing
   * (`--no-cache`). `known`: the index starts from these entries (`ArticleIndex`).
   */
  constructor(folder: CacheFolder | undefined, config: unknown, known?: KnownEntries) {
    this.#folder = folder
    const cache = { secret: folder?.secret, writes: folder?.writes ?? false }
    this.index = new ArticleIndex(folder?.dir, config, cache, this.warnings, known)
    this.html = new HtmlStore(folder?.dir, cache)
  }

  /** Writes what this build learned; entries and bodies this build did not use are dropped. */
  save(): void {
    if (!this.#folder?.writes) return
    // A rebuild that changed nothing writes nothing. Entries validated again with a changed config
    // may read the same: then the header's config key must still move.
    if (!this.index.changed && this.html.added === 0 && this.index.sameConfig) return
    this.html.save()
    removeAbandoned(this.#folder.dir)
    this.index.save()
  }

  /** Removes a first build's half-written index and new bodies when the build does not save them (it failed). */
  discard(): void {
    this.index.discard()
    this.html.discard()
  }
}
