import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BodyTemplates } from '../sites/body-templates.js'
import type { LeftOut, Translated } from './_translated.js'
import { toReferenceMarker } from './reference-marker.js'

// The Liquid a Jekyll (or Eleventy) post body holds, evaluated as far as a feed needs it: site URLs and
// the URL filters, `raw`, `highlight`, `comment`, `capture` (which shows nothing where it stands) and
// `include` of a plain file. Any other tag is left out, never published verbatim; of an unknown block
// (`{% if … %}…{% endif %}`, a plugin's) only the tags go and the content stays. URLs come out absolute,
// so the Markdown renderer keeps them as they are. `post_url` and `link` name another file: they become
// a marker that `resolveReferences` replaces with that article's URL once every article is known.

const _TAG = /\{%-?\s*(\w+)([^%]*?)-?%\}|\{\{-?\s*([^}]*?)\s*-?\}\}/g
const _BLOCKS: Record<string, string> = {
  raw: 'endraw',
  highlight: 'endhighlight',
  comment: 'endcomment',
  capture: 'endcapture',
}

/** Evaluates the Liquid in a body (see above). */
export function translateLiquid(source: string, templates: BodyTemplates): Translated {
  // `{{ site.url }}{{ site.baseurl }}` is the site's address, like `{{ site.baseurl }}` alone here.
  // Before `post_url` and `link`, which stand for the whole URL here, the site's address goes too.
  const body = source
    .replace(/\{\{-?\s*site\.url\s*-?\}\}(?=\{\{-?\s*site\.baseurl\s*-?\}\})/g, '')
    .replace(/\{\{-?\s*site\.(?:base)?url\s*-?\}\}(?=\{%-?\s*(?:post_url|link)\s)/g, '')
  const leftOut: LeftOut[] = []
  let inlined: true | undefined
  // The closing tags still to come of unknown blocks whose content is kept, by name.
  const open = new Map<string, number>()
  let text = ''
  let at = 0
  _TAG.lastIndex = 0
  for (let match = _TAG.exec(body); match !== null; match = _TAG.exec(body)) {
    text += body.slice(at, match.index)
    at = match.index + match[0].length
    const name = match[1]
    if (name === undefined) {
      const expression = (match[3] as string).trim()
      const value = _output(expression, templates)
      if (value === undefined)
        leftOut.push({ offset: match.index, tag: match[0], name: `{{${expression.split(/[\s|]/)[0]}}}` })
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
    const target = name === 'post_url' || name === 'link' ? _targetOf(match[2] as string) : undefined
    if (target !== undefined) {
      const line = body.slice(0, match.index).split('\n').length - 1
      text += toReferenceMarker(name as 'post_url' | 'link', target, line)
      continue
    }
    const pending = open.get(name) ?? 0
    if (pending > 0) {
      open.set(name, pending - 1)
      continue
    }
    const included = name === 'include' ? _include((match[2] as string).trim(), templates) : undefined
    if (included !== undefined) text += included
    else {
      const close = name === 'include' ? undefined : _closingOf(body, at, name)
      if (close !== undefined) open.set(`end${name}`, (open.get(`end${name}`) ?? 0) + 1)
      leftOut.push({ offset: match.index, tag: match[0], name, ...(close ? { close } : {}) })
    }
    if (name === 'include') inlined = true
  }
  return { text: text + body.slice(at), leftOut, ...(inlined ? { inlined } : {}) }
}

/** The file a `post_url` or `link` tag names; undefined when it is computed (`{{ page.x }}`). */
function _targetOf(argument: string): string | undefined {
  const target = argument.trim()
  return target === '' || /[{}%"']/.test(target) ? undefined : target
}

/** The closing tag of the block `name` after `from`, if the body holds one: then it is a block. */
function _closingOf(body: string, from: number, name: string): string | undefined {
  const closing = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g')
  closing.lastIndex = from
  return closing.exec(body)?.[0]
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
