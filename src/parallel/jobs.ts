import { sha256, toCachedArticle, toIndexLine } from '../cache/cache.js'
import type { Config } from '../config.js'
import type { KeyPosition } from '../content/front-matter.js'
import { decodeBody, readBodyBytes, readSource } from '../content/read.js'
import type { SourceFile } from '../content/source.js'
import { findForbiddenChar, removeForbiddenChars } from '../content/xml-chars.js'
import { ContentError, type Location } from '../errors.js'

/** Read and parse one article's front matter. */
export interface ParseJob {
  filePath: string
  file: string
  relative: string
}

/** Read and render one article's body. */
export interface RenderJob {
  source: Pick<SourceFile, 'path' | 'file' | 'bodyOffset' | 'bodyLine'>
  articleUrl: string
  siteUrl: string
  /** The front matter's summary (inline Markdown), if any. */
  summary?: string
}

/** A content error as plain data, so it can cross from a worker thread. */
export interface ErrorData {
  location: Location
  reason: string
}

/** The outcome of a parse job. */
export type ParseOutcome =
  | {
      ok: true
      source: SourceFile
      data: Record<string, unknown>
      positions: KeyPosition[]
      fileHash?: string
    }
  | { ok: false; error: ErrorData }

/**
 * The outcome of a read job: the article (if the file gave one) as its cache index line, with its
 * warnings inside; and the file's errors. An article can come with errors (a bad `url`, say): it then
 * still takes part in the checks across articles, but is not cached.
 */
export interface ReadOutcome {
  line?: string
  errors: ErrorData[]
  /** Warnings of a file that gave no article (an article's own are in its line). */
  warnings: ErrorData[]
}

/** The outcome of a render job. */
export type RenderOutcome =
  | {
      ok: true
      html: string
      summary: string
      bodyHash: string
      /** How many characters XML forbids were removed, and where the first one was. */
      removed: number
      removedAt?: { line: number; column: number }
    }
  | { ok: false; error: ErrorData }

/**
 * The parse runner. The YAML parser is loaded only when a build must parse something: a rebuild
 * served from the cache never loads it, and starts faster for it.
 */
export async function loadParser(): Promise<(job: ParseJob) => ParseOutcome> {
  const { parseFrontMatter } = await import('../content/front-matter.js')
  /** Reads the head of a file and parses its front matter. */
  return (job) =>
    _contained(() => {
      const read = readSource(job.filePath, job.file, job.relative)
      const frontMatter = parseFrontMatter(read.source, read.yaml)
      return {
        ok: true as const,
        source: read.source,
        data: frontMatter.data,
        positions: frontMatter.positions,
        ...(read.fileHash ? { fileHash: read.fileHash } : {}),
      }
    })
}

/**
 * The read runner, for helper threads: front matter read, parsed and validated, and the article
 * handed back as the line the cache index would hold, which crosses threads as one string.
 */
export async function loadReader(): Promise<(job: ParseJob, config: Config) => ReadOutcome> {
  const [parse, { toArticle }] = await Promise.all([loadParser(), import('../content/to-article.js')])
  return (job, config) => {
    const outcome = parse(job)
    if (!outcome.ok) return { errors: [outcome.error], warnings: [] }
    const frontMatter = { data: outcome.data, positions: outcome.positions }
    const result = toArticle(outcome.source, frontMatter, config)
    const errors = result.errors.map(_toData)
    if (!result.article) return { errors, warnings: result.warnings.map(_toData) }
    const hashes = { fileHash: outcome.fileHash }
    return {
      line: toIndexLine(toCachedArticle(result.article, result.warnings, hashes)),
      errors,
      warnings: [],
    }
  }
}

function _toData(error: ContentError): ErrorData {
  return { location: error.location, reason: error.reason }
}

/**
 * The render runner. The Markdown renderer and the sanitiser are loaded only when a body must be
 * rendered, not for a change in front matter alone.
 */
export async function loadRenderer(): Promise<(job: RenderJob) => RenderOutcome> {
  const [{ renderBody }, { renderPlainText }, { summarize }] = await Promise.all([
    import('../render/html.js'),
    import('../render/plain-text.js'),
    import('../render/summary.js'),
  ])
  /** Reads a body, removes characters XML forbids, renders it to sanitised HTML, and its summary. */
  return (job) =>
    _contained(() => {
      const bytes = readBodyBytes(job.source)
      const decoded = decodeBody(bytes, job.source.file, job.source.bodyLine)
      const { text, removed } = removeForbiddenChars(decoded)
      const removedAt = removed > 0 ? findForbiddenChar(decoded, job.source.bodyLine) : undefined
      const { html, direct } = renderBody(text, { articleUrl: job.articleUrl, siteUrl: job.siteUrl })
      const summary =
        job.summary === undefined ? summarize(html, undefined, direct) : renderPlainText(job.summary)
      return {
        ok: true as const,
        html,
        summary,
        bodyHash: sha256(bytes),
        removed,
        ...(removedAt ? { removedAt } : {}),
      }
    })
}

/** Turns error data back into a ContentError. */
export function toContentError(error: ErrorData): ContentError {
  return new ContentError(error.location, error.reason)
}

function _contained<T>(work: () => T): T | { ok: false; error: ErrorData } {
  try {
    return work()
  } catch (error) {
    if (!(error instanceof ContentError)) throw error
    return { ok: false, error: { location: error.location, reason: error.reason } }
  }
}
