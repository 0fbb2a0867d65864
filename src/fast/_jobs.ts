import type { Config } from '../config.js'
import { readBodyBytes } from '../content/read.js'
import type { ArticleFile } from '../content/read-article.js'
import type { SourceFile } from '../content/source.js'
import { ContentError, type Location } from '../errors.js'
import { sha256 } from '../hash.js'
import type { BodyJob, RenderedBody } from '../render/article-body.js'
import { toEntryLine } from './_line.js'
import { toCachedArticle } from './_record.js'

// The work the thread pool runs, on this thread or on a helper: the stages' own functions, with what
// the wing adds (hashes for the cache) and in a form that crosses threads.

/** A content error as plain data, so it can cross from a helper thread. */
export interface ErrorData {
  location: Location
  reason: string
}

/**
 * A file a helper thread read: its article (if the file gave one) as its cache entry line, with its
 * warnings inside; and the file's errors. An article can come with errors (a bad `url`, say): it then
 * still takes part in the checks across articles, but is not cached.
 */
export interface ReadOutcome {
  line?: string
  errors: ErrorData[]
  /** Warnings of a file that gave no article (an article's own are in its line). */
  warnings: ErrorData[]
  /** A generator's page that is no article: its size and mtime. */
  notArticle?: Pick<SourceFile, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>
}

/** A rendered body with the hash of the bytes it came from (its HTML's key in the cache). */
export type HashedBody = (RenderedBody & { ok: true; bodyHash: string }) | { ok: false; error: ErrorData }

/**
 * Files to read on several threads: where they lie and their paths below the content folder (a list
 * of strings crosses threads faster than one object per file). Positions before `shared` are taken a
 * chunk at a time by whichever thread is free, from a counter all threads share (`next`,
 * `takeChunk`); a helper reads its `first` positions (after `shared`) before it takes any.
 */
export interface SharedRead {
  contentDir: string
  cwd: string
  relatives: string[]
  next: Int32Array
  shared: number
  first: [from: number, to: number]
}

/** Files a thread takes from a shared read at a time: a few milliseconds of work. */
export const READ_CHUNK = 128

/** A new counter for a shared read, at position 0. */
export function chunkCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
}

/** Claims the next chunk of a shared read for this thread: its first position (the count or more: none left). */
export function takeChunk(next: Int32Array): number {
  return Atomics.add(next, 0, READ_CHUNK)
}

/** The read runner, for helper threads. The YAML parser is loaded only when something must be read. */
export async function loadReader(): Promise<(file: ArticleFile, config: Config) => ReadOutcome> {
  const { readArticle } = await import('../content/read-article.js')
  return (file, config) => {
    const result = readArticle(file, config)
    const errors = result.errors.map(_toErrorData)
    if (!result.article) {
      const warnings = result.warnings.map(_toErrorData)
      return { errors, warnings, ...(result.notArticle ? { notArticle: result.notArticle } : {}) }
    }
    const entry = toCachedArticle(result.article, result.warnings, result.fileHash)
    return { line: toEntryLine(entry), errors, warnings: [] }
  }
}

/**
 * The render runner. The Markdown renderer and the sanitiser are loaded only when a body must be
 * rendered, not for a change in front matter alone.
 */
export async function loadRenderer(): Promise<(job: BodyJob) => HashedBody> {
  const { renderBodyBytes } = await import('../render/article-body.js')
  return (job) => {
    try {
      const bytes = readBodyBytes(job.source)
      return { ...renderBodyBytes(bytes, job), bodyHash: sha256(bytes) }
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      return { ok: false, error: _toErrorData(error) }
    }
  }
}

function _toErrorData(error: ContentError): ErrorData {
  return { location: error.location, reason: error.reason }
}

/** Turns error data back into a ContentError. */
export function toContentError(error: ErrorData): ContentError {
  return new ContentError(error.location, error.reason)
}
