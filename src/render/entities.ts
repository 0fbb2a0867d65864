import { markdownIt } from './_markdown.js'

/**
 * Text with its HTML character references decoded: named (`&bdquo;`, `&amp;`) and numeric (`&#8230;`,
 * `&#x2026;`), as a browser shows them. Titles are written for a page, where `&bdquo;` shows as „; a title
 * meant to show the characters `&amp;` itself would need `&amp;amp;` there too. References a browser
 * would not decode to a character XML allows (`&#0;`, `&#x1F;`) and unknown names stay as written.
 * Backslashes are kept: only references are decoded, not Markdown escapes.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  // markdown-it's `unescapeAll` decodes references and backslash escapes: doubled backslashes come back single.
  return markdownIt.utils.unescapeAll(text.replaceAll('\\', '\\\\'))
}
