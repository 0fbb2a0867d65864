import type { Token } from 'markdown-it'

/** A link target or image source the renderer removed, for a warning. */
export interface RemovedTarget {
  /** Line of the Markdown (0-based) it was written on. */
  line: number
  /** The target as written (HTML character references decoded). */
  target: string
  /** `link`: an `href`, whose link keeps its text; `source`: the URL of an image, a video or audio. */
  kind: 'link' | 'source'
  /** Why it was removed. */
  reason: string
}

/** What the sanitiser removed, before its line is known: it sees rendered HTML, not the Markdown. */
export type Removal = Omit<RemovedTarget, 'line'>

/** A URL the tokens hold, and its line. */
interface _Site {
  name: string
  value: string
  line: number
}

/**
 * Each removal with the line it was written on. Removals come in document order; each is matched to
 * the next URL of the same value the tokens hold (Markdown links and images, and the `href`, `src`,
 * `poster` and `srcset` attributes of raw HTML). One that matches none takes the last matched line.
 */
export function locateRemovals(tokens: Token[], removals: Removal[]): RemovedTarget[] {
  const sites = _sites(tokens)
  let next = 0
  let line = sites[0]?.line ?? 0
  return removals.map((removal) => {
    for (let index = next; index < sites.length; index++) {
      const site = sites[index] as _Site
      const srcset = site.name === 'srcset'
      if (srcset ? !site.value.includes(removal.target) : site.value !== removal.target) continue
      // One srcset can lose several candidates; any other URL is removed once.
      next = srcset ? index : index + 1
      line = site.line
      break
    }
    return { ...removal, line }
  })
}

function _sites(tokens: Token[]): _Site[] {
  const sites: _Site[] = []
  let line = 0
  for (const token of tokens) {
    if (token.map) line = token.map[0]
    if (token.type === 'html_block') _htmlSites(token.content, line, sites)
    else if (token.children !== null) _inlineSites(token.children, line, sites)
  }
  return sites
}

function _inlineSites(children: Token[], first: number, sites: _Site[]): void {
  let line = first
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') line++
    else if (child.type === 'link_open')
      sites.push({ name: 'href', value: String(child.attrGet('href') ?? ''), line })
    else if (child.type === 'image')
      sites.push({ name: 'src', value: String(child.attrGet('src') ?? ''), line })
    else if (child.type === 'html_inline') {
      _htmlSites(child.content, line, sites)
      line += _newlines(child.content, child.content.length)
    }
  }
}

const _TAG = /<[a-zA-Z][^>]*>/g
const _URL_ATTRIBUTE = /\s(href|src|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi

function _htmlSites(html: string, first: number, sites: _Site[]): void {
  for (const tag of html.matchAll(_TAG)) {
    for (const attribute of tag[0].matchAll(_URL_ATTRIBUTE)) {
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? ''
      const line = first + _newlines(html, tag.index + attribute.index)
      sites.push({ name: (attribute[1] as string).toLowerCase(), value: _decode(value), line })
    }
  }
}

function _newlines(text: string, end: number): number {
  let count = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1))
    count++
  return count
}

// The character references that turn up in URLs, often to hide a scheme (`javascript&colon;`).
const _NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
  sol: '/',
  period: '.',
  lpar: '(',
  rpar: ')',
}

function _decode(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return _NAMED[name] ?? whole
  })
}
