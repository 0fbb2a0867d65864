import { stripForbiddenChars } from '../content/xml-chars.js'
import { hasRawHtml, renderDirect } from './_direct.js'
import { markdownIt } from './_markdown.js'
import { sanitizeArticle } from './_sanitize.js'
import { findUnclosedTag } from './_unclosed-tag.js'
import type { UrlBase } from './urls.js'

/**
 * Markdown (raw HTML allowed inside) → sanitised HTML with absolute URLs, safe to embed in any feed;
 * and whether the HTML was written directly (the Markdown held no raw HTML, so the
 * sanitiser had nothing to judge: see `_direct.ts`) rather than by the sanitiser.
 */
export function renderBody(
  markdown: string,
  base: UrlBase,
): { html: string; direct: boolean; unclosed?: { tag: string; line: number } } {
  const tokens = markdownIt.parse(markdown, {})
  const direct = !hasRawHtml(tokens)
  // Trimming is safe: a `<pre>`'s own white space always sits between its tags.
  if (direct) return { html: stripForbiddenChars(renderDirect(tokens, base)).trim(), direct }
  const raw = markdownIt.renderer.render(tokens, markdownIt.options, {})
  const unclosed = findUnclosedTag(tokens, raw)
  const html = stripForbiddenChars(sanitizeArticle(raw, base)).trim()
  return unclosed ? { html, direct, unclosed } : { html, direct }
}
