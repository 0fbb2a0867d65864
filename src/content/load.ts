import path from 'node:path'
import {
  type ArticleCache,
  type CachedArticle,
  fromCachedArticle,
  fromIndexLine,
  toCachedArticle,
} from '../cache/cache.js'
import type { FileStats } from '../cache/stamp.js'
import type { Config } from '../config.js'
import { ContentError } from '../errors.js'
import { type ParseJob, type ParseOutcome, type ReadOutcome, toContentError } from '../parallel/jobs.js'
import type { JobPool } from '../parallel/pool.js'
import type { Article } from './article.js'
import type { FrontMatter } from './front-matter.js'
import { readSource } from './read.js'
import type { SourceFile } from './source.js'
import { toArticle } from './to-article.js'
import { DuplicateCheck } from './unique.js'

/** What loading found besides the articles themselves (which go to `accept` one by one). */
export interface LoadedContent {
  /** Files found. */
  count: number
  errors: ContentError[]
  warnings: ContentError[]
  /** Size and mtime of each file as its article was read or found in the cache (NaN: no article). */
  read: FileStats
}

/** Where to load from, and with what. */
export interface LoadInput {
  contentDir: string
  /** The article files below `contentDir` (from `findArticles`). */
  files: string[]
  /** Their sizes and mtimes, when the cache is on and they were taken (`statArticles`). */
  stats: FileStats | undefined
  config: Config
  cwd: string
  cache: ArticleCache
  pool: JobPool
  onProgress?: ((stage: 'lesen', done: number, total: number) => void) | undefined
}

/**
 * Reads (front matter only, or from the cache) and validates every article of the content folder,
 * with all problems found on the way, and hands each valid article to `accept` in file order as soon
 * as the files before it are done: nothing here holds on to the articles.
 */
export async function loadArticles(
  input: LoadInput,
  accept: (article: Article) => void,
): Promise<LoadedContent> {
  const { contentDir, files, stats, config, cwd, cache, pool, onProgress } = input
  // A first build of a large site reads in helper threads too: start them while the cache is asked.
  if (pool.helps(files.length - cache.size)) pool.warmUp()
  const content: LoadedContent = {
    count: files.length,
    errors: [],
    warnings: [],
    read: { sizes: new Float64Array(files.length).fill(Number.NaN), mtimes: new Float64Array(files.length) },
  }
  const duplicates = new DuplicateCheck()
  const located = new _InFileOrder(files.length, (item, index) => {
    if (item instanceof ContentError) {
      content.errors.push(item)
      return
    }
    if (item.errors) content.errors.push(...item.errors)
    content.warnings.push(...item.warnings)
    if (!item.article) return
    content.read.sizes[index] = item.article.source.size
    content.read.mtimes[index] = item.article.source.mtimeMs
    const duplicate = duplicates.add(item.article)
    if (duplicate) content.errors.push(duplicate)
    accept(item.article)
  })
  const jobOf = _jobs(contentDir, cwd, files)
  const misses: Miss[] = []
  for (const [index] of files.entries()) {
    if (index % 1000 === 0) onProgress?.('lesen', index, files.length)
    try {
      const hit =
        stats && _fromCacheIfFresh(jobOf(index), stats.sizes[index] ?? -1, stats.mtimes[index] ?? -1, cache)
      if (hit && 'validated' in hit) located.set(index, hit.validated)
      else misses.push({ index, carry: hit?.carry })
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      located.set(index, error)
    }
  }
  await _readMisses(misses, jobOf, config, cache, pool, located)
  return content
}

/**
 * The read job of the file at an index, made when it is needed: a first build of 100,000 files then
 * does not hold 100,000 jobs (and their paths) while it reads.
 */
function _jobs(contentDir: string, cwd: string, files: string[]): (index: number) => ParseJob {
  const shownDir = path.relative(cwd, contentDir).split(path.sep).join('/')
  const prefix = `${contentDir}${path.sep}`
  return (index) => {
    const relative = files[index] as string
    const file = shownDir === '' ? relative : `${shownDir}/${relative}`
    return { filePath: `${prefix}${relative}`, file, relative }
  }
}

/**
 * What was found for each file, handed on in file order as soon as every earlier file's is known, and
 * dropped then. (Which article claimed a slug first depends on that order.)
 */
class _InFileOrder {
  readonly #items: (Located | undefined)[]
  readonly #take: (item: Located, index: number) => void
  #next = 0

  constructor(count: number, take: (item: Located, index: number) => void) {
    this.#items = new Array(count)
    this.#take = take
  }

  set(index: number, item: Located): void {
    this.#items[index] = item
    for (let next = this.#items[this.#next]; next !== undefined; next = this.#items[this.#next]) {
      this.#items[this.#next] = undefined
      this.#take(next, this.#next++)
    }
  }
}

type Located = Validated | ContentError
/** A file the cache could not answer, and the hashes it still knows of it. */
type Miss = { index: number; carry: Hashes | undefined }

/**
 * Reads, parses and validates the files the cache could not answer. A share goes to helper threads
 * (not files whose hashes the cache still knows: those stay here); this thread reads and validates
 * its own a small batch at a time, so that little front matter is alive when the garbage collector
 * runs (measured at 100,000 files, one thread: batches of 50 instead of 2,000 took ~0.5 s and ~100 MB
 * less).
 */
