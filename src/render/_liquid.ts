import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BodyTemplates } from '../sites/body-templates.js'
import type { LeftOut, Translated } from './_translated.js'

// The Liquid a Jekyll (or Eleventy) post body holds, evaluated as far as a feed needs it: site URLs and
// the URL filters, `raw`, `highlight`, `comment` and `include` of a plain file. Anything else is left
// out, never published verbatim. URLs come out absolute, so the Markdown renderer keeps them as they are.

const _TAG = /\{%-?\s*(\w+)([^%]*?)-?%\}|\{\{-?\s*([^}]*?)\s*-?\}\}/g
const _BLOCKS: Record<string, string> = { raw: 'endraw', highlight: 'endhighlight', comment: 'endcomment' }

/** Evaluates the Liquid in a body (see above). */
export function translateLiquid(source: string, templates: BodyTemplates): Translated {
  // `{{ site.url }}{{ site.baseurl }}` is the site's address, like `{{ site.baseurl }}` alone here.
  const body = source.replace(/\{\{-?\s*site\.url\s*-?\}\}(?=\{\{-?\s*site\.baseurl\s*-?\}\})/g, '')
  const leftOut: LeftOut[] = []
  let inlined: true | undefined
  let text = ''
  let at = 0
  _TAG.lastIndex = 0
  for (let match = _TAG.exec(body); match !== null; match = _TAG.exec(body)) {
    text += body.slice(at, match.index)
    at = match.index + match[0].length
    const name = match[1]
    if (name === undefined) {
      const value = _output((match[3] as string).trim(), templates)
      if (value === undefined) leftOut.push({ offset: match.index, tag: match[0] })
      else text += value
      continue
    }
    const end = _BLOCKS[name]
    if (end !== undefined) {
      const close = new RegExp(`\\{%-?\\s*${end}\\s*-?%\\}`, 'g')
      close.lastIndex = at
      const found = close.exec(body)
      const inner = body.slice(at, found ? found.index : body.length)
      at = found ? found.index + found[0].length : body.length
      _TAG.lastIndex = at
      if (name === 'raw') text += inner
      else if (name === 'highlight') text += _fence(inner, (match[2] as string).trim().split(/\s+/)[0] ?? '')
      continue
    }
    const included = name === 'include' ? _include((match[2] as string).trim(), templates) : undefined
    if (included === undefined) leftOut.push({ offset: match.index, tag: match[0] })
    else text += included
    if (name === 'include') inlined = true
  }
  return { text: text + body.slice(at), leftOut, ...(inlined ? { inlined } : {}) }
}

/** The value of `{{ … }}`: site URLs and quoted paths through `relative_url` / `absolute_url`. */
function _output(expression: string, templates: BodyTemplates): string | undefined {
  const site = templates.siteUrl.replace(/\/$/, '')
  const origin = new URL(templates.siteUrl).origin
  if (expression === 'site.baseurl') return site
  if (expression === 'site.url') return origin
  const filtered =
    /^(?:"([^"]*)"|'([^']*)'|(site\.baseurl|site\.url|page\.url))\s*\|\s*(relative_url|absolute_url)$/.exec(
      expression,
    )
  if (!filtered) return undefined
  const input = filtered[1] ?? filtered[2]
  if (input === undefined)
    return filtered[3] === 'site.url' ? origin : filtered[3] === 'site.baseurl' ? site : undefined
  // Jekyll leaves absolute URLs alone and puts baseurl (absolute_url: also url) before a path.
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return input
  return `${site}/${input.replace(/^\//, '')}`
}

function _fence(code: string, language: string): string {
  const inner = code.replace(/^\n/, '').replace(/\n?$/, '\n')
  const ticks = '`'.repeat(Math.max(3, ...[...inner.matchAll(/`+/g)].map((run) => run[0].length + 1)))
  return `${ticks}${/^[\w+#-]+$/.test(language) ? language : ''}\n${inner}${ticks}`
}

/** `{% include file.html %}`: the file's text when it is plain (holds no template code itself). */
function _include(argument: string, templates: BodyTemplates): string | undefined {
  const file = /^([\w./-]+)$/.exec(argument)?.[1]
  if (!file || !templates.includesDir || file.split('/').includes('..')) return undefined
  let text: string
  try {
    text = readFileSync(path.join(templates.includesDir, file), 'utf8')
  } catch {
    return undefined
  }
  return /\{[{%]/.test(text) ? undefined : text
}
