// XML 1.0 allows tab, LF and CR but no other C0 control, no U+FFFE/U+FFFF and no lone surrogate
// (https://www.w3.org/TR/xml/#charsets); escaping cannot repair them, so they are removed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const _NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu

/** Removes the characters that XML 1.0 forbids, so the text can be embedded in any feed format. */
export function stripNonXmlChars(value: string): string {
  return value.replace(_NOT_XML, '')
}
