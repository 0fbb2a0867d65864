import path from 'node:path'
import type { Config } from '../config.js'
import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import { type ImagePlace, imagePlaceOf } from '../media/image-place.js'
import type { RenderedArticle } from '../model.js'
import { bodyTemplatesFor } from '../sites/body-templates.js'
import type { RemovedTarget } from './_removed.js'
import type { BodyRenderer, LeftOutAt } from './article-body.js'

/** The rendered bodies, with every problem found while reading them. */
export interface RenderResult {
  rendered: Map<Article, RenderedArticle>
  /** Image files looked for beside the articles, found or not: the HTML depends on them. */
  imageFiles: string[]
  errors: ContentError[]
  warnings: ContentError[]
}

/**
 * Reads and renders the bodies of the given articles only (the ones some feed shows), with `renderer`
 * (default: `renderEach`, loaded only now: Markdown and the sanitiser are large).
 */
export async function renderArticles(
  articles: Iterable<Article>,
  config: Config,
  cwd: string,
  renderer?: BodyRenderer,
  onProgress?: (stage: 'render', done: number, total: number) => void,
): Promise<RenderResult> {
  const result: RenderResult = { rendered: new Map(), imageFiles: [], errors: [], warnings: [] }
  const shown = [...articles]
  onProgress?.('render', 0, shown.length)
  const render = renderer ?? (await import('./article-body.js')).renderEach
  const outcomes = await render(
    shown.map((article) => {
      const templates = bodyTemplatesFor(config, article.source.path)
      return {
        source: article.source,
        articleUrl: article.url,
        siteUrl: config.siteUrl,
        ...(article.summary === undefined ? {} : { summary: article.summary }),
        ..._separatorOf(article, config),
        ...(/\.mdx$/i.test(article.source.relative) ? { mdx: true as const } : {}),
        ..._imagesOf(article, config, cwd),
        ...(templates ? { templates } : {}),
      }
    }),
  )
  for (const [index, outcome] of outcomes.entries()) {
    const article = shown[index] as Article
    if (!outcome.ok) {
      result.errors.push(outcome.error)
      continue
    }
    if (outcome.removed > 0) {
      const where = { file: article.source.file, ...(outcome.removedAt ?? { line: article.source.bodyLine }) }
      const characters = outcome.removed === 1 ? 'character' : 'characters'
      result.warnings.push(
        new ContentError(
          where,
          `removed ${outcome.removed} control ${characters} that XML does not allow from the text`,
        ),
      )
    }
    for (const leftOut of outcome.leftOut ?? []) {
      const { line, column } = leftOut
      result.warnings.push(
        new ContentError({ file: article.source.file, line, column }, _leftOutText(leftOut)),
      )
    }
    for (const removed of outcome.removedTargets ?? []) {
      result.warnings.push(
        new ContentError({ file: article.source.file, line: removed.line }, _removedText(removed)),
      )
    }
    result.imageFiles.push(...(outcome.images?.files ?? []))
    for (const missing of outcome.images?.missing ?? []) {
      const shown = path.relative(cwd, missing.file).split(path.sep).join('/')
      result.warnings.push(
        new ContentError(
          { file: article.source.file, line: missing.line },
          `image file ${shown} does not exist, so ${JSON.stringify(missing.reference)} is resolved against the article's URL; put the file there or fix the path`,
        ),
      )
    }
    if (outcome.jsx) {
      const { line, what, count } = outcome.jsx
      const times =
        count === 1 ? '' : ` and ${count - 1} more ${count === 2 ? 'piece' : 'pieces'} of MDX code`
      result.warnings.push(
        new ContentError(
          { file: article.source.file, line },
          `left out ${_short(what)}${times}: kanal reads .mdx as Markdown and cannot run imports, components or {expressions}; write what they show as Markdown or HTML`,
        ),
      )
    }
    if (outcome.unclosed) {
      const { tag, line } = outcome.unclosed
      result.warnings.push(
        new ContentError(
          { file: article.source.file, line },
          `<${tag}> is never closed, so everything after it is dropped with it (feeds allow no ${tag}); close it with </${tag}> or write &lt;${tag}&gt; to show the text`,
        ),
      )
    }
    result.rendered.set(article, { html: outcome.html, summary: outcome.summary })
  }
  return result
}

/** Where the article's relative image paths are looked for, if anywhere (see `imagePlaceOf`). */
function _imagesOf(article: Article, config: Config, cwd: string): { images?: ImagePlace } {
  const place = imagePlaceOf(article, config, cwd)
  return place === undefined ? {} : { images: place }
}

/** The text that ends the article's summary in its body: its own (Jekyll's per-post key), else the site's. */
function _separatorOf(article: Article, config: Config): { excerptSeparator?: string } {
  const separator = article.excerptSeparator ?? config.excerptSeparator
  return separator === undefined ? {} : { excerptSeparator: separator }
}

/** The warning for template code kanal cannot evaluate: a single tag left out, or a pair's tags dropped. */
function _leftOutText({ tag, close, count }: LeftOutAt): string {
  const times = count === undefined ? '' : ` (${count} times in this file; the first is here)`
  if (close === undefined)
    return `left out ${_short(tag)}${times}: kanal does not evaluate this template code; write the HTML or Markdown it stands for`
  return `dropped the tags ${_short(tag)} … ${_short(close)} and kept their content${times}: kanal does not evaluate this template code; check that the content reads right without it`
}

function _short(tag: string): string {
  const line = tag.replace(/\s+/g, ' ')
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}

/** The warning for a removed link target or image source: what, why, and what the reader sees now. */
function _removedText({ target, kind, reason }: RemovedTarget): string {
  const shown = JSON.stringify(target.length > 80 ? `${target.slice(0, 79)}…` : target)
  return kind === 'link'
    ? `removed the link target ${shown}: ${reason}; the link keeps only its text`
    : `removed the image or media source ${shown}: ${reason}; an image without another source is left out`
}
