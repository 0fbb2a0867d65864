import { markdownIt } from './_markdown.js'
import type { Substitutions } from './typographer.js'

// What inline Markdown (emphasis, code, links, escapes, entities, raw HTML) or the typographer acts on.
const _MARKED = /[-.'"<>`*_[\]\\&!~]/

/**
 * A Hugo title as the site shows it: themes write `{{ .Title | markdownify }}`, so the title is inline
 * Markdown with Hugo's typographer (`marks`; none when the site turns it off). Emphasis, links and code
 * spans show their text, escapes their character, raw HTML tags and images nothing (Hugo leaves raw
 * HTML out by default). Markdown decodes the entities; the text comes back with `&` written `&amp;`,
 * because every title is decoded once more later (`Fields.text`), which then gives this text exactly.
 */
export function hugoTitle(title: string, marks: Substitutions | undefined): string {
  // Most titles hold nothing Markdown or the typographer would change: no parse for them.
  if (!_MARKED.test(title)) return title
  const [inline] = markdownIt.parseInline(title, marks ? { hugoTypographer: marks } : {})
  let shown = ''
  // After markdown-it's `text_join`, escapes and entities are text, decoded.
  for (const token of inline?.children ?? []) {
    if (token.type === 'text' || token.type === 'code_inline') shown += token.content
    else if (token.type === 'softbreak' || token.type === 'hardbreak') shown += ' '
  }
  return shown.replaceAll('&', '&amp;')
}
