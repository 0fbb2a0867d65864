// XML 1.0 allows tab, LF and CR but no other C0 control, no U+FFFE/U+FFFF and no lone surrogate
// (https://www.w3.org/TR/xml/#charsets); escaping cannot repair them, so they are removed. With the
// `u` flag a surrogate pair is one code point, so `\p{Cs}` matches only lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const _FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu

/** Removes the characters XML 1.0 forbids; returns the text and how many were removed. */
export function removeForbiddenChars(value: string): { text: string; removed: number } {
  let removed = 0
  const text = value.replace(_FORBIDDEN, () => {
    removed++
    return ''
  })
  return { text, removed }
}

/** Removes the characters XML 1.0 forbids, so the text can be embedded in any feed format. */
export function stripForbiddenChars(value: string): string {
  return value.replace(_FORBIDDEN, '')
}

/** Line and column (1-based, counted from `firstLine`) of the first character XML forbids, if any. */
export function findForbiddenChar(
  value: string,
  firstLine = 1,
): { line: number; column: number } | undefined {
  const match = new RegExp(_FORBIDDEN.source, 'u').exec(value)
  if (!match) return undefined
  const before = value.slice(0, match.index)
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: firstLine + (before.match(/\n/g)?.length ?? 0), column: match.index - lineStart + 1 }
}
