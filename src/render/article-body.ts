import { decodeBody, readBodyBytes } from '../content/read.js'
import type { SourceFile } from '../content/source.js'
import { findForbiddenChar, removeForbiddenChars } from '../content/xml-chars.js'
import { ContentError } from '../errors.js'
import { describeLookup, type ImagePlace, type LocatedImage, locateImage } from '../media/image-place.js'
import type { BodyTemplates } from '../sites/body-templates.js'
import { renderBody } from './_html.js'
import { applyAttributeLists } from './_kramdown.js'
import { leaveOutJsx } from './_mdx.js'
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
  /** Where relative image paths are looked for beside the article file (generator sites, `publicDir`). */
  images?: ImagePlace
  /** An `.mdx` file: its JavaScript (imports, components, expressions) is left out. */
  mdx?: true
  /** Text that ends the summary in the body (Jekyll's `excerpt_separator`), if the site or file sets one. */
  excerptSeparator?: string
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
      /** Image files looked for beside the article (the HTML depends on them), and the missing ones' lines. */
      images?: {
        files: string[]
        missing: { file: string; reference: string; line: number }[]
        /** Each reference looked up, with what was found (`describeLookup`). */
        lookups: [reference: string, found: string][]
      }
      /** MDX code left out of an `.mdx` body: the first piece with its file line, and how many. */
      jsx?: { line: number; what: string; count: number }
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
  const mdx = job.mdx ? leaveOutJsx(text) : { text }
  const translated = translateTemplates(mdx.text, job.templates)
  const markdown =
    job.templates?.markdown === 'kramdown' ? applyAttributeLists(translated.text) : translated.text
  const looked = new Map<string, LocatedImage>()
  const place = job.images
  const imageUrl = place && ((reference: string) => _located(reference, place, looked))
  const body = renderBody(
    markdown,
    {
      articleUrl: job.articleUrl,
      siteUrl: job.siteUrl,
      ...(imageUrl ? { imageUrl } : {}),
    },
    _marks(job.templates),
  )
  const { html, direct } = body
  const summary =
    job.summary === undefined ? _summaryOf(markdown, html, direct, job) : renderPlainText(job.summary)
  const leftOut = translated.leftOut.map(({ offset, name: _name, ...rest }) => ({
    ...lineOf(mdx.text, offset, job.source.bodyLine),
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
    ...(looked.size > 0 ? { images: _lookedFor(looked, markdown, job.source.bodyLine) } : {}),
    ...(mdx.leftOut ? { jsx: { ...mdx.leftOut, line: job.source.bodyLine + mdx.leftOut.line } } : {}),
  }
}

/** The URL of the file an image path names beside the article, noting the lookup; undefined: the article URL's. */
function _located(
  reference: string,
  place: ImagePlace,
  looked: Map<string, LocatedImage>,
): string | undefined {
  const located = locateImage(reference, place)
  if (located === undefined) return undefined
  looked.set(reference, located)
  return located.exists ? located.url : undefined
}

/** The files looked for, and the missing ones with the file line of their first mention. */
function _lookedFor(
  looked: Map<string, LocatedImage>,
  markdown: string,
  bodyLine: number,
): NonNullable<(RenderedBody & { ok: true })['images']> {
  const missing = [...looked]
    .filter(([, located]) => !located.exists && !located.published)
    .map(([reference, located]) => {
      const at = markdown.indexOf(reference)
      return {
        file: located.file,
        reference,
        line: at === -1 ? bodyLine : lineOf(markdown, at, bodyLine).line,
      }
    })
  const lookups = [...looked].map(([reference, located]): [string, string] => [
    reference,
    describeLookup(located),
  ])
  return { files: [...looked.values()].map((located) => located.file), missing, lookups }
}

/**
 * The summary from the body: the text before the separator the site or file sets (Jekyll's
 * `excerpt_separator`), else a generator site's text before `<!--more-->`, else the first paragraph.
 */
function _summaryOf(text: string, html: string, direct: boolean, job: BodyJob): string {
  const separator = job.excerptSeparator ?? (job.templates === undefined ? undefined : '<!--more-->')
  const more = separator === undefined ? -1 : text.indexOf(separator)
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
