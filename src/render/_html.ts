import { stripForbiddenChars } from '../content/xml-chars.js'
import { hasRawHtml, renderDirect } from './_direct.js'
import { markdownIt } from './_markdown.js'
import { sanitizeArticle } from './_sanitize.js'
import type { UrlBase } from './urls.js'

/**
 * Markdown (raw HTML allowed inside) → sanitised HTML with absolute URLs, safe to embed in any feed;
 * and whether the HTML was written directly (the Markdown held no raw HTML, so the
 * sanitiser had nothing to judge: see `_direct.ts`) rather than by the sanitiser.
 */
export function renderBody(markdown: string, base: UrlBase): { html: string; direct: boolean } {
  const tokens = markdownIt.parse(markdown, {})
  const direct = !hasRawHtml(tokens)
  const html = direct
    ? renderDirect(tokens, base)
    : sanitizeArticle(markdownIt.renderer.render(tokens, markdownIt.options, {}), base)
  // Trimming is safe: a `<pre>`'s own white space always sits between its tags.
  return { html: stripForbiddenChars(html).trim(), direct }
}
