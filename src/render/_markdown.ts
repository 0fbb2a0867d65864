import MarkdownIt from 'markdown-it'

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
