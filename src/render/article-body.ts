import { decodeBody, readBodyBytes } from '../content/read.js'
import type { SourceFile } from '../content/source.js'
import { findForbiddenChar, removeForbiddenChars } from '../content/xml-chars.js'
import { ContentError } from '../errors.js'
import { renderBody } from './_html.js'
import { renderPlainText } from './_plain-text.js'
import { summarize } from './_summary.js'

/** One article body to render: where it sits, and what its links resolve against. */
export interface BodyJob {
  source: Pick<SourceFile, 'path' | 'file' | 'relative' | 'bodyOffset' | 'bodyLine'>
  articleUrl: string
  siteUrl: string
  /** The front matter's summary (inline Markdown), if any. */
  summary?: string
}

/** A rendered body, or the content error that stopped it. */
export type RenderedBody =
  | {
      ok: true
      /** Sanitised HTML with absolute URLs. */
      html: string
      /** Plain-text summary: the front matter's, or the start of the first paragraph. */
      summary: string
      /** How many characters XML forbids were removed, and where the first one was. */
      removed: number
      removedAt?: { line: number; column: number }
      /** An opening `<script>` (or another tag dropped with its content) never closed, and its file line. */
      unclosed?: { tag: string; line: number }
    }
  | { ok: false; error: ContentError }

/**
 * Renders bodies and gives their outcomes in the order of `jobs`. The plain one is `renderEach`
 * below; a faster one may take HTML from a cache or use threads.
 */
export type BodyRenderer = (jobs: BodyJob[]) => Promise<RenderedBody[]>

/** The plain renderer: every body, one after another, on this thread. */
export const renderEach: BodyRenderer = async (jobs) => jobs.map(renderArticleBody)

/** Reads an article's body from its file and renders it (`renderBodyBytes`). */
export function renderArticleBody(job: BodyJob): RenderedBody {
  try {
    return renderBodyBytes(readBodyBytes(job.source), job)
  } catch (error) {
    if (!(error instanceof ContentError)) throw error
    return { ok: false, error }
  }
}

/**
 * Decodes body bytes, removes the characters XML forbids (counting them), renders the Markdown to
 * sanitised HTML and takes its summary. Content problems are thrown as `ContentError`.
 */
export function renderBodyBytes(bytes: Buffer, job: BodyJob): RenderedBody & { ok: true } {
  const decoded = decodeBody(bytes, job.source.file, job.source.bodyLine)
  const { text, removed } = removeForbiddenChars(decoded)
  const removedAt = removed > 0 ? findForbiddenChar(decoded, job.source.bodyLine) : undefined
  const { html, direct, unclosed } = renderBody(text, { articleUrl: job.articleUrl, siteUrl: job.siteUrl })
  const summary =
    job.summary === undefined ? summarize(html, undefined, direct) : renderPlainText(job.summary)
  return {
    ok: true,
    html,
    summary,
    removed,
    ...(removedAt ? { removedAt } : {}),
    ...(unclosed ? { unclosed: { tag: unclosed.tag, line: job.source.bodyLine + unclosed.line } } : {}),
  }
}
