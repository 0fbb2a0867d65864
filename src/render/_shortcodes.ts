import type { BodyTemplates } from '../sites/body-templates.js'
import { escapeAttribute } from './_attribute.js'
import type { LeftOut, Translated } from './_translated.js'
import { toReferenceMarker } from './reference-marker.js'

// Hugo's built-in shortcodes as a feed can show them: a figure, code, links to videos and gists
// (never an iframe), and `ref`/`relref` as a marker that `resolveReferences` replaces with the linked
// article's URL once every article is known (both give the absolute URL: a feed has no relative one).
// Any other shortcode is left out, never published verbatim; of an unknown pair
// (`{{< rawhtml >}}…{{< /rawhtml >}}`) only the tags go, its content stays and is sanitised like any HTML.

const _SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w-]+)((?:[^>%"]|"[^"]*")*?)\s*\/?\s*[>%]\}\}/g

/** Translates Hugo shortcodes in a body (see above). */
export function translateShortcodes(body: string, _templates: BodyTemplates): Translated {
  const leftOut: LeftOut[] = []
  let text = ''
  let at = 0
  _SHORTCODE.lastIndex = 0
  for (let match = _SHORTCODE.exec(body); match !== null; match = _SHORTCODE.exec(body)) {
    text += body.slice(at, match.index)
    at = match.index + match[0].length
    const [, , closing, name, rest] = match as unknown as string[]
    if (closing) continue
    const args = _arguments(rest as string)
    if (name === 'highlight') {
      const end = body.indexOf('{{< /highlight >}}', at)
      const code = body.slice(at, end === -1 ? body.length : end)
      at = end === -1 ? body.length : end + '{{< /highlight >}}'.length
      text += `\`\`\`${args.positional[0] ?? ''}\n${code.replace(/^\n/, '').replace(/\n?$/, '\n')}\`\`\``
      continue
    }
    const target = name === 'ref' || name === 'relref' ? (args.named.path ?? args.positional[0]) : undefined
    if (target !== undefined) {
      text += toReferenceMarker('ref', target, body.slice(0, match.index).split('\n').length - 1)
      continue
    }
    const html = _builtIn(name as string, args)
    if (html !== undefined) {
      text += html
      continue
    }
    // The closing tags of a pair are dropped when the scan reaches them (as every closing tag is).
    const close = /\/\s*[>%]\}\}$/.test(match[0]) ? undefined : _closingOf(body, at, name as string)
    leftOut.push({ offset: match.index, tag: match[0], name: name as string, ...(close ? { close } : {}) })
  }
  return { text: text + body.slice(at), leftOut }
}

/** The closing tag of the shortcode `name` after `from`, if the body holds one: then it is a pair. */
function _closingOf(body: string, from: number, name: string): string | undefined {
  const closing = new RegExp(`\\{\\{[<%]\\s*/\\s*${name}\\s*[>%]\\}\\}`, 'g')
  closing.lastIndex = from
  return closing.exec(body)?.[0]
}

interface _Arguments {
  positional: string[]
  named: Record<string, string>
}

function _arguments(text: string): _Arguments {
  const args: _Arguments = { positional: [], named: {} }
  for (const part of text.matchAll(/(?:([\w-]+)=)?(?:"([^"]*)"|([^\s"]+))/g)) {
    const value = part[2] ?? part[3] ?? ''
    if (part[1]) args.named[part[1]] = value
    else args.positional.push(value)
  }
  return args
}

function _builtIn(name: string, args: _Arguments): string | undefined {
  const first = args.positional[0]
  switch (name) {
    case 'figure': {
      const src = args.named.src ?? first
      if (!src) return undefined
      const caption = args.named.caption ?? args.named.title
      const image = `<img src="${escapeAttribute(src)}" alt="${escapeAttribute(args.named.alt ?? caption ?? '')}">`
      return `<figure>${image}${caption ? `<figcaption>${_text(caption)}</figcaption>` : ''}</figure>`
    }
    case 'youtube': {
      const id = args.named.id ?? first
      return id
        ? _link(`https://www.youtube.com/watch?v=${encodeURIComponent(id)}`, 'Video auf YouTube')
        : undefined
    }
    case 'vimeo': {
      const id = args.named.id ?? first
      return id ? _link(`https://vimeo.com/${encodeURIComponent(id)}`, 'Video auf Vimeo') : undefined
    }
    case 'gist': {
      const [user, id] = [args.named.user ?? first, args.named.id ?? args.positional[1]]
      return user && id ? _link(`https://gist.github.com/${user}/${id}`, 'Gist auf GitHub') : undefined
    }
    default:
      return undefined
  }
}

function _link(url: string, label: string): string {
  return `<p><a href="${escapeAttribute(url)}">${label}</a></p>`
}

function _text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}
