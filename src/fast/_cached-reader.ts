import type { Config } from '../config.js'
import { readSource } from '../content/read.js'
import type { ArticleFile, ArticleReader, ContentFiles, ReadArticle } from '../content/read-article.js'
import type { SourceFile } from '../content/source.js'
import { ContentError } from '../errors.js'
import type { BuildStats } from '../stats.js'
import type { ArticleCache } from './_cache.js'
import { type FileStats, unknownStats } from './_file-stats.js'
import { type ReadOutcome, toContentError } from './_jobs.js'
import { fromEntryLine } from './_line.js'
import type { JobPool } from './_pool.js'
import { type CachedArticle, fromCachedArticle, toCachedArticle } from './_record.js'

/** A file the cache could not answer, and the hashes it still knows of it. */
type _Miss = { index: number; carry: _Hashes | undefined }
type _Hashes = { fileHash?: string | undefined; bodyHash?: string | undefined }

const _NONE: ContentError[] = []

/**
 * The reader a build with the cache uses: a validated article comes from the cache while its file's
 * size, mtime, ctime and inode (or, failing those, its hash) are unchanged and the config is the same; the rest is
 * read (`readArticle`), on this thread and, for a large first build, on helper threads too. What is
 * read is remembered in the cache.
 */
export class CachedReader {
  /** Stats of each file as its article was read or found in the cache (size NaN: no article). */
  readonly seen: FileStats
  readonly #cache: ArticleCache
  readonly #pool: JobPool
  readonly #stats: BuildStats
  readonly #known: FileStats | undefined

  /** `known`: the files' stats, when they were taken (`statArticles`); without them nothing is reused. */
  constructor(
    count: number,
    known: FileStats | undefined,
    cache: ArticleCache,
    pool: JobPool,
    stats: BuildStats,
  ) {
    this.seen = unknownStats(count)
    this.#known = known
    this.#cache = cache
    this.#pool = pool
    this.#stats = stats
  }

