import { decodeBody, readBodyBytes } from '../content/read.js'
import type { SourceFile } from '../content/source.js'
import { findForbiddenChar, removeForbiddenChars } from '../content/xml-chars.js'
import { ContentError } from '../errors.js'
import type { BodyTemplates } from '../sites/body-templates.js'
import { renderBody } from './_html.js'
import { renderPlainText } from './_plain-text.js'
import type { RemovedTarget } from './_removed.js'
import { summarize, summarizeAll } from './_summary.js'
import { lineOf, translateTemplates } from './_templates.js'
import { marksOf, type Substitutions } from './typographer.js'

/** One article body to render: where it sits, and what its links resolve against. */
export interface BodyJob {
  source: Pick<
    SourceFile,
    'path' | 'file' | 'relative' | 'bodyOffset' | 'bodyLine' | 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'
  >
  articleUrl: string
  siteUrl: string
  /** The front matter's summary (inline Markdown), if any. */
  summary?: string
  /** The template code a generator's bodies may hold (Liquid, Hugo shortcodes), if any. */
  templates?: BodyTemplates
}

/** Template code left out: the first tag of its name, the closing tag when its content was kept, how many. */
export interface LeftOutAt {
  line: number
  column: number
  tag: string
  close?: string
  count?: number
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
      /** The HTML holds another file's text (`{% include %}`): not to be cached by the body's hash. */
      inlined?: true
      /** Template code left out because kanal cannot evaluate it, once per name, with its first place. */
      leftOut?: LeftOutAt[]
      /** Link targets and image sources removed (unsafe or no URL), with their file lines; absent when none. */
      removedTargets?: RemovedTarget[]
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
  const translated = translateTemplates(text, job.templates)
  const body = renderBody(
    translated.text,
    { articleUrl: job.articleUrl, siteUrl: job.siteUrl },
    _marks(job.templates),
  )
  const { html, direct } = body
  const summary =
    job.summary === undefined ? _summaryOf(translated.text, html, direct, job) : renderPlainText(job.summary)
  const leftOut = translated.leftOut.map(({ offset, name: _name, ...rest }) => ({
    ...lineOf(text, offset, job.source.bodyLine),
    ...rest,
  }))
  const removedTargets = body.removed.map((target) => ({
    ...target,
    line: job.source.bodyLine + target.line,
  }))
  return {
    ok: true,
    html,
    summary,
    removed,
    ...(removedAt ? { removedAt } : {}),
    ...(leftOut.length > 0 ? { leftOut } : {}),
    ...(body.unclosed
      ? { unclosed: { tag: body.unclosed.tag, line: job.source.bodyLine + body.unclosed.line } }
      : {}),
    ...(removedTargets.length > 0 ? { removedTargets } : {}),
    ...(translated.inlined ? { inlined: true as const } : {}),
  }
}

/** The summary from the body: a generator site's text before `<!--more-->`, else the first paragraph. */
function _summaryOf(text: string, html: string, direct: boolean, job: BodyJob): string {
  const more = job.templates === undefined ? -1 : text.indexOf('<!--more-->')
  if (more <= 0) return summarize(html, undefined, direct)
  const before = renderBody(
    text.slice(0, more),
    { articleUrl: job.articleUrl, siteUrl: job.siteUrl },
    _marks(job.templates),
  )
  return summarizeAll(before.html, undefined, before.direct)
}

/** The marks of a Hugo site's typographer, or undefined for other sites and a typographer turned off. */
function _marks(templates: BodyTemplates | undefined): Substitutions | undefined {
  return templates?.kind === 'hugo' ? marksOf(templates.typographer) : undefined
}
