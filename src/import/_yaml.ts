const _NAMED: Record<number, string> = {
  0: '\\0',
  9: '\\t',
  10: '\\n',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
}

/**
 * Quotes a string as a YAML double-quoted scalar that every YAML 1.1/1.2 parser reads back unchanged.
 * Only `"`, `\` and characters YAML forbids or treats as line breaks are escaped; „“ ‚‘ `:` `#` stay as they are.
 */
export function toYamlString(value: string): string {
  let quoted = '"'
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    quoted += _NAMED[code] ?? (_mustEscape(code) ? _unicodeEscape(code) : char)
  }
  return `${quoted}"`
}

/** Control characters, NEL and the Unicode line separators, BOM, non-characters and lone surrogates. */
function _mustEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff ||
    (code >= 0xd800 && code <= 0xdfff)
  )
}

function _unicodeEscape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
}
