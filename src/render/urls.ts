import { toUriText } from '../uri.js'

/** The two addresses an article's relative URLs are resolved against. */
export interface UrlBase {
  /** Absolute http(s) URL of the article's page; resolves `bild.jpg`, `../x` and `#anker`. */
  articleUrl: string
  /** Absolute http(s) URL of the site, ending with `/`; resolves `/bilder/a.jpg`. */
  siteUrl: string
  /** An image source's URL from the file it names beside the article, if any (generator sites). */
  imageUrl?: (reference: string) => string | undefined
}

/**
 * The URL schemes kept in links and image sources: the web, mail and phone, and the ones people link
 * to from articles (calendars, chat, text messages, maps, files, newsgroups, torrents). None of them
 * runs code in a reader; every other scheme (`javascript:`, `data:`, `vbscript:`, `file:` …) is removed.
 */
export const SAFE_SCHEMES: readonly string[] = [
  ...['http', 'https', 'mailto', 'tel', 'webcal', 'irc', 'ircs', 'xmpp', 'sms', 'geo', 'ftp', 'news'],
  'magnet',
]

const _SAFE_PROTOCOLS = new Set(SAFE_SCHEMES.map((scheme) => `${scheme}:`))
const _SCHEME = /^([a-z][a-z0-9+.-]*):/i

// The WHATWG URL parser drops tab/LF/CR anywhere and C0 controls or spaces at both ends
// (https://url.spec.whatwg.org/#concept-basic-url-parser); do the same first, so that the
// kind of reference we see is the kind the parser (and a browser) would see.
const _IGNORED_INSIDE = /[\t\n\r]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: the URL parser strips exactly these
const _IGNORED_AT_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
const _PROTOCOL_RELATIVE = /^[/\\]{2}/
const _SITE_RELATIVE = /^[/\\]/

/**
 * Makes a URL from content or front matter absolute, or returns `undefined` when it is empty,
 * unparseable or of a scheme not in `SAFE_SCHEMES` (so `javascript:`, `data:`, `vbscript:` … in any spelling).
 * `bild.jpg`, `../x` and `#x` resolve against `articleUrl`; `//cdn.example/x` gets `https:`.
 * A site-relative `/bilder/a.jpg` resolves *below* `siteUrl`, so a site living at `https://x.de/blog/`
 * gets `https://x.de/blog/bilder/a.jpg`: authors write paths relative to their site, not to the host.
 * Non-ASCII characters, and what a URI may not hold (`[`, `|`, `{` …), are percent-encoded as UTF-8;
 * existing `%XX` escapes are kept as they are.
 */
export function toAbsoluteUrl(value: string, base: UrlBase): string | undefined {
  const reference = value.replace(_IGNORED_INSIDE, '').replace(_IGNORED_AT_ENDS, '')
  if (reference === '') return undefined
  const url = _parse(reference, base)
  return url && _SAFE_PROTOCOLS.has(url.protocol) ? toUriText(url.href) : undefined
}

function _parse(reference: string, base: UrlBase): URL | undefined {
  try {
    if (_PROTOCOL_RELATIVE.test(reference)) return new URL(`https:${reference}`)
    if (_SITE_RELATIVE.test(reference)) return new URL(`./${reference.slice(1)}`, base.siteUrl)
    return new URL(reference, base.articleUrl)
  } catch {
    return undefined
  }
}

/** True when `value` holds nothing but what the URL parser ignores: no target was written. */
export function isBlankUrl(value: string): boolean {
  return value.replace(_IGNORED_INSIDE, '').replace(_IGNORED_AT_ENDS, '') === ''
}

/** Why `toAbsoluteUrl` gave nothing for `value`, for a warning: its scheme, or that it is no URL. */
export function whyNotKept(value: string): string {
  const scheme = _SCHEME.exec(value.replace(_IGNORED_INSIDE, '').replace(_IGNORED_AT_ENDS, ''))?.[1]
  if (scheme !== undefined && !_SAFE_PROTOCOLS.has(`${scheme.toLowerCase()}:`)) {
    return `the scheme "${scheme.toLowerCase()}:" is not one kanal keeps (${SAFE_SCHEMES.join(', ')})`
  }
  return 'it is not a valid URL'
}
