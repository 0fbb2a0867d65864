import { stripForbiddenChars } from '../content/xml-chars.js'
import { hasRawHtml, renderDirect } from './_direct.js'
import { markdownIt } from './_markdown.js'
import { blocksToText, toTextBlocks } from './_text.js'

/**
 * Inline Markdown (a front-matter `summary`) → plain text: no tags, entities decoded,
 * white space collapsed to single spaces (a lone no-break space, as in `5 km`, is kept).
 */
export function renderPlainText(markdown: string): string {
  const tokens = markdownIt.parseInline(markdown, {})
  const direct = !hasRawHtml(tokens)
  const html = direct ? renderDirect(tokens) : markdownIt.renderer.render(tokens, markdownIt.options, {})
  return stripForbiddenChars(blocksToText(toTextBlocks(html, direct)))
}
