import { stripForbiddenChars } from '../content/xml-chars.js'
import { markdownIt } from './_markdown.js'
import { sanitizeArticle } from './_sanitize.js'
import type { UrlBase } from './urls.js'

/** Markdown (raw HTML allowed inside) → sanitised HTML with absolute URLs, safe to embed in any feed. */
export function renderHtml(markdown: string, base: UrlBase): string {
  // Trimming is safe: a `<pre>`'s own white space always sits between its tags.
  return stripForbiddenChars(sanitizeArticle(markdownIt.render(markdown), base)).trim()
}
