import { decodeHTMLStrict } from 'entities'

/**
 * Text with its HTML character references decoded: numeric (`&#8230;`, `&#x2026;`) and named (`&bdquo;`,
 * `&ndash;`, `&auml;`, `&amp;`; HTML's whole list, from the `entities` package markdown-it uses too), as
 * a browser shows them. Titles are written for a page, where `&bdquo;` shows as „; a title meant to show
 * the characters `&amp;` itself would need `&amp;amp;` there too. References a browser would not decode to a character (`&#0;`,
 * `&#x1F;`, surrogates), names outside that list and a name without its `;` stay as written.
 * No markdown-it here: the content stage reads titles without loading a Markdown parser.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(_REFERENCE, (reference, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return decodeHTMLStrict(reference)
    const code = hex ? Number.parseInt(hex, 16) : Number.parseInt(decimal ?? '', 10)
    return _isDecodable(code) ? String.fromCodePoint(code) : reference
  })
}

const _REFERENCE = /&(?:#[xX]([\da-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z\d]{1,31}));/g

/** The code points markdown-it decodes too (so a Hugo title, decoded by it, reads the same). */
function _isDecodable(code: number): boolean {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0xfdd0 && code <= 0xfdef))
    return false
  if ((code & 0xfffe) === 0xfffe || code <= 0x08 || code === 0x0b) return false
  return !((code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f))
}