async function _readMisses(
  misses: Miss[],
  jobOf: (index: number) => ParseJob,
  config: Config,
  cache: ArticleCache,
  pool: JobPool,
  located: _InFileOrder,
): Promise<void> {
  const shareable = misses.filter((miss) => miss.carry === undefined)
  const jobsOf = (from: number, to: number) => shareable.slice(from, to).map((miss) => jobOf(miss.index))
  const { own, helped } = pool.share(shareable.length, jobsOf, config)
  const here = [...misses.filter((miss) => miss.carry !== undefined), ...shareable.slice(0, own)]
  for (let start = 0; start < here.length; start += _BATCH) {
    const batch = here.slice(start, start + _BATCH)
    const outcomes = await pool.parse(batch.map((miss) => jobOf(miss.index)))
    for (const [position, outcome] of outcomes.entries()) {
      const { index, carry } = batch[position] as Miss
      located.set(
        index,
        outcome.ok
          ? _validated(_parsed(outcome, carry, cache), config, cache)
          : toContentError(outcome.error),
      )
    }
  }
  const sent = shareable.slice(own)
  for (const [position, outcome] of (await helped).entries()) {
    const { index } = sent[position] as Miss
    located.set(index, _fromHelper(outcome, jobOf(index), cache))
  }
}

/** A file a helper thread read and validated: its article from the index line it made, and its problems. */
function _fromHelper(outcome: ReadOutcome, job: ParseJob, cache: ArticleCache): Validated {
  const errors = outcome.errors.map(toContentError)
  if (outcome.line === undefined) return { errors, warnings: outcome.warnings.map(toContentError) }
  const entry = fromIndexLine(outcome.line)
  if (!entry) throw new Error(`kanal bug: a helper thread sent a damaged entry for ${job.file}`)
  cache.stats.parsed++
  // Only valid articles are kept: a file with errors is read and reported again by every build.
  if (errors.length === 0) cache.rememberLine(job.relative, outcome.line, entry)
  return { errors, ...fromCachedArticle(entry, _sourceOf(entry, job)) }
}

const _BATCH = 50

/** A validated article (known from the cache, or read in this build) with its problems. */
type Validated = { article?: Article | undefined; errors?: ContentError[]; warnings: ContentError[] }
/** An article read and parsed in this build, not yet validated. */
type Parsed = { source: SourceFile; frontMatter: FrontMatter; hashes: Hashes }
type Hashes = { fileHash?: string; bodyHash?: string }

function _validated(item: Parsed, config: Config, cache: ArticleCache): Validated {
  const result = toArticle(item.source, item.frontMatter, config)
  // Only valid articles are kept: a file with errors is read and reported again by every build.
  if (result.article && result.errors.length === 0 && cache.enabled) {
    const entry = toCachedArticle(result.article, result.warnings, item.hashes)
    cache.remember(item.source.relative, entry)
  }
  return result
}

/**
 * The validated article from the cache while size and mtime match; when they do not, the file is read
 * whole and its hash decides (a touched but unchanged file keeps its entry). Otherwise the file must
 * be parsed (it is new, changed, or was validated with another config); for an unchanged file its
 * known hashes come along, so its rendered body is still found.
 */
function _fromCacheIfFresh(
  job: ParseJob,
  size: number,
  mtimeMs: number,
  cache: ArticleCache,
): { validated: Validated } | { carry: Hashes } | undefined {
  const previous = cache.previous(job.relative)
  if (!previous) return undefined
  if (!cache.sameConfig) {
    if (size !== previous.size || mtimeMs !== previous.mtimeMs) return undefined
    const { fileHash, bodyHash } = previous
    return { carry: { ...(fileHash ? { fileHash } : {}), ...(bodyHash ? { bodyHash } : {}) } }
  }
  if (size === previous.size && mtimeMs === previous.mtimeMs) {
    cache.keep(job.relative, previous)
    return { validated: _fromEntry(previous, job, cache) }
  }
  const read = readSource(job.filePath, job.file, job.relative, true)
  if (read.fileHash === undefined || read.fileHash !== previous.fileHash) return undefined
  const entry = { ...previous, size: read.source.size, mtimeMs: read.source.mtimeMs }
  cache.remember(job.relative, entry)
  return { validated: _fromEntry(entry, job, cache) }
}

function _parsed(
  outcome: ParseOutcome & { ok: true },
  carry: Hashes | undefined,
  cache: ArticleCache,
): Parsed {
  cache.stats.parsed++
  const hashes: Hashes = {
    ...carry,
    ...(outcome.fileHash ? { fileHash: outcome.fileHash } : {}),
  }
  return {
    source: outcome.source,
    frontMatter: { data: outcome.data, positions: outcome.positions },
    hashes,
  }
}

function _fromEntry(entry: CachedArticle, job: ParseJob, cache: ArticleCache): Validated {
  cache.stats.reused++
  return fromCachedArticle(entry, _sourceOf(entry, job))
}

function _sourceOf(entry: CachedArticle, job: ParseJob): SourceFile {
  return {
    file: job.file,
    path: job.filePath,
    relative: job.relative,
    frontMatterLine: 2,
    bodyOffset: entry.bodyOffset,
    bodyLine: entry.bodyLine,
    size: entry.size,
    mtimeMs: entry.mtimeMs,
  }
}
