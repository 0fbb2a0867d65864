/**
 * `value` without the characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets): C0 controls
 * other than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates. Written from the spec's `Char`
 * production, independently of kanal's own regular expression.
 */
export function withoutNonXmlChars(value: string): string {
  let kept = ''
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    if (allowed) kept += char
  }
  return kept
}

/**
 * `value` as a YAML double-quoted scalar. JSON escapes are YAML escapes too; JSON leaves DEL, the C1
 * controls, U+FEFF, U+2028/9 and U+FFFE/F raw, which YAML does not print safely, so those are escaped too.
 */
export function toYamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  )
}
