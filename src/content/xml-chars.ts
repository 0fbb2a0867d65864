// XML 1.0 §2.2 Char: tab, LF and CR are allowed; other C0 controls, U+FFFE/U+FFFF and lone surrogates are not.
const _FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Removes the characters XML 1.0 forbids; returns the text and how many were removed. */
export function removeForbiddenChars(value: string): { text: string; removed: number } {
  let removed = 0
  const text = value.replace(_FORBIDDEN, () => {
    removed++
    return ''
  })
  return { text, removed }
}
