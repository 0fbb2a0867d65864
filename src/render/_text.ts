import type SanitizeHtml from 'sanitize-html'
import { sanitizeHtml } from './_sanitize-html.js'

// Tags whose boundaries separate words; everything else is unwrapped to its text.
const _BLOCK_TAGS = [
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'blockquote', 'pre', 'hr', 'br', 'address'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary', 'figure', 'figcaption'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['section', 'article', 'aside', 'header', 'footer', 'main', 'nav'],
]

const _OPTIONS: SanitizeHtml.IOptions = {
  allowedTags: _BLOCK_TAGS,
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'template', 'iframe', 'noembed', 'noframes', 'xmp', 'title', 'textarea'],
  parseStyleAttributes: false,
}

const _ESCAPED = /&(amp|lt|gt);/g
const _UNESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>' }
const _TAG = /<[^>]*>/g
const _SPACE_RUN = /\s+/g
// A lone no-break space binds "5 km" or "Nr. 3" together and is kept; any other run becomes one space.
const _NO_BREAK = new Set(['\u00a0', '\u202f'])

const _BLOCK_SET = new Set(_BLOCK_TAGS)
const _ANY_TAG = /<(\/?)([a-z][a-z0-9]*)[^>]*>/g

/**
 * HTML reduced to bare block tags (no attributes) and text with entities decoded.
 * In the result `<` only ever starts a tag and `&` only `&amp;`, `&lt;` or `&gt;`,
 * so it can be split with plain regular expressions.
 *
 * `direct`: the HTML is `renderDirect`'s (markdown-it's own tags, attribute values escaped, text
 * escaping only `&`, `<` and `>`), which is already in that form apart from its tags: they are
 * rewritten here as the sanitiser would, without loading it.
 */
export function toTextBlocks(html: string, direct = false): string {
  if (!direct) return sanitizeHtml(html, _OPTIONS)
  return html.replace(_ANY_TAG, (_tag, slash: string, name: string) => {
    if (!_BLOCK_SET.has(name)) return ''
    return name === 'br' || name === 'hr' ? `<${name} />` : `<${slash}${name}>`
  })
}

/** Plain text of (part of) a `toTextBlocks` result: tags become spaces, each run of white space becomes one space. */
export function blocksToText(blocks: string): string {
  return blocks
    .replace(_TAG, ' ')
    .replace(_ESCAPED, (_match, name: string) => _UNESCAPED[name] ?? '')
    .replace(_SPACE_RUN, (run) => (_NO_BREAK.has(run) ? run : ' '))
    .trim()
}
