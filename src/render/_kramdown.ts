import { escapeAttribute } from './_attribute.js'
import { findFencedLines } from './_fences.js'

// kramdown, the Markdown Jekyll renders with, reads `{: …}` attribute lists (IALs): on a line of their
// own after (or before) a block, or right after a span element (`![Bild](a.jpg){: width="300px"}`,
// `*Text*{:.klasse}`). They set HTML attributes and are never text. A feed keeps only an image's
// width and height (in safe values); classes, ids, styles and the rest mean nothing in a feed reader,
// so the lists are dropped. Only for Jekyll sites: elsewhere `{:` may be real text.

// An inline Markdown image: alt text, target (bare or in `<…>`) and an optional title.
const _IMAGE = String.raw`!\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+("[^"\n]*"|'[^'\n]*'))?\s*\)`
const _IMAGE_WITH_LIST = new RegExp(`${_IMAGE}\\{:([^}\\n]*)\\}`, 'g')
const _IMAGE_AT_END = new RegExp(`${_IMAGE}\\s*$`)
// A block IAL, an attribute list definition (`{:name: …}`) or an extension (`{::options … /}`) alone on a line.
const _BLOCK_LIST = /^ {0,3}\{:[^}\n]*\}\s*$/
// A span IAL right after an element: emphasis, code, a link, an HTML tag.
const _SPAN_LIST = /(?<=[*_`)\]>])\{:[^}\n]*\}/g
// kramdown's header ids (`## Titel {#anker}`, `{: #anker}`) at the end of an ATX heading.
const _HEADING_ID = /^( {0,3}#{1,6}\s.*?)\s*\{:?\s*[#.][^}\n]*\}\s*$/
const _SIZE = /^(\d{1,5})(?:px)?$/
// A reference-style image (`![Bild][foto]`, `![foto][]`) and a link reference definition.
const _REFERENCE_IMAGE = /!\[((?:\\.|[^\]\\])*)\]\[([^\]\n]*)\]/g
const _DEFINITION = /^ {0,3}\[([^\]\n]+)\]:\s*(<[^>\n]*>|\S+)(?:\s+("[^"\n]*"|'[^'\n]*'))?\s*$/

/**
 * The body with kramdown's attribute lists applied as far as a feed can use them (an image's
 * `width` and `height`) and dropped. Lines stay where they are (a block list becomes an empty
 * line), so messages about the rest of the body keep their line numbers.
 */
export function applyAttributeLists(markdown: string): string {
  const lines = markdown.split('\n')
  const fenced = findFencedLines(lines)
  // A list after a reference-style image sizes it too: such an image is written inline first.
  const definitions = _definitionsIn(lines, fenced)
  if (definitions.size > 0) {
    for (const [index, line] of lines.entries()) {
      if (!fenced[index] && line.includes('][')) lines[index] = _inlineReferences(line, definitions)
    }
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (fenced[index]) continue
    // Indented code stays as written.
    if (/^(?: {4}|\t)/.test(line) && (index === 0 || (lines[index - 1] as string).trim() === '')) continue
    if (_BLOCK_LIST.test(line)) {
      lines[index] = ''
      const before = index > 0 ? (lines[index - 1] as string) : ''
      if (/^\{:toc\}$/.test(line.trim()) && /^\s*[*+-]\s+\S/.test(before)) lines[index - 1] = ''
      else if (_IMAGE_AT_END.test(before)) lines[index - 1] = _withListOnLastImage(before, line.trim())
      continue
    }
    lines[index] = _spanLists(line)
  }
  return lines.join('\n')
}

/** The link reference definitions of a body, by their label as Markdown matches it (case and spaces folded). */
function _definitionsIn(lines: string[], fenced: boolean[]): Map<string, string> {
  const definitions = new Map<string, string>()
  for (const [index, line] of lines.entries()) {
    const found = fenced[index] ? null : _DEFINITION.exec(line)
    if (found === null) continue
    const label = _label(found[1] as string)
    // The first definition of a label counts, as in Markdown.
    if (!definitions.has(label)) definitions.set(label, `${found[2]}${found[3] ? ` ${found[3]}` : ''}`)
  }
  return definitions
}

function _label(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Reference-style images whose reference is defined, written inline (`![Bild](foto.jpg "Titel")`). */
function _inlineReferences(line: string, definitions: Map<string, string>): string {
  return line.replace(_REFERENCE_IMAGE, (whole, alt: string, label: string) => {
    const target = definitions.get(_label(label === '' ? alt : label))
    return target === undefined ? whole : `![${alt}](${target})`
  })
}

function _spanLists(line: string): string {
  if (!line.includes('{')) return line
  const heading = _HEADING_ID.exec(line)
  const text = heading ? (heading[1] as string) : line
  return text
    .replace(_IMAGE_WITH_LIST, (_match, alt, target, title, list) => _image(alt, target, title, list))
    .replace(_SPAN_LIST, '')
}

/** A line ending with an image, its last image given the block list that follows the line. */
function _withListOnLastImage(line: string, list: string): string {
  const match = _IMAGE_AT_END.exec(line) as RegExpExecArray
  const [whole, alt, target, title] = match
  const attributes = list.slice(2, -1)
  const image = _image(alt as string, target as string, title, attributes)
  return `${line.slice(0, match.index)}${image}${line.slice(match.index + whole.length).trim()}`
}

/**
 * The image as Markdown again when the list sets no usable size, else as an `<img>` with `width` and
 * `height` (numbers or px only: `auto`, `50%` or `10em` say nothing an `<img>` attribute can hold).
 */
function _image(alt: string, target: string, title: string | undefined, list: string): string {
  const width = _size(list, 'width')
  const height = _size(list, 'height')
  if (width === undefined && height === undefined) {
    return `![${alt}](${target}${title === undefined ? '' : ` ${title}`})`
  }
  const src = target.startsWith('<') ? target.slice(1, -1) : target
  const attributes = [
    `src="${escapeAttribute(src)}"`,
    `alt="${escapeAttribute(alt.replace(/\\(.)/g, '$1'))}"`,
    ...(title === undefined ? [] : [`title="${escapeAttribute(title.slice(1, -1))}"`]),
    ...(width === undefined ? [] : [`width="${width}"`]),
    ...(height === undefined ? [] : [`height="${height}"`]),
  ]
  return `<img ${attributes.join(' ')}>`
}

function _size(list: string, name: string): string | undefined {
  const value = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"']+))`).exec(list)
  const text = (value?.[1] ?? value?.[2] ?? value?.[3])?.trim()
  return text === undefined ? undefined : _SIZE.exec(text)?.[1]
}