  readonly read: ArticleReader = async (files, config, found) => {
    const deliver = (index: number, result: ReadArticle) => {
      const seen = result.article?.source ?? result.notArticle
      if (seen) {
        this.seen.sizes[index] = seen.size
        this.seen.mtimes[index] = seen.mtimeMs
        this.seen.ctimes[index] = seen.ctimeMs ?? -1
        this.seen.inodes[index] = seen.ino ?? -1
      }
      found(index, result)
    }
    // A first build of a large site reads in helper threads too: start them while the cache is asked.
    if (this.#pool.helps(files.count - this.#cache.index.size)) this.#pool.warmUp()
    const misses: _Miss[] = []
    for (let index = 0; index < files.count; index++) {
      try {
        const hit = this.#known && this.#fromCache(files.at(index), this.#known, index)
        if (hit && 'validated' in hit) deliver(index, hit.validated)
        else misses.push({ index, carry: hit?.carry })
      } catch (error) {
        if (!(error instanceof ContentError)) throw error
        deliver(index, { errors: [error], warnings: _NONE })
      }
    }
    await this.#readMisses(misses, files, config, deliver)
  }

  /**
   * The validated article from the cache while size, mtime, ctime and inode all match; when one does
   * not, the file is read whole and its hash decides (a touched but unchanged file keeps its entry; a
   * changed one whose mtime was set back has a new ctime, and is read). Otherwise the file must be read
   * (it is new, changed, or was validated with another config); for an unchanged file its known hashes
   * come along, so its rendered body is still found.
   */
  #fromCache(
    file: ArticleFile,
    known: FileStats,
    at: number,
  ): { validated: ReadArticle } | { carry: _Hashes } | undefined {
    const index = this.#cache.index
    const previous = index.previous(file.relative)
    if (!previous) return undefined
    const same =
      known.sizes[at] === previous.size &&
      known.mtimes[at] === previous.mtimeMs &&
      known.ctimes[at] === previous.ctimeMs &&
      known.inodes[at] === previous.ino
    if (!index.sameConfig) {
      if (!same) return undefined
      return { carry: { fileHash: previous.fileHash, bodyHash: index.previousBodyHash(file.relative) } }
    }
    if (same) {
      index.keep(file.relative)
      return { validated: this.#fromEntry(previous, file) }
    }
    const read = readSource(file.path, file.file, file.relative, true)
    if (read.fileHash === undefined || read.fileHash !== previous.fileHash) return undefined
    const { size, mtimeMs, ctimeMs = -1, ino = -1 } = read.source
    const entry = { ...previous, size, mtimeMs, ctimeMs, ino }
    index.remember(file.relative, entry)
    const bodyHash = index.previousBodyHash(file.relative)
    if (bodyHash) index.learnBodyHash(file.relative, bodyHash)
    return { validated: this.#fromEntry(entry, file) }
  }

  /**
   * Reads the files the cache could not answer. A share goes to helper threads (not files whose hashes
   * the cache still knows: those stay here); this thread reads its own one after another.
   */
  async #readMisses(
    misses: _Miss[],
    files: ContentFiles,
    config: Config,
    deliver: (index: number, result: ReadArticle) => void,
  ): Promise<void> {
    if (misses.length === 0) return
    const shareable = misses.filter((miss) => miss.carry === undefined)
    const jobsOf = (from: number, to: number) => shareable.slice(from, to).map((miss) => files.at(miss.index))
    const { own, helped } = this.#pool.share(shareable.length, jobsOf, config)
    const here = [...misses.filter((miss) => miss.carry !== undefined), ...shareable.slice(0, own)]
    const { readArticle } = await import('../content/read-article.js')
    for (const { index, carry } of here) {
      const file = files.at(index)
      this.#stats.parsed++
      deliver(index, this.#remembered(file, readArticle(file, config), carry))
    }
    const sent = shareable.slice(own)
    for (const [position, outcome] of (await helped).entries()) {
      const { index } = sent[position] as _Miss
      deliver(index, this.#fromHelper(outcome, files.at(index)))
    }
  }

  /** Only valid articles are kept: a file with errors is read and reported again by every build. */
  #remembered(file: ArticleFile, result: ReadArticle, carry: _Hashes | undefined): ReadArticle {
    const index = this.#cache.index
    if (result.article && result.errors.length === 0 && index.enabled) {
      const fileHash = result.fileHash ?? carry?.fileHash
      index.remember(file.relative, toCachedArticle(result.article, result.warnings, fileHash))
      if (carry?.bodyHash) index.learnBodyHash(file.relative, carry.bodyHash)
    }
    return result
  }

  /** A file a helper thread read: its article from the entry line it made, and its problems. */
  #fromHelper(outcome: ReadOutcome, file: ArticleFile): ReadArticle {
    this.#stats.parsed++
    const errors = outcome.errors.map(toContentError)
    if (outcome.line === undefined) {
      const warnings = outcome.warnings.map(toContentError)
      return { errors, warnings, ...(outcome.notArticle ? { notArticle: outcome.notArticle } : {}) }
    }
    const entry = fromEntryLine(outcome.line)
    if (!entry) throw new Error(`kanal bug: a helper thread sent a damaged entry for ${file.file}`)
    if (errors.length === 0) this.#cache.index.remember(file.relative, entry, outcome.line)
    return { errors, ...fromCachedArticle(entry, _sourceOf(entry, file)) }
  }

  #fromEntry(entry: CachedArticle, file: ArticleFile): ReadArticle {
    this.#stats.reused++
    return { errors: _NONE, ...fromCachedArticle(entry, _sourceOf(entry, file)) }
  }
}

function _sourceOf(entry: CachedArticle, file: ArticleFile): SourceFile {
  return {
    file: file.file,
    path: file.path,
    relative: file.relative,
    frontMatterLine: 2,
    bodyOffset: entry.bodyOffset,
    bodyLine: entry.bodyLine,
    size: entry.size,
    mtimeMs: entry.mtimeMs,
    ctimeMs: entry.ctimeMs,
    ino: entry.ino,
  }
}
