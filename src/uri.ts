// What RFC 3986 allows after a URI's authority: unreserved and reserved characters, and `%XX`
// escapes. The WHATWG URL serializer (`new URL(…).href`) leaves `[`, `]`, `|`, `^`, `{`, `}`, a
// backslash, a stray `%` and a second `#` in paths, queries and fragments, which feed validators
// (and the JSON Feed schema's `uri` format) reject.
const _NOT_URI = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu
// The same for IRIs (RFC 3987, Atom ids): characters beyond ASCII are allowed as they are.
// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII character, then the allowed ones taken out
const _NOT_IRI = /%(?![0-9A-Fa-f]{2})|[\u0000-\u007F](?<![A-Za-z0-9\-._~:/?#@!$&'()*+,;=%])/gu
const _SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/
const _AUTHORITY = /^\/\/[^/?#]*/

/** Which characters a reference may hold as they are: `uri` only ASCII, `iri` also the rest of Unicode. */
export type UriKind = 'uri' | 'iri'

/**
 * `href` with every character that a URI (or IRI) may not contain percent-encoded as UTF-8, so
 * `https://x.de/bilder/foto[1].jpg` becomes `https://x.de/bilder/foto%5B1%5D.jpg`. The scheme and
 * authority stay as they are (an IPv6 host keeps its brackets); a second `#` is encoded too.
 */
export function toUriText(href: string, kind: UriKind = 'uri'): string {
  const { head, rest } = _split(href)
  const hash = rest.indexOf('#')
  const pattern = kind === 'uri' ? _NOT_URI : _NOT_IRI
  const encode = (part: string) => part.replace(pattern, _escape)
  if (hash < 0) return head + encode(rest)
  return `${head}${encode(rest.slice(0, hash))}#${encode(rest.slice(hash + 1)).replaceAll('#', '%23')}`
}

/** True when `href` holds nothing that `toUriText` would encode: what a strict feed validator accepts. */
export function isUriText(href: string, kind: UriKind = 'uri'): boolean {
  return toUriText(href, kind) === href
}

function _split(href: string): { head: string; rest: string } {
  const scheme = _SCHEME.exec(href)?.[0] ?? ''
  const authority = _AUTHORITY.exec(href.slice(scheme.length))?.[0] ?? ''
  const head = scheme + authority
  return { head, rest: href.slice(head.length) }
}

function _escape(char: string): string {
  try {
    return encodeURIComponent(char)
  } catch {
    return '%EF%BF%BD' // a lone surrogate: U+FFFD, as the URL parser writes it
  }
}
