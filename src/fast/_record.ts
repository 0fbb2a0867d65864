import type { Article } from '../content/article.js'
import type { SourceFile } from '../content/source.js'
import { ContentError } from '../errors.js'

/**
 * What the cache keeps of one valid article file: enough to skip reading, parsing and validating it
 * while the file and the config are unchanged.
 */
export interface CachedArticle {
  size: number
  mtimeMs: number
  /** Inode change time and inode: a file changed and its mtime set back still has a new ctime. */
  ctimeMs: number
  ino: number
  /** SHA-256 of the whole file, when it was read whole. */
  fileHash?: string
  bodyOffset: number
  bodyLine: number
  /** The validated article without its source; dates as epoch milliseconds. */
  article: ArticleRecord
  /** Its warnings: line, column (null when unknown), reason. */
  warnings: [number | null, number | null, string][]
}

/** An `Article` as JSON holds it. */
export type ArticleRecord = Omit<Article, 'source' | 'date' | 'updated'> & { date: number; updated: number }

/** A cache entry for a valid article, validated with this build's config. */
export function toCachedArticle(
  article: Article,
  warnings: ContentError[],
  fileHash: string | undefined,
): CachedArticle {
  const { source } = article
  const record: ArticleRecord = {
    slug: article.slug,
    title: article.title,
    date: article.date.getTime(),
    updated: article.updated.getTime(),
    categories: article.categories,
    tags: article.tags,
    url: article.url,
    id: article.id,
    draft: article.draft,
  }
  _copyOptional(article, record)
  const entry: CachedArticle = {
    size: source.size,
    mtimeMs: source.mtimeMs,
    ctimeMs: source.ctimeMs ?? -1,
    ino: source.ino ?? -1,
    bodyOffset: source.bodyOffset,
    bodyLine: source.bodyLine,
    article: record,
    warnings: warnings.length === 0 ? [] : warnings.map(_warningRecord),
  }
  if (fileHash !== undefined) entry.fileHash = fileHash
  return entry
}

/** The optional fields an article and its record share, copied only when present (one shape each). */
function _copyOptional(from: ArticleRecord | Article, to: ArticleRecord | Article): void {
  if (from.summary !== undefined) to.summary = from.summary
  if (from.excerptSeparator !== undefined) to.excerptSeparator = from.excerptSeparator
  if (from.author !== undefined) to.author = from.author
  if (from.image !== undefined) to.image = from.image
  if (from.imageReference !== undefined) to.imageReference = from.imageReference
  if (from.keyLines !== undefined) to.keyLines = from.keyLines
}

function _warningRecord(warning: ContentError): [number | null, number | null, string] {
  return [warning.location.line ?? null, warning.location.column ?? null, warning.reason]
}

/** The article and warnings of a cache entry again, for the source file it now comes from. */
export function fromCachedArticle(
  entry: CachedArticle,
  source: SourceFile,
): { article: Article; warnings: ContentError[] } {
  const record = entry.article
  // Built field by field (not spread): the articles a rebuild takes from the cache, most of them, then
  // share one shape, which V8 handles fastest.
  const article: Article = {
    source,
    slug: record.slug,
    title: record.title,
    date: new Date(record.date),
    updated: new Date(record.updated),
    categories: record.categories,
    tags: record.tags,
    url: record.url,
    id: record.id,
    draft: record.draft,
  }
  _copyOptional(record, article)
  const warnings =
    entry.warnings.length === 0
      ? _NO_WARNINGS
      : entry.warnings.map(
          ([line, column, reason]) =>
            new ContentError(
              {
                file: source.file,
                ...(line !== null ? { line } : {}),
                ...(column !== null ? { column } : {}),
              },
              reason,
            ),
        )
  return { article, warnings }
}

const _NO_WARNINGS: ContentError[] = []
