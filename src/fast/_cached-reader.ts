import type { Config } from '../config.js'
import type { Article } from '../content/article.js'
import { readSource } from '../content/read.js'
import type { ArticleFile, ArticleReader, ContentFiles, ReadArticle } from '../content/read-article.js'
import type { SourceFile } from '../content/source.js'
import { ContentError } from '../errors.js'
import type { BuildStats } from '../stats.js'
import type { ArticleCache } from './_cache.js'
import { type FileStats, sameStatsAt, unknownStats } from './_file-stats.js'
import { type ReadOutcome, type SharedRead, toContentError } from './_jobs.js'
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

  readonly #where: Pick<SharedRead, 'contentDir' | 'cwd'> & { files: string[] }

  /**
   * `where`: the content folder, the working directory and the files below the folder (what
   * `contentFiles` makes `ArticleFile`s of); `known`: the files' stats, when they were taken
   * (`statArticles`); without them nothing is reused.
   */
  constructor(
    where: Pick<SharedRead, 'contentDir' | 'cwd'> & { files: string[] },
    known: FileStats | undefined,
    cache: ArticleCache,
    pool: JobPool,
    stats: BuildStats,
  ) {
    this.#where = where
    this.seen = unknownStats(where.files.length)
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
   * The articles of a rebuild in which every file whose stats differ from `last` (the last build's)
   * reads to the entry it had, warnings and body position included: only bodies changed, so every
   * front matter, and with it the selection, is the last build's. Remembers those files and keeps every
   * other entry, as `read` would; undefined, with nothing remembered, when a file is gone, has no entry,
   * gives another one, or when so many changed that reading them all is as quick.
   */
  async sameEntries(
    last: FileStats,
    files: ContentFiles,
    config: Config,
  ): Promise<((relative: string) => Article) | undefined> {
    const relatives = this.#where.files
    const index = this.#cache.index
    const known = this.#known
    if (
      !known ||
      !index.sameConfig ||
      known.sizes.length !== files.count ||
      last.sizes.length !== files.count
    )
      return undefined
    const changed = new Map<number, ReadArticle & { article: Article; kept: boolean }>()
    for (let at = 0; at < files.count; at++) {
      if (sameStatsAt(known, last, at)) continue
      const file = files.at(at)
      const previous = index.previous(file.relative)
      if (!previous || Number.isNaN(known.sizes[at]) || changed.size >= Math.max(8, files.count / 20))
        return undefined
      // Touched but unchanged (the same hash): its entry holds, with the new stats.
      const hit = this.#fromCache(file, known, at)
      if (hit && 'validated' in hit && hit.validated.article) {
        changed.set(at, { ...hit.validated, article: hit.validated.article, kept: true })
        continue
      }
      const { readArticle } = await import('../content/read-article.js')
      const result = readArticle(file, config)
      if (!result.article || result.errors.length > 0) return undefined
      const entry = toCachedArticle(result.article, result.warnings, result.fileHash)
      if (!_sameEntry(entry, previous)) return undefined
      changed.set(at, { ...result, article: result.article, kept: false })
    }
    const articles = new Map<string, Article>()
    // Unchanged files by their paths alone: 10,000 `ArticleFile`s would only feed the garbage collector.
    for (let at = 0; at < files.count; at++) {
      const read = changed.get(at)
      if (read && !read.kept) {
        this.#stats.parsed++
        this.#remembered(files.at(at), read, undefined)
      } else if (!read) index.keep(relatives[at] as string)
      this.seen.sizes[at] = known.sizes[at] as number
      this.seen.mtimes[at] = known.mtimes[at] as number
      this.seen.ctimes[at] = known.ctimes[at] as number
      this.seen.inodes[at] = known.inodes[at] as number
    }
    this.#stats.reused += files.count - changed.size
    return (relative) => {
      let article = articles.get(relative)
      if (article) return article
      const at = _positionOf(relatives, relative)
      const entry = changed.get(at) ? undefined : index.previous(relative)
      article = entry
        ? fromCachedArticle(entry, _sourceOf(entry, files.at(at))).article
        : changed.get(at)?.article
      if (!article) throw new Error(`kanal bug: the last build showed ${relative}, which has no entry`)
      articles.set(relative, article)
      return article
    }
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
   * Reads the files the cache could not answer: first those whose hashes the cache still knows, here;
   * then the rest here and, for a large first build, on helper threads too (`JobPool.share`).
   */
  async #readMisses(
    misses: _Miss[],
    files: ContentFiles,
    config: Config,
    deliver: (index: number, result: ReadArticle) => void,
  ): Promise<void> {
    if (misses.length === 0) return
    const { readArticle } = await import('../content/read-article.js')
    const readHere = ({ index, carry }: _Miss) => {
      const file = files.at(index)
      this.#stats.parsed++
      deliver(index, this.#remembered(file, readArticle(file, config), carry))
    }
    for (const miss of misses) if (miss.carry !== undefined) readHere(miss)
    const shareable = misses.filter((miss) => miss.carry === undefined)
    const { contentDir, cwd, files: all } = this.#where
    const relatives = shareable.map((miss) => all[miss.index] as string)
    // A helper's outcomes are handed on as they come (`deliver` puts them in file order).
    await this.#pool.share(
      { contentDir, cwd, relatives },
      config,
      (position) => readHere(shareable[position] as _Miss),
      (position, outcome) => {
        const { index } = shareable[position] as _Miss
        deliver(index, this.#fromHelper(outcome, files.at(index)))
      },
    )
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

/** Where `relative` is in the listed files (sorted, as `findArticles` gives them): no map of 100,000 paths. */
function _positionOf(sorted: string[], relative: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as string) < relative) low = middle + 1
    else high = middle
  }
  return sorted[low] === relative ? low : sorted.indexOf(relative)
}

/** Whether two entries hold the same article, warnings and body position (stats and file hash aside). */
function _sameEntry(a: CachedArticle, b: CachedArticle): boolean {
  return (
    a.bodyOffset === b.bodyOffset &&
    a.bodyLine === b.bodyLine &&
    JSON.stringify(a.article) === JSON.stringify(b.article) &&
    JSON.stringify(a.warnings) === JSON.stringify(b.warnings)
  )
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
