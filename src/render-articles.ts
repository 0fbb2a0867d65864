import type { Config } from './config.js'
import type { Article } from './content/article.js'
import { readBody } from './content/read.js'
import { removeForbiddenChars } from './content/xml-chars.js'
import { ContentError } from './errors.js'
import { renderHtml } from './render/html.js'
import { summarize } from './render/summary.js'

/** An article's body as the feeds show it. */
export interface RenderedArticle {
  /** Sanitised HTML with absolute URLs. */
  html: string
  /** Plain-text summary: the front matter's, or the start of the first paragraph. */
  summary: string
}

/** Reads and renders the bodies of the given articles only (the ones some feed shows). */
export function renderArticles(
  articles: Iterable<Article>,
  config: Config,
): { rendered: Map<Article, RenderedArticle>; errors: ContentError[]; warnings: ContentError[] } {
  const rendered = new Map<Article, RenderedArticle>()
  const errors: ContentError[] = []
  const warnings: ContentError[] = []
  for (const article of articles) {
    try {
      const { text, removed } = removeForbiddenChars(readBody(article.source))
      if (removed > 0) {
        warnings.push(
          new ContentError(
            { file: article.source.file, line: article.source.bodyLine },
            `removed ${removed} control character(s) that XML does not allow from the text`,
          ),
        )
      }
      const html = renderHtml(text, { articleUrl: article.url, siteUrl: config.siteUrl })
      rendered.set(article, { html, summary: article.summary ?? summarize(html) })
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      errors.push(error)
    }
  }
  return { rendered, errors, warnings }
}
