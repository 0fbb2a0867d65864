import MarkdownIt, { type Token } from 'markdown-it'
import { type Substitutions, typographText } from './typographer.js'

/**
 * The one markdown-it instance: CommonMark plus tables and strikethrough (the `default` preset),
 * raw HTML passed through to the sanitiser, no linkify and no typographer
 * (editors already type „deutsche“ Anführungszeichen; the English default quotes would replace them).
 */
export const markdownIt = new MarkdownIt('default', { html: true, linkify: false, typographer: false })

// markdown-it's own link check turns `[klick](javascript:…)` into literal source text, which a
// reader would show. Every link goes through the sanitiser's scheme allow-list anyway, which
// drops the URL and keeps "klick" as text.
markdownIt.validateLink = () => true

// Table cells come out as `style="text-align:…"`, and the sanitiser removes every `style`:
// use the `align` attribute instead, which feed readers still honour.
markdownIt.core.ruler.push('kanal_table_align', (state) => {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue
    const style = String(token.attrGet('style') ?? '')
    if (style.startsWith('text-align:')) token.attrs = [['align', style.slice('text-align:'.length)]]
  }
})

// Hugo's typographer (`typographText`) for the bodies of a Hugo site (`env.hugoTypographer`): on text
// only, never in code spans, code blocks, raw HTML or link targets. Before `text_join`, so escapes and
// entities (`text_special`) stay as written, as in Goldmark.
markdownIt.core.ruler.before('text_join', 'kanal_hugo_typographer', (state) => {
  const marks = (state.env as { hugoTypographer?: Substitutions }).hugoTypographer
  if (!marks) return
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue
    const children = block.children
    children.forEach((token, index) => {
      if (token.type !== 'text') return
      const before = _edge(children[index - 1], 'last')
      const after = _edge(children[index + 1], 'first')
      token.content = typographText(token.content, before, after, marks)
    })
  }
})

/** The source character next to a text token: a neighbour's own text, else what its markup starts or ends with. */
function _edge(token: Token | undefined, side: 'first' | 'last'): string {
  if (token === undefined || token.type === 'softbreak' || token.type === 'hardbreak') return '\n'
  if (token.type === 'text') return (side === 'first' ? token.content[0] : token.content.at(-1)) ?? '\n'
  if (token.type === 'text_special' && token.info === 'entity') return side === 'first' ? '&' : ';'
  if (token.type === 'text_special') return side === 'first' ? '\\' : (token.content.at(-1) ?? '\\')
  // Emphasis, links, code spans, images, inline HTML: their markup is punctuation.
  return '*'
}
