import type { Token } from 'markdown-it'

// Elements whose content HTML parses as raw text up to their end tag, and which the sanitiser drops
// with that content. Unclosed, one of them takes the rest of the article with it: a `<script>` at the
// start of a line even starts a CommonMark HTML block that runs to the end of the file.
const _OPENING = /<(script|style|textarea|xmp|iframe|noembed|noframes|title)(?=[\s/>])[^>]*>/gi

/** An opening tag that is never closed, with the body line (0-based) it sits on, or undefined. */
export function findUnclosedTag(tokens: Token[], html: string): { tag: string; line: number } | undefined {
  const lower = html.toLowerCase()
  for (const match of html.matchAll(_OPENING)) {
    const tag = (match[1] as string).toLowerCase()
    if (lower.includes(`</${tag}`, (match.index ?? 0) + match[0].length)) continue
    return { tag, line: _lineOf(tokens, match[0]) }
  }
  return undefined
}

/** The first line of the block whose raw HTML holds `opening` (0 when none is found). */
function _lineOf(tokens: Token[], opening: string): number {
  for (const token of tokens) {
    if (token.type === 'html_block' && token.content.includes(opening)) return token.map?.[0] ?? 0
    const inline = token.children?.some(
      (child) => child.type === 'html_inline' && child.content.includes(opening),
    )
    if (inline) return token.map?.[0] ?? 0
  }
  return 0
}
