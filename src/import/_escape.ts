/** Inline syntax anywhere: escapes, code, emphasis, strikethrough, links/images, HTML/autolinks, entities. */
const _INLINE = /[\\`*_~[\]<]|&(?=#?[a-z0-9]+;)/gi
/** Block syntax at a line start: heading, quote, list, rule, setext underline, table delimiter row. */
const _BLOCK_START = /^[#>+\-=|:]/
/** An ordered list marker (`1.` or `1)`), which German dates like `1. Mai` look like. */
const _ORDERED = /^(\d{1,9})([.)])(?=\s|$)/

/**
 * Backslash-escapes a plain-text paragraph so Markdown renders exactly its characters as one paragraph.
 * Lines are kept (they render as soft breaks); each line is expected to be trimmed already.
 */
export function escapeMarkdown(paragraph: string): string {
  return paragraph.split('\n').map(_escapeLine).join('\n')
}

function _escapeLine(line: string): string {
  return line.replace(_INLINE, '\\$&').replace(_BLOCK_START, '\\$&').replace(_ORDERED, '$1\\$2')
}
