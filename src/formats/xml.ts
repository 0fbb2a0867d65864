/** Escapes text for XML element content and attribute values; `>` too, so `]]>` can never appear. */
export function escapeXml(value: string): string {
  if (!_SPECIAL.test(value)) return value
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

const _SPECIAL = /[&<>"]/

/**
 * Escapes plain text (RSS titles, Atom `type="text"`): `&`, `<`, `>` as hexadecimal character
 * references. Readers decode them like `&amp;`; the W3C validator, unlike for `&amp;`, then does not
 * suspect HTML in the text (its `ContainsHTML` / `CharacterData` warnings).
 */
export function escapeText(value: string): string {
  return value.replace(/[&<>"]/g, (char) => _HEX[char] ?? char)
}

/**
 * Escapes plain text for an element whose content is HTML (RSS `description`): first as HTML, then
 * as XML, so that `AT&T` reaches the reader as the HTML `AT&amp;T` and shows as `AT&T`.
 */
export function escapeTextAsHtml(value: string): string {
  return escapeXml(escapeXml(value))
}

const _HEX: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&#x22;' }

/** `<name attr="…">text</name>` with escaped text; nothing when the text is undefined. */
export function element(name: string, text: string | undefined, toText = escapeXml, attributes = ''): string {
  return text === undefined ? '' : `<${name}${attributes}>${toText(text)}</${name}>`
}
