import { stripForbiddenChars } from '../content/xml-chars.js'
import { hasRawHtml, renderDirect } from './_direct.js'
import { markdownIt } from './_markdown.js'
import { locateRemovals, type Removal, type RemovedTarget } from './_removed.js'
import { sanitizeArticle } from './_sanitize.js'
import { findUnclosedTag } from './_unclosed-tag.js'
import type { Substitutions } from './typographer.js'
import type { UrlBase } from './urls.js'

/**
 * Markdown (raw HTML allowed inside) → sanitised HTML with absolute URLs, safe to embed in any feed;
 * whether the HTML was written directly (the Markdown held no raw HTML, so the sanitiser had nothing
 * to judge: see `_direct.ts`) rather than by the sanitiser; and the link targets and image sources
 * removed on the way (both paths find the same ones, with the Markdown's 0-based line). A Hugo site's
 * bodies get Hugo's typographer (`hugoTypographer`: the marks it writes).
 */
export function renderBody(
  markdown: string,
  base: UrlBase,
  hugoTypographer?: Substitutions,
): { html: string; direct: boolean; removed: RemovedTarget[]; unclosed?: { tag: string; line: number } } {
  const tokens = markdownIt.parse(markdown, hugoTypographer ? { hugoTypographer } : {})
  const direct = !hasRawHtml(tokens)
  // Trimming is safe: a `<pre>`'s own white space always sits between its tags.
  if (direct) {
    const removed: RemovedTarget[] = []
    return { html: stripForbiddenChars(renderDirect(tokens, base, removed)).trim(), direct, removed }
  }
  const raw = markdownIt.renderer.render(tokens, markdownIt.options, {})
  const unclosed = findUnclosedTag(tokens, raw)
  const removals: Removal[] = []
  const html = stripForbiddenChars(sanitizeArticle(raw, base, removals)).trim()
  // Looked up only when something was removed: the lines cost a second look at the tokens.
  const removed = removals.length > 0 ? locateRemovals(tokens, removals) : []
  return unclosed ? { html, direct, removed, unclosed } : { html, direct, removed }
}
