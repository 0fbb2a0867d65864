import { createRequire } from 'node:module'
import type SanitizeHtml from 'sanitize-html'

let _sanitizeHtml: typeof SanitizeHtml | undefined

/**
 * sanitize-html, loaded on first use (it is large: an HTML parser and a CSS parser): Markdown without
 * raw HTML is rendered without it (`_direct.ts`), so most builds never load it.
 */
export function sanitizeHtml(html: string, options: SanitizeHtml.IOptions): string {
  _sanitizeHtml ??= createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml
  return _sanitizeHtml(html, options)
}
