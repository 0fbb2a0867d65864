import { statSync } from 'node:fs'
import path from 'node:path'
import { type ArticleCache, type CachedArticle, toCachedArticle } from '../cache/cache.js'
import type { Config } from '../config.js'
import { ContentError, type Location } from '../errors.js'
import type { Article } from './article.js'
import { findArticles } from './find.js'
import { type FrontMatter, parseFrontMatter } from './front-matter.js'
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

/** Finds, reads (front matter only, or from the cache) and validates every article below `contentDir`. */
export async function loadArticles(
  contentDir: string,
  config: Config,
  cwd: string,
  cache: ArticleCache,
  onProgress?: (stage: 'lesen', done: number, total: number) => void,
): Promise<LoadedContent> {
  const files = await findArticles(contentDir)
  const articles: Article[] = []
  const errors: ContentError[] = []
  const warnings: ContentError[] = []
  for (const [index, relative] of files.entries()) {
    if (index % 1000 === 0) onProgress?.('lesen', index, files.length)
    const filePath = path.join(contentDir, relative)
    const file = path.relative(cwd, filePath).split(path.sep).join('/')
    try {
      const { source, frontMatter } = _locate(filePath, file, relative, cache)
      const result = toArticle(source, frontMatter, config)
      errors.push(...result.errors)
      warnings.push(...result.warnings)
      if (result.article) articles.push(result.article)
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      errors.push(error)
    }
  }
  errors.push(...findDuplicates(articles))
  return { articles, count: files.length, errors, warnings }
}

/**
 * Front matter of one file: from the cache while size and mtime match; when they do not, the file is
 * read whole and its hash decides (a touched but unchanged file keeps its entry); else parsed anew.
 */
function _locate(filePath: string, file: string, relative: string, cache: ArticleCache) {
  const previous = cache.previous(relative)
  if (previous) {
    const stat = statSync(filePath)
    if (stat.size === previous.size && stat.mtimeMs === previous.mtimeMs)
      return _fromCache(previous, filePath, file, relative, cache)
  }
  const read = readSource(filePath, file, relative, previous !== undefined)
  const { fileHash, bodyHash } = read
  if (previous && fileHash !== undefined && fileHash === previous.fileHash) {
    return _fromCache(
      { ...previous, size: read.source.size, mtimeMs: read.source.mtimeMs },
      filePath,
      file,
      relative,
      cache,
    )
  }
  const frontMatter = parseFrontMatter(read.source)
  cache.stats.parsed++
  const entry = toCachedArticle(read.source, frontMatter, {
    ...(fileHash ? { fileHash } : {}),
    ...(bodyHash ? { bodyHash } : {}),
  })
  if (entry) cache.remember(relative, entry)
  return { source: read.source, frontMatter }
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
    frontMatter: entry.frontMatter,
    frontMatterLine: 2,
    bodyOffset: entry.bodyOffset,
    bodyLine: entry.bodyLine,
    size: entry.size,
    mtimeMs: entry.mtimeMs,
  }
  const locations = new Map<string, Location>(
    entry.locations.map(([key, line, column]) => [
      key,
      { file, ...(line ? { line } : {}), ...(column ? { column } : {}) },
    ]),
  )
  return { source, frontMatter: { data: entry.data, locations } }
}
