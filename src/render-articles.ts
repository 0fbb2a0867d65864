import { type ArticleCache, renderKey, sha256 } from './cache/cache.js'
import type { Config } from './config.js'
import type { Article } from './content/article.js'
import { decodeBody, readBodyBytes } from './content/read.js'
import { removeForbiddenChars } from './content/xml-chars.js'
import { ContentError } from './errors.js'
import { renderHtml } from './render/html.js'
import { renderPlainText } from './render/plain-text.js'
import { summarize } from './render/summary.js'

/** An article's body as the feeds show it. */
export interface RenderedArticle {
  /** Sanitised HTML with absolute URLs. */
  html: string
  /** Plain-text summary: the front matter's, or the start of the first paragraph. */
  summary: string
}

/** The rendered bodies, with every problem found while reading them. */
export interface RenderResult {
  rendered: Map<Article, RenderedArticle>
  errors: ContentError[]
  warnings: ContentError[]
}

/**
 * Reads and renders the bodies of the given articles only (the ones some feed shows). HTML comes from
 * the cache when the body's hash is known and unchanged, without reading the body at all.
 */
export async function renderArticles(
  articles: Iterable<Article>,
  config: Config,
  cache: ArticleCache,
  onProgress?: (stage: 'rendern', done: number, total: number) => void,
): Promise<RenderResult> {
  const result: RenderResult = { rendered: new Map(), errors: [], warnings: [] }
  const all = [...articles]
  for (const [index, article] of all.entries()) {
    if (index % 100 === 0) onProgress?.('rendern', index, all.length)
    try {
      const html = await _html(article, config, cache, result.warnings)
      const summary = article.summary === undefined ? summarize(html) : renderPlainText(article.summary)
      result.rendered.set(article, { html, summary })
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      result.errors.push(error)
    }
  }
  return result
}

async function _html(article: Article, config: Config, cache: ArticleCache, warnings: ContentError[]) {
  const entry = cache.current(article.source.relative)
  if (entry?.bodyHash) {
    const cached = await cache.html(renderKey(entry.bodyHash, article.url, config.siteUrl))
    if (cached !== undefined) {
      cache.stats.renderReused++
      return cached
    }
  }
  cache.stats.rendered++
  const bytes = readBodyBytes(article.source)
  const bodyHash = sha256(bytes)
  const { text, removed } = removeForbiddenChars(
    decodeBody(bytes, article.source.file, article.source.bodyLine),
  )
  if (removed > 0) {
    warnings.push(
      new ContentError(
        { file: article.source.file, line: article.source.bodyLine },
        `removed ${removed} control character(s) that XML does not allow from the text`,
      ),
    )
  }
  const html = renderHtml(text, { articleUrl: article.url, siteUrl: config.siteUrl })
  if (entry) entry.bodyHash = bodyHash
  // Warnings must repeat on every build, so text that needed cleaning is not cached.
  if (removed === 0) cache.storeHtml(renderKey(bodyHash, article.url, config.siteUrl), html)
  return html
}
