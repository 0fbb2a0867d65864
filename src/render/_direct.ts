import type { Renderer, Token } from 'markdown-it'
import { markdownIt } from './_markdown.js'
import type { RemovedTarget } from './_removed.js'
import { isBlankUrl, toAbsoluteUrl, type UrlBase, whyNotKept } from './urls.js'

// Markdown without raw HTML can only produce markdown-it's own tags and attributes, every one of which
// is on the sanitiser's allow-list; what the sanitiser would still change is done here directly: URLs
// made absolute (or removed, with their link or image), and its way of writing tags, attributes and
// text. tests/render/direct.test.ts holds the two paths to the same bytes.

/** True when the tokens hold raw HTML, which only the sanitiser may judge. */
export function hasRawHtml(tokens: Token[]): boolean {
  for (const token of tokens) {
    if (token.type === 'html_block' || token.type === 'html_inline') return true
    if (token.children !== null && hasRawHtml(token.children)) return true
  }
  return false
}

const _renderer = new (markdownIt.renderer.constructor as new () => Renderer)()
const _OPTIONS = { ...markdownIt.options, xhtmlOut: true }

/**
 * Renders tokens without raw HTML (`hasRawHtml` false) as the sanitiser would leave them. Without a
 * `base` URLs stay as written: only for HTML that is reduced to plain text (`toTextBlocks`). Link
 * targets and image sources removed are added to `removed`, with their lines, as the sanitiser's are.
 */
export function renderDirect(tokens: Token[], base?: UrlBase, removed: RemovedTarget[] = []): string {
  let line = 0
  for (const token of tokens) {
    if (token.map) line = token.map[0]
    if (base && token.children !== null) _absolutize(token.children, base, line, removed)
  }
  return _renderer.render(tokens, _OPTIONS, {})
}

// A link whose URL is unsafe becomes its text; an image without a safe URL goes away.
function _absolutize(inline: Token[], base: UrlBase, first: number, removed: RemovedTarget[]): void {
  let dropClose = false
  let line = first
  for (const token of inline) {
    if (token.type === 'softbreak' || token.type === 'hardbreak') line++
    if (token.type === 'link_open' || token.type === 'image') {
      const value = String(token.attrGet(token.type === 'image' ? 'src' : 'href') ?? '')
      const located = token.type === 'image' ? base.imageUrl?.(value) : undefined
      const absolute = located ?? toAbsoluteUrl(value, base)
      if (absolute === undefined && !isBlankUrl(value)) {
        const kind = token.type === 'image' ? 'source' : 'link'
        removed.push({ line, target: value, kind, reason: whyNotKept(value) })
      }
      if (absolute !== undefined) token.attrSet(token.type === 'image' ? 'src' : 'href', absolute)
      else if (token.type === 'image') token.type = 'kanal_removed'
      else {
        token.type = 'kanal_removed'
        dropClose = true
      }
    } else if (token.type === 'link_close' && dropClose) {
      token.type = 'kanal_removed'
      dropClose = false
    }
  }
}

_renderer.rules.kanal_removed = () => ''

// The sanitiser writes `"` in text as it is (only in attribute values as `&quot;`); markdown-it escapes it
// everywhere. Text, inline code and code blocks are therefore written here; attributes stay markdown-it's.
_renderer.rules.text = (tokens, index) => _escapeText((tokens[index] as Token).content)
_renderer.rules.code_inline = (tokens, index, _options, _env, self) => {
  const token = tokens[index] as Token
  return `<code${self.renderAttrs(token)}>${_escapeText(token.content)}</code>`
}
_renderer.rules.code_block = (tokens, index, _options, _env, self) => {
  const token = tokens[index] as Token
  return `<pre${self.renderAttrs(token)}><code>${_escapeText(token.content)}</code></pre>\n`
}
const _fence = markdownIt.renderer.rules.fence
_renderer.rules.fence = (tokens, index, options, env, self) => {
  const html = _fence?.(tokens, index, options, env, self) ?? ''
  // `<pre><code class="…">` + escaped code + `</code></pre>`: attribute values never hold a raw `>`.
  const start = html.indexOf('>', html.indexOf('<code')) + 1
  return html.slice(0, start) + html.slice(start).replaceAll('&quot;', '"')
}

const _TEXT_SPECIAL = /[&<>]/
const _TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

function _escapeText(text: string): string {
  return _TEXT_SPECIAL.test(text) ? text.replace(/[&<>]/g, (char) => _TEXT_ESCAPES[char] ?? char) : text
}
