import { extname, posix } from 'node:path'

const _UTF8 = '; charset=utf-8'

// Types by extension; the text ones get a charset below.
const _BY_EXTENSION: Record<string, string> = {
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.xsl': 'text/xml',
  '.xslt': 'text/xml',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.opml': 'text/x-opml',
  '.css': 'text/css',
  '.txt': 'text/plain',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

/**
 * The `Content-Type` for a file in the output folder: feeds by their name (`rss*.xml`, `atom*.xml`,
 * `feed*.json`, so archive pages like `rss-2.xml` count), everything else by extension.
 */
export function mediaTypeFor(fileName: string): string {
  const name = posix.basename(fileName.replaceAll('\\', '/')).toLowerCase()
  const extension = extname(name)
  const type = _feedType(name, extension) ?? _BY_EXTENSION[extension] ?? 'application/octet-stream'
  return _isText(type) ? `${type}${_UTF8}` : type
}

/**
 * The type to send a file as for this request. Chromium shows `application/rss+xml` and
 * `application/atom+xml` as plain text and never applies their XSL stylesheet, so a browser asking
 * for a page (`Accept` naming `text/html`) gets the feed as `application/xml`; feed readers, which
 * do not ask for HTML, get the feed types. The answer says `Vary: Accept`.
 */
export function mediaTypeForRequest(fileName: string, accept: string | undefined): string {
  const type = mediaTypeFor(fileName)
  return wantsPage(accept) && /^application\/(rss|atom)\+xml/.test(type) ? `application/xml${_UTF8}` : type
}

/** Whether a request's `Accept` header asks for a page (names `text/html`): a browser, not a reader. */
export function wantsPage(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/html\b/.test(accept)
}

function _feedType(name: string, extension: string): string | undefined {
  if (extension === '.xml' && name.startsWith('rss')) return 'application/rss+xml'
  if (extension === '.xml' && name.startsWith('atom')) return 'application/atom+xml'
  if (extension === '.json' && name.startsWith('feed')) return 'application/feed+json'
  return undefined
}

function _isText(type: string): boolean {
  return /^(text\/|application\/(.+\+)?(json|xml)$)/.test(type)
}
