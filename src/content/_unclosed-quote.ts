/**
 * Where a quoted YAML value that is never closed starts: js-yaml reports such a value at the end of
 * the front matter ("unexpected end of the stream within a double quoted scalar"), which is not
 * where the author has to look. Returns the 0-based line and column of the opening quote.
 */
export function findUnclosedQuote(yaml: string): { line: number; column: number; quote: string } | undefined {
  let open: { line: number; column: number; quote: string } | undefined
  for (const [index, text] of yaml.split('\n').entries()) {
    let from = 0
    if (!open) {
      const start = /^(?:\s*-\s+|[^#'"]*?:\s+|\s*)(["'])/.exec(text)
      if (!start?.[1]) continue
      from = start[0].length
      open = { line: index, column: from - 1, quote: start[1] }
    }
    if (_closes(text, from, open.quote)) open = undefined
  }
  return open
}

/** True when `text` from `from` on holds the closing quote (`\"` and `''` are escapes, not ends). */
function _closes(text: string, from: number, quote: string): boolean {
  for (let index = from; index < text.length; index++) {
    const character = text[index]
    if (quote === '"' && character === '\\') index++
    else if (character === quote) {
      if (quote === "'" && text[index + 1] === "'") index++
      else return true
    }
  }
  return false
}
