import path from 'node:path'
import { type ArticleCache, type CachedArticle, toCachedArticle } from '../cache/cache.js'
import type { FileStat } from '../cache/stamp.js'
import type { Config } from '../config.js'
import { ContentError } from '../errors.js'
import { type ParseJob, type ParseOutcome, toContentError } from '../parallel/jobs.js'
import type { JobPool } from '../parallel/pool.js'
import type { Article } from './article.js'
import type { FrontMatter } from './front-matter.js'
import { readSource } from './read.js'
import type { SourceFile } from './source.js'
import { toArticle } from './to-article.js'
import { findDuplicates } from './unique.js'

/** Every article of the content folder, validated, with all problems found on the way. */
export interface LoadedContent {
  articles: Article[]
  /** Files found. */
  count: number
  errors: ContentError[]
  warnings: ContentError[]
}

/**
 * Reads (front matter only, or from the cache) and validates the articles `files` below `contentDir`
 * (from `findArticles`); `stats` are their sizes and mtimes when the cache is on (`statArticles`).
 */
export async function loadArticles(
  contentDir: string,
  files: string[],
  stats: FileStat[] | undefined,
  config: Config,
  cwd: string,
  cache: ArticleCache,
  pool: JobPool,
  onProgress?: (stage: 'lesen', done: number, total: number) => void,
): Promise<LoadedContent> {
  if (files.length >= 1000) pool.warmUp()
  const shownDir = path.relative(cwd, contentDir).split(path.sep).join('/')
  const located: (Located | ContentError | undefined)[] = []
  const misses: { index: number; job: ParseJob }[] = []
  for (const [index, relative] of files.entries()) {
    if (index % 1000 === 0) onProgress?.('lesen', index, files.length)
    const filePath = path.join(contentDir, relative)
    const file = shownDir === '' ? relative : `${shownDir}/${relative}`
    try {
      const hit = stats && _fromCacheIfFresh(filePath, file, relative, stats[index] as FileStat, cache)
      if (hit) located[index] = hit
      else misses.push({ index, job: { filePath, file, relative } })
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      located[index] = error
    }
  }
  // Files the cache could not answer are read and parsed, shared between threads.
  const outcomes = await pool.parse(misses.map((miss) => miss.job))
  for (const [position, outcome] of outcomes.entries()) {
    const { index, job } = misses[position] as { index: number; job: ParseJob }
    located[index] = outcome.ok ? _remember(outcome, job.relative, cache) : toContentError(outcome.error)
  }
  return _validate(located, files.length, config)
}

type Located = { source: SourceFile; frontMatter: FrontMatter }

function _validate(
  located: (Located | ContentError | undefined)[],
  count: number,
  config: Config,
): LoadedContent {
  const content: LoadedContent = { articles: [], count, errors: [], warnings: [] }
  for (const item of located) {
    if (item === undefined) continue
    if (item instanceof ContentError) {
      content.errors.push(item)
      continue
    }
    const result = toArticle(item.source, item.frontMatter, config)
    content.errors.push(...result.errors)
    content.warnings.push(...result.warnings)
    if (result.article) content.articles.push(result.article)
  }
  content.errors.push(...findDuplicates(content.articles))
  return content
}

/**
 * Front matter from the cache while size and mtime match; when they do not, the file is read whole
 * and its hash decides (a touched but unchanged file keeps its entry). Undefined: parse it anew.
 */
function _fromCacheIfFresh(
  filePath: string,
  file: string,
  relative: string,
  stat: FileStat,
  cache: ArticleCache,
) {
  const previous = cache.previous(relative)
  if (!previous) return undefined
  if (stat.size === previous.size && stat.mtimeMs === previous.mtimeMs) {
    return _fromCache(previous, filePath, file, relative, cache)
  }
  const read = readSource(filePath, file, relative, true)
  if (read.fileHash === undefined || read.fileHash !== previous.fileHash) return undefined
  const entry = { ...previous, size: read.source.size, mtimeMs: read.source.mtimeMs }
  return _fromCache(entry, filePath, file, relative, cache)
}

function _remember(outcome: ParseOutcome & { ok: true }, relative: string, cache: ArticleCache): Located {
  const frontMatter: FrontMatter = { data: outcome.data, positions: outcome.positions }
  cache.stats.parsed++
  if (!cache.enabled) return { source: outcome.source, frontMatter }
  const hashes = {
    ...(outcome.fileHash ? { fileHash: outcome.fileHash } : {}),
    ...(outcome.bodyHash ? { bodyHash: outcome.bodyHash } : {}),
  }
  const entry = toCachedArticle(outcome.source, frontMatter, hashes)
  if (entry) cache.remember(relative, entry)
  return { source: outcome.source, frontMatter }
}

function _fromCache(
  entry: CachedArticle,
  filePath: string,
  file: string,
  relative: string,
  cache: ArticleCache,
): { source: SourceFile; frontMatter: FrontMatter } {
  cache.remember(relative, entry)
  cache.stats.reused++
  const source: SourceFile = {
    file,
    path: filePath,
    relative,
    frontMatterLine: 2,
    bodyOffset: entry.bodyOffset,
    bodyLine: entry.bodyLine,
    size: entry.size,
    mtimeMs: entry.mtimeMs,
  }
  return { source, frontMatter: { data: entry.data, positions: entry.locations } }
}
