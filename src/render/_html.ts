import { stripForbiddenChars } from '../content/xml-chars.js'
import { hasRawHtml, renderDirect } from './_direct.js'
import { markdownIt } from './_markdown.js'
import { locateRemovals, type Removal, type RemovedTarget } from './_removed.js'
import { sanitizeArticle } from './_sanitize.js'
import type { UrlBase } from './urls.js'

/**
 * Markdown (raw HTML allowed inside) → sanitised HTML with absolute URLs, safe to embed in any feed;
 * whether the HTML was written directly (the Markdown held no raw HTML, so the sanitiser had nothing
 * to judge: see `_direct.ts`) rather than by the sanitiser; and the link targets and image sources
 * removed on the way (both paths find the same ones, with the Markdown's 0-based line).
 */
export function renderBody(
  markdown: string,
  base: UrlBase,
): { html: string; direct: boolean; removed: RemovedTarget[] } {
  const tokens = markdownIt.parse(markdown, {})
  const direct = !hasRawHtml(tokens)
  let removed: RemovedTarget[] = []
  let html: string
  if (direct) html = renderDirect(tokens, base, removed)
  else {
    const removals: Removal[] = []
    html = sanitizeArticle(markdownIt.renderer.render(tokens, markdownIt.options, {}), base, removals)
    // Looked up only when something was removed: the lines cost a second look at the tokens.
    if (removals.length > 0) removed = locateRemovals(tokens, removals)
  }
  // Trimming is safe: a `<pre>`'s own white space always sits between its tags.
  return { html: stripForbiddenChars(html).trim(), direct, removed }
}
