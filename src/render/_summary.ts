import { stripForbiddenChars } from '../content/xml-chars.js'
import { blocksToText, toTextBlocks } from './_text.js'
import { truncate } from './_truncate.js'

const _PARAGRAPH = /<p>([\s\S]*?)<\/p>/g
const _PARAGRAPH_END = /<\/p\s*>/i
const _TAG = /<[^>]*>/

/**
 * Plain text of the first non-empty paragraph of rendered HTML (or, without one, of the first
 * block with text, such as a heading), cut at a word boundary near `maxLength` with `…`.
 * `direct`: the HTML came from `renderDirect` (see `toTextBlocks`).
 */
export function summarize(html: string, maxLength = 280, direct = false): string {
  const text =
    _firstParagraph(toTextBlocks(_head(html), direct)) ?? _firstBlockText(toTextBlocks(html, direct))
  return truncate(stripForbiddenChars(text), maxLength)
}

/** Plain text of all of rendered HTML (the excerpt before `<!--more-->`), cut like `summarize`'s. */
export function summarizeAll(html: string, maxLength = 280, direct = false): string {
  const text = blocksToText(toTextBlocks(html, direct)).trim()
  return truncate(stripForbiddenChars(text), maxLength)
}

// Most articles open with a text paragraph, so its end is looked for first and the rest of the
// body is parsed only when that paragraph turns out empty (an image) or missing. In rendered
// HTML `</p>` cannot occur inside an attribute or text, where `<` is escaped.
function _head(html: string): string {
  const end = _PARAGRAPH_END.exec(html)
  return end === null ? '' : html.slice(0, end.index + end[0].length)
}

function _firstParagraph(blocks: string): string | undefined {
  for (const match of blocks.matchAll(_PARAGRAPH)) {
    const text = blocksToText(match[1] ?? '')
    if (text !== '') return text
  }
  return undefined
}

function _firstBlockText(blocks: string): string {
  const paragraph = _firstParagraph(blocks)
  if (paragraph !== undefined) return paragraph
  for (const chunk of blocks.split(_TAG)) {
    const text = blocksToText(chunk)
    if (text !== '') return text
  }
  return ''
}
