import { type ArticleCache, renderKey } from './cache/cache.js'
import type { Config } from './config.js'
import type { Article } from './content/article.js'
import { ContentError } from './errors.js'
import { toContentError } from './parallel/jobs.js'
import type { JobPool } from './parallel/pool.js'
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
 * the cache when the body's hash is known and unchanged, without reading the body at all; the rest is
 * rendered, shared between threads.
 */
export async function renderArticles(
  articles: Iterable<Article>,
  config: Config,
  cache: ArticleCache,
  pool: JobPool,
  onProgress?: (stage: 'rendern', done: number, total: number) => void,
): Promise<RenderResult> {
  const result: RenderResult = { rendered: new Map(), errors: [], warnings: [] }
  const html = new Map<Article, string>()
  const misses: Article[] = []
  for (const article of articles) {
    const cached = await _cachedHtml(article, config, cache)
    if (cached === undefined) misses.push(article)
    else html.set(article, cached)
  }
  onProgress?.('rendern', 0, misses.length)
  const outcomes = await pool.render(
    misses.map((article) => ({ source: article.source, articleUrl: article.url, siteUrl: config.siteUrl })),
  )
  for (const [index, outcome] of outcomes.entries()) {
    const article = misses[index] as Article
    if (!outcome.ok) {
      result.errors.push(toContentError(outcome.error))
      continue
    }
    html.set(article, outcome.html)
    _learn(article, outcome, config, cache, result.warnings)
  }
  for (const [article, body] of html) {
    const summary = article.summary === undefined ? summarize(body) : renderPlainText(article.summary)
    result.rendered.set(article, { html: body, summary })
  }
  return result
}

async function _cachedHtml(article: Article, config: Config, cache: ArticleCache) {
  const entry = cache.current(article.source.relative)
  if (!entry?.bodyHash) return undefined
  const cached = await cache.html(renderKey(entry.bodyHash, article.url, config.siteUrl))
  if (cached !== undefined) cache.stats.renderReused++
  return cached
}

function _learn(
  article: Article,
  outcome: { html: string; bodyHash: string; removed: number },
  config: Config,
  cache: ArticleCache,
  warnings: ContentError[],
): void {
  cache.stats.rendered++
  const entry = cache.current(article.source.relative)
  if (entry) entry.bodyHash = outcome.bodyHash
  if (outcome.removed > 0) {
    warnings.push(
      new ContentError(
        { file: article.source.file, line: article.source.bodyLine },
        `removed ${outcome.removed} control character(s) that XML does not allow from the text`,
      ),
    )
    return // warnings must repeat on every build, so text that needed cleaning is not cached
  }
  cache.storeHtml(renderKey(outcome.bodyHash, article.url, config.siteUrl), outcome.html)
}
