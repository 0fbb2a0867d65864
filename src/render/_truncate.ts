const _graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' })

// Punctuation that reads wrong right before the ellipsis: "sagte: …", "Berlin, …", "„…".
const _DANGLING = /[\s,;:–—(„‚[]+$/u

/**
 * Shortens plain text to at most `maxLength` UTF-16 code units plus `…`, cutting at the last space
 * before the limit. Without a space in the second half of that stretch (one long word or URL) it cuts
 * between two characters instead, never inside a surrogate pair or a composed emoji. The result is
 * never empty: a first character longer than `maxLength` is kept whole.
 */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const hardEnd = _lastGraphemeEnd(text, maxLength)
  if (hardEnd >= text.length) return text
  const space = text.lastIndexOf(' ', hardEnd)
  const end = space > 0 && space >= hardEnd / 2 ? space : hardEnd
  const cut = text.slice(0, end).replace(_DANGLING, '') || text.slice(0, hardEnd)
  return `${cut}…`
}

// The largest grapheme boundary not beyond `limit`, or the end of the first grapheme. `containing`
// looks at the text around `limit` only, instead of walking every grapheme before it.
function _lastGraphemeEnd(text: string, limit: number): number {
  const around = _graphemes.segment(text).containing(limit)
  if (around === undefined) return text.length
  return around.index > 0 ? around.index : around.segment.length
}
