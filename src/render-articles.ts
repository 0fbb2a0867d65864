import { type ArticleCache, renderKey } from './cache/cache.js'
import type { Config } from './config.js'
import type { Article } from './content/article.js'
import { ContentError } from './errors.js'
import type { RenderedArticle } from './model.js'
import { type RenderOutcome, toContentError } from './parallel/jobs.js'
import type { JobPool } from './parallel/pool.js'

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
  const bodies = new Map<Article, RenderedArticle>()
  const misses: Article[] = []
  const shown = [...articles]
  const cached = await Promise.all(shown.map((article) => _cachedHtml(article, config, cache)))
  for (const [index, article] of shown.entries()) {
    const body = cached[index]
    if (body === undefined) misses.push(article)
    else bodies.set(article, body)
  }
  onProgress?.('rendern', 0, misses.length)
  const outcomes = await pool.render(
    misses.map((article) => ({
      source: article.source,
      articleUrl: article.url,
      siteUrl: config.siteUrl,
      ...(article.summary === undefined ? {} : { summary: article.summary }),
    })),
  )
  for (const [index, outcome] of outcomes.entries()) {
    const article = misses[index] as Article
    if (!outcome.ok) {
      result.errors.push(toContentError(outcome.error))
      continue
    }
    const bodyKey = _learn(article, outcome, config, cache, result.warnings)
    bodies.set(article, { html: outcome.html, summary: outcome.summary, ...(bodyKey ? { bodyKey } : {}) })
  }
  for (const [article, body] of bodies) result.rendered.set(article, body)
  return result
}

async function _cachedHtml(article: Article, config: Config, cache: ArticleCache) {
  const bodyHash = cache.bodyHash(article.source.relative)
  if (!bodyHash) return undefined
  const bodyKey = renderKey(bodyHash, article.url, config.siteUrl, article.summary)
  const cached = await cache.html(bodyKey)
  if (cached === undefined) return undefined
  cache.stats.renderReused++
  return { html: cached.html, summary: cached.summary, bodyKey }
}

function _learn(
  article: Article,
  outcome: RenderOutcome & { ok: true },
  config: Config,
  cache: ArticleCache,
  warnings: ContentError[],
): string | undefined {
  cache.stats.rendered++
  cache.learnBodyHash(article.source.relative, outcome.bodyHash)
  if (outcome.removed > 0) {
    warnings.push(
      new ContentError(
        { file: article.source.file, ...(outcome.removedAt ?? { line: article.source.bodyLine }) },
        `removed ${outcome.removed} control ${outcome.removed === 1 ? 'character' : 'characters'} that XML does not allow from the text`,
      ),
    )
    return undefined // warnings must repeat on every build, so text that needed cleaning is not cached
  }
  const key = renderKey(outcome.bodyHash, article.url, config.siteUrl, article.summary)
  cache.storeHtml(key, { html: outcome.html, summary: outcome.summary })
  return key
}
